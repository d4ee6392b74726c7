"""The "what is recognised" tables of `docs/frameworks.md`, generated from the framework records.

python -m secpat.frameworks.docs docs/frameworks.md    # rewrite the generated section in place
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from secpat.frameworks import known
from secpat.frameworks.record import ALWAYS_HTML, HANDLERS, HTML_BY_DEFAULT, RESOURCES, URLCONF, VIEW_CLASSES, Framework

START = "<!-- generated from the framework records: python -m secpat.frameworks.docs docs/frameworks.md -->"
END = "<!-- end of generated section -->"

_HTML_KINDS = {ALWAYS_HTML: "always HTML", HTML_BY_DEFAULT: "HTML unless a content type says otherwise"}


def _code(values: Iterable[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) or "-"


def _routing(framework: Framework) -> str:
    if framework.routing == URLCONF:
        return "URL confs (`urlpatterns`, `include()`)"
    if framework.routing == HANDLERS:
        return "handler classes: one `do_<VERB>` method per verb, paths from the tests of the request path"
    if framework.routing == RESOURCES:
        return (
            "resource classes: one `on_<verb>` method per verb (`on_<verb>_<suffix>` with a suffix), routed by "
            "`add_route`"
        )
    if framework.routing == VIEW_CLASSES:
        return (
            "view classes: each `@expose()` method is a route under the class's `route_base`, served once the class "
            "is registered (`add_view`, `add_view_no_menu`, `add_api`); otherwise the family's"
        )
    decorators = _code(f".{d}()" for d in framework.route_decorators)
    mounts = (
        "a mount's prefix replaces the router's own" if framework.mount_prefix == "replace" else "mount prefixes add up"
    )
    return f"decorators {decorators}; {mounts}"


def _responses(framework: Framework) -> str:
    parts = [
        f"`{name}` ({_HTML_KINDS.get(kind, 'HTML when its content type says so')})"
        for name, kind in framework.responses
    ]
    return ", ".join(parts) or "-"


def table(framework: Framework) -> str:
    rows = [
        ("Files that import", _code(framework.roots)),
        ("Apps", _code(framework.apps)),
        ("Routers", _code(framework.routers)),
        ("Routes", _routing(framework)),
        ("Request objects", _code(dict.fromkeys((*framework.request_objects, *framework.request_classes)))),
        ("Input attributes", _code(framework.input_attributes)),
        ("Input methods", _code(f"{m}()" for m in framework.input_methods)),
        ("Responses", _responses(framework)),
        ("JSON answers", _code(framework.json_responses)),
        ("Template renderers", _code(framework.renderers)),
        ("Templates rendered from files (escaped)", _code(framework.page_renderers)),
        ("Templates rendered from strings", _code(framework.template_strings)),
        ("Other answers (exception text is followed into them)", _code((*framework.answers, *framework.error_answers))),
        ("Messages shown on the next page (exception text there: audit mode)", _code(framework.user_messages)),
        ("Debug switches", _code(f"{c}({k}=True)" for c, k in framework.debug_switches)),
        (
            "CSRF",
            ("checked by the framework unless switched off; " if framework.csrf_builtin else "none built in; ")
            + ", ".join(framework.csrf),
        ),
        ("Rate limits", ", ".join(framework.limits) or "-"),
        ("Cookie sessions", ", ".join(framework.sessions) or "-"),
    ]
    lines = [f"#### {framework.title}", "", "| | |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def section() -> str:
    body = "\n\n".join(table(f) for f in known.frameworks())
    return f"{START}\n\n{body}\n\n{END}"


def rewrite(text: str) -> str:
    """`text` with its generated section replaced by the current one."""
    start, end = text.index(START), text.index(END) + len(END)
    return text[:start] + section() + text[end:]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.write_text(rewrite(target.read_text(encoding="utf-8")), encoding="utf-8")
