"""The forms of a template, found without rendering it: where each posts and whether it carries a CSRF
token, for Django and Jinja2 dialects."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from secpat.frameworks.facts import (
    FormFact,
)

_FORM_OPEN = re.compile(r"<form\b([^>]*)>", re.IGNORECASE)
#: Where markup is text: comments, raw-text elements, and the code samples of documentation pages.
_TEXT_ONLY = re.compile(
    r"<!--.*?(?:-->|$)|<(textarea|xmp|script|style|pre|code)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
_FORM_CLOSE = re.compile(r"</form\s*>", re.IGNORECASE)
_METHOD = re.compile(r"""\bmethod\s*=\s*["']?\s*([A-Za-z]+|\x00)""", re.IGNORECASE)
_ACTION = re.compile(r"""\baction\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_HIDDEN_TOKEN = re.compile(r"""name\s*=\s*["']?[^"'\s>=]*(csrf|xsrf)""", re.IGNORECASE)
_MARK = re.compile(r"\x00(\d+)\x00")
_TOKEN_WORDS = ("csrf_token", "hidden_tag", "csrf_input", "xsrf_form_html", "csrf")
_DJANGO_TAGS = frozenset(
    {
        "load",
        "url",
        "csrf_token",
        "static",
        "trans",
        "blocktrans",
        "blocktranslate",
        "translate",
        "verbatim",
        "empty",
        "ifequal",
        "now",
        "cycle",
        "firstof",
        "spaceless",
        "widthratio",
    }
)
_JINJA_TAGS = frozenset({"macro", "call", "set", "import", "from", "do", "endmacro"})
_HARMLESS_CALLS = ("url_for", "static", "gettext", "_", "ngettext", "url(", "range", "len", "get_flashed_messages")
_FALLBACK_TOKENS = re.compile(r"({%-?.*?-?%}|{{-?.*?-?}}|{#.*?#})", re.DOTALL)


@dataclass(frozen=True)
class _Piece:
    kind: str  # data | tag | var
    text: str  # data text, or the tag / expression source
    line: int
    start: int  # offset in the skeleton


def _lex(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, line) pieces of a template: data, `{% tag %}` and `{{ expression }}` (comments dropped)."""
    try:
        from jinja2 import Environment, TemplateSyntaxError
    except ImportError:  # pragma: no cover - jinja2 is a dependency
        return _lex_fallback(text)
    pieces: list[tuple[str, str, int]] = []
    current: list[str] | None = None
    kind, start_line = "", 1
    try:
        for line, token, value in Environment().lex(text):
            if token in ("block_begin", "variable_begin"):
                current, kind, start_line = [], "tag" if token == "block_begin" else "var", line
            elif token in ("block_end", "variable_end") and current is not None:
                pieces.append((kind, "".join(current).strip(), start_line))
                current = None
            elif current is not None:
                current.append(value)
            elif token == "data":
                pieces.append(("data", value, line))
    except TemplateSyntaxError:
        return _lex_fallback(text)
    return pieces


def _lex_fallback(text: str) -> list[tuple[str, str, int]]:
    """A plain split for templates the Jinja lexer refuses (some Django syntax): same pieces, same lines."""
    pieces: list[tuple[str, str, int]] = []
    line = 1
    for part in _FALLBACK_TOKENS.split(text):
        if part.startswith("{%"):
            pieces.append(("tag", part.strip("{%-} \n\t"), line))
        elif part.startswith("{{"):
            pieces.append(("var", part.strip("{}- \n\t"), line))
        elif part and not part.startswith("{#"):
            pieces.append(("data", part, line))
        line += part.count("\n")
    return pieces


def _skeleton(text: str) -> tuple[str, list[_Piece]]:
    """The template's HTML with each tag and expression replaced by a marker `\\0<index>\\0`."""
    out: list[str] = []
    pieces: list[_Piece] = []
    offset = 0
    for kind, value, line in _lex(text):
        chunk = value if kind == "data" else f"\x00{len(pieces)}\x00"
        pieces.append(_Piece(kind, value, line, offset))
        out.append(chunk)
        offset += len(chunk)
    return "".join(out), pieces


def _line_at(pieces: list[_Piece], offset: int, skeleton: str) -> int:
    index = bisect.bisect_right([p.start for p in pieces], offset) - 1
    piece = pieces[max(index, 0)]
    if piece.kind != "data":
        return piece.line
    return piece.line + skeleton.count("\n", piece.start, offset)


def _dialect(pieces: list[_Piece]) -> str:
    tags = {p.text.split(None, 1)[0] for p in pieces if p.kind == "tag" and p.text}
    if tags & _DJANGO_TAGS or any(p.kind == "var" and re.search(r"\|\s*\w+\s*:", p.text) for p in pieces):
        return "django"
    if tags & _JINJA_TAGS or any(p.kind == "var" and "(" in p.text for p in pieces):
        return "jinja"
    return ""


def _only_django_renders(pieces: list[_Piece]) -> bool:
    """Tags Jinja2 has no counterpart of (`{% url %}`, `{% load %}`, `{% csrf_token %}`) or a filter given an
    argument after a colon: Jinja2 cannot render this template."""
    tags = {p.text.split(None, 1)[0] for p in pieces if p.kind == "tag" and p.text}
    return bool(tags & {"load", "url", "static", "csrf_token", "verbatim", "widthratio"}) or any(
        p.kind == "var" and re.search(r"\|\s*\w+\s*:", p.text) for p in pieces
    )


def _partials(skeleton: str, pieces: list[_Piece]) -> dict[str, str]:
    """The bodies of a Django template's `{% partialdef name %}...{% endpartialdef %}` blocks, by name."""
    bodies: dict[str, str] = {}
    opened: list[tuple[str, int]] = []
    for match in _MARK.finditer(skeleton):
        piece = pieces[int(match.group(1))]
        words = piece.text.split() if piece.kind == "tag" else []
        if words[:1] == ["partialdef"] and len(words) > 1:
            opened.append((words[1], match.end()))
        elif words[:1] == ["endpartialdef"] and opened:
            name, start = opened.pop()
            bodies[name] = skeleton[start : match.start()]
    return bodies


def _inside_says(
    body: str, pieces: list[_Piece], partials: dict[str, str] | None = None, django: bool = False
) -> tuple[bool, bool]:
    """(token, maybe_token) for the part of a template between `<form ...>` and `</form>`. A partial
    rendered inside (`{% partial head %}`) counts with the body its `{% partialdef %}` gives it. In a
    template only Django renders, the fields a loop over a form yields never include the token (a Django
    form has no token field; a Flask-WTF form does)."""
    if _HIDDEN_TOKEN.search(_MARK.sub("", body)):
        return True, False
    maybe = False
    for match in _MARK.finditer(body):
        piece = pieces[int(match.group(1))]
        text = piece.text
        first = text.split(None, 1)[0] if text else ""
        if (
            piece.kind == "tag"
            and first == "csrf_token"
            or piece.kind == "var"
            and any(word in text for word in _TOKEN_WORDS)
        ):
            return True, False
        if piece.kind == "tag" and first == "partial":
            name = text.split()[1] if len(text.split()) > 1 else ""
            if partials is None or name not in partials:
                maybe = True  # defined in another template
                continue
            token, inner_maybe = _inside_says(partials[name], pieces, None, django)  # one level: seldom nested
            if token:
                return True, False
            maybe = maybe or inner_maybe
        elif piece.kind == "tag" and first in ("include", "call", "import", "from", "extends", "block"):
            maybe = True  # another template or block may hold the token
        elif piece.kind == "tag" and first == "for" and re.search(r"\bin\s+form\b", text):
            maybe = maybe or not django
        elif (
            piece.kind == "var"
            and "(" in text
            and not text.startswith(_HARMLESS_CALLS)
            and _RENDERS_FIELDS.search(text)
        ):
            # A macro such as `render_form(form)` renders the hidden fields itself; a value written inside a
            # tag (`max="{{ '%.2f'|format(total) }}"`) is an attribute's, where no field can be.
            before = body[: match.start()]
            maybe = maybe or before.rfind("<") <= before.rfind(">")
        elif (
            piece.kind == "tag"
            and first not in _DJANGO_TAGS | _BLOCK_TAGS
            and (_FORM_WORD.search(text[len(first) :]) or _FORM_WORD.fullmatch(first) and text[len(first) :].strip())
        ):
            # A tag given the whole form (`{% crispy form %}`), or a tag that renders forms given one
            # (`{% bootstrap_form_horizontal change_password 2 6 %}`), may render the token with the fields.
            maybe = True
    return False, maybe


# A macro call that may render a form's hidden fields: it is named for, or given, a form, its fields, its
# token or its submit control (`render_form(form)`, `wtf.quick_form(f)`, `hidden_fields()`, `item.submit()`),
# or it is the body a `{% call %}` block passes in (`caller()`); unlike `ui.sort_link('index', 'name')`.
_RENDERS_FIELDS = re.compile(r"form|field|csrf|token|hidden|input|render|widget|submit|caller", re.IGNORECASE)

# A name for a whole form given to a tag: `form`, `userform`, `form_activities`, `profile_form`;
# not one field (`form.email`) nor another word (`formula`).
_FORM_WORD = re.compile(r"(?<![\w.])\w*form(?:s|_\w+)?\b(?!\.)")

_BLOCK_TAGS = frozenset(
    {
        "if",
        "elif",
        "else",
        "endif",
        "for",
        "endfor",
        "with",
        "endwith",
        "trans",
        "blocktrans",
        "endblocktrans",
        "set",
        "filter",
        "endfilter",
        "autoescape",
        "endautoescape",
        "comment",
        "endcomment",
    }
)
_SUBMIT = re.compile(
    r"""<button\b(?![^>]*\btype\s*=\s*["']?(?:button|reset)\b)|<input\b[^>]*\btype\s*=\s*["']?"""
    r"""(?:submit|image)\b""",
    re.IGNORECASE,
)
#: `<input type="checkbox" onchange="this.form.submit()">`: an inline handler that submits the form as a
#: browser does, with no header a script could add.
_NATIVE_SUBMIT = re.compile(r"""\bon\w+\s*=\s*["'][^"']*\bthis\.form\.submit\(\)""", re.IGNORECASE)
_SCRIPT_BUTTON = re.compile(r"""<(?:button|input)\b[^>]*\btype\s*=\s*["']?button\b""", re.IGNORECASE)
_FIELD = re.compile(
    r"""<(?:textarea|select)\b|<input\b(?![^>]*\btype\s*=\s*["']?"""
    r"""(?:hidden|button|reset|checkbox|radio|file)\b)""",
    re.IGNORECASE,
)


def _submittable(body: str, pieces: list[_Piece]) -> bool:
    """A user can submit the form: a submit button, a text field (Enter submits), or template code in the
    form's content that may render either. A form with neither is submitted only by script, and so is one
    whose only buttons are `type="button"`: they do nothing until a script sends the form."""
    if _SUBMIT.search(body) or _NATIVE_SUBMIT.search(body):
        return True
    if _SCRIPT_BUTTON.search(body):
        return False
    if _FIELD.search(body):
        return True
    for match in _MARK.finditer(body):
        piece = pieces[int(match.group(1))]
        first = piece.text.split(None, 1)[0] if piece.text else ""
        in_markup = body.rfind("<", 0, match.start()) > body.rfind(">", 0, match.start())
        if in_markup or piece.kind == "tag" and (first in _DJANGO_TAGS | _BLOCK_TAGS or first.startswith("end")):
            continue  # an attribute value, a condition, a translation: renders no control
        if not re.search(
            r"form|field|widget|input|button|submit" + (r"|\(" if piece.kind == "var" else ""), piece.text, re.I
        ):
            continue  # a data value or a component that names no form, field or button
        return True
    return False


def _action_tag(attributes: str, pieces: list[_Piece]) -> bool:
    """`action="{% eventurl ... %}"`: a project tag builds the URL, which may point to another origin."""
    action = re.search(r"""\baction\s*=\s*["']([^"']*)["']""", attributes, re.IGNORECASE)
    for match in _MARK.finditer(action.group(1) if action else ""):
        piece = pieces[int(match.group(1))]
        first = piece.text.split(None, 1)[0] if piece.text else ""
        if piece.kind == "tag" and first not in _DJANGO_TAGS | _BLOCK_TAGS and not first.startswith("end"):
            return True
    return False


# `url_for('bp.view', id=x)`, `url('name')`, `request.route_url('name')`: the route a URL is built for.
_REVERSED_CALL = re.compile(r"""\b(?:url_for|url|route_url|route_path|reverse)\(\s*["']([^"']+)["']""")
# `{% url 'ns:name' pk %}`
_REVERSED_TAG = re.compile(r"""^url\s+["']([^"']+)["']""")


def _action_endpoint(attributes: str, pieces: list[_Piece]) -> str:
    """The name of the route a form's action is reversed from, "" when it is written as a path or not known."""
    action = _ACTION.search(attributes)
    for match in _MARK.finditer(action.group(1) if action else ""):
        piece = pieces[int(match.group(1))]
        found = (_REVERSED_TAG.match(piece.text.strip()) if piece.kind == "tag" else None) or (
            _REVERSED_CALL.search(piece.text) if piece.kind == "var" else None
        )
        if found:
            return found.group(1)
    return ""


def _action_mark(piece: _Piece) -> str:
    """What a template piece inside a form's action stands for: a value (`{{}}`), or the `{% if %}`,
    `{% else %}` and `{% endif %}` that choose between two paths."""
    word = piece.text.lstrip("-+ ").split(" ", 1)[0] if piece.kind == "tag" else ""
    return f"{{% {word} %}}" if word in ("if", "else", "endif") else "{{}}"


def template_forms(text: str, path: str, *, first_line: int = 1, owner_module: str = "") -> list[FormFact]:
    """Every POST form of a template, with whether a CSRF token is inside it."""
    if "<form" not in text.lower():
        return []
    skeleton, pieces = _skeleton(text)
    if not pieces:
        return []
    dialect = _dialect(pieces)
    django_only = dialect == "django" and _only_django_renders(pieces)
    partials = _partials(skeleton, pieces) if "partialdef" in text else {}
    forms: list[FormFact] = []
    text_spans = [m.span() for m in _TEXT_ONLY.finditer(skeleton)]
    for match in _FORM_OPEN.finditer(skeleton):
        if any(start <= match.start() < end for start, end in text_spans):
            continue  # `<!-- <form ...> -->`, `<textarea><form ...>`: shown as text, never submitted
        method = _METHOD.search(match.group(1))
        if method is None or method.group(1).lower() != "post":
            continue  # GET forms (search, filters) need no token; a templated method is not judged
        close = _FORM_CLOSE.search(skeleton, match.end())
        body = skeleton[match.end() : close.start() if close else len(skeleton)]
        token, maybe = _inside_says(body, pieces, partials, django_only)
        action = _ACTION.search(match.group(1))
        raw_action = action.group(1) if action else ""
        # `/customers/{{ customer.id }}`: a value written into a path keeps its place (as `{{}}`); an action
        # the template writes whole stays empty.
        written = _MARK.sub("", raw_action)
        action_text = (
            _MARK.sub(lambda m: _action_mark(pieces[int(m.group(1))]), raw_action) if written.strip() else written
        )
        forms.append(
            FormFact(
                file=path,
                line=_line_at(pieces, match.start(), skeleton) + first_line - 1,
                token=token,
                maybe_token=maybe,
                action=action_text,
                dialect=dialect,
                owner_module=owner_module,
                submittable=_submittable(body, pieces),
                action_tag=_action_tag(match.group(1), pieces),
                endpoint=_action_endpoint(match.group(1), pieces),
            )
        )
    return forms
