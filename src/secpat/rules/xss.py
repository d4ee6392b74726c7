"""Pattern 5 — XSS prevention (XSS).

Reported: request input placed in an HTML response without escaping; escaping
bypassed on non-constant data (`mark_safe`, `Markup`, pre-formatted
`format_html`, templates built from data); autoescape switched off (Jinja2's
`Environment()` default, Django `TEMPLATES`, `{% autoescape off %}`); `|safe`
on a template variable. JSON responses (`jsonify`, `JsonResponse`, dicts from
FastAPI) are not HTML; `mark_safe(format_html(...))` and `|safe` on a literal
are fine.
"""

from __future__ import annotations

import ast

from secpat import templates
from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.findings import Confidence, Severity
from secpat.model.module import literal_value
from secpat.rules.context import FileContext, Outcome, TextContext
from secpat.rules.registry import Rule, check, define

XSS001 = define(Rule(
    id="XSS001",
    name="request-data-in-html-response",
    pattern=5,
    title="Request input returned in HTML without escaping",
    severity=Severity.HIGH,
    confidence=Confidence.HIGH,
    cwe=79,
    why="""
        A response that echoes what the client sent, unescaped, lets an attacker put
        `<script>` into a page your site serves: a crafted link runs their code in the victim's
        session, with access to cookies, tokens and every action the victim can take.
    """,
    bad="""
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/hello")
        def hello():
            user_input = request.args.get("name", "")
            return user_input
    """,
    good="""
        import html
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/hello")
        def hello():
            user_input = request.args.get("name", "")
            safe_output = html.escape(user_input)
            return safe_output
    """,
    fix="Render through an autoescaping template, or escape with `html.escape` / `markupsafe.escape` at output.",
))

XSS002 = define(Rule(
    id="XSS002",
    name="escaping-bypassed",
    pattern=5,
    title="Escaping bypassed on non-constant data",
    severity=Severity.HIGH,
    confidence=Confidence.MEDIUM,
    cwe=79,
    why="""
        `mark_safe`, `Markup` and `SafeString` tell the template engine not to escape a value:
        on a constant that is fine, on data built at run time it is XSS the moment any part of
        the data comes from a user. `format_html` only escapes its arguments, not a format
        string already filled in, and a template built from request data is also server-side
        template injection.
    """,
    bad="""
        from django.utils.safestring import mark_safe

        def badge(user):
            return mark_safe(f"<b>{user.display_name}</b>")
    """,
    good="""
        from django.utils.html import format_html

        def badge(user):
            return format_html("<b>{}</b>", user.display_name)
    """,
    fix="Build markup with `format_html(template, *args)` / `Markup(template) % args`, or escape each value; "
        "never pass a template built from data to `render_template_string`.",
))

XSS003 = define(Rule(
    id="XSS003",
    name="autoescape-disabled",
    pattern=5,
    title="Template autoescape disabled",
    severity=Severity.MEDIUM,
    confidence=Confidence.HIGH,
    cwe=79,
    why="""
        With autoescape off, every `{{ value }}` is written into the page as raw HTML, so each
        variable becomes an XSS sink. Jinja2's `Environment()` has autoescape OFF unless you ask
        for it; Flask turns it on for its own environment, a hand-made one does not.
    """,
    bad="""
        from jinja2 import Environment, FileSystemLoader
        env = Environment(loader=FileSystemLoader("templates"))
    """,
    good="""
        from jinja2 import Environment, FileSystemLoader, select_autoescape
        env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
    """,
    fix="Pass `autoescape=select_autoescape()` (or True); keep Django's autoescape on; remove "
        "`{% autoescape off %}` blocks.",
))

XSS004 = define(Rule(
    id="XSS004",
    name="template-safe-filter",
    pattern=5,
    title="`|safe` on a template variable",
    severity=Severity.MEDIUM,
    confidence=Confidence.MEDIUM,
    cwe=79,
    why="""
        `|safe` (and `|safeseq`) switch escaping off for one value. If any part of that value
        comes from a user (a profile bio, a comment, a search term), the page runs their HTML
        and scripts.
    """,
    bad="""
        <div class="bio">{{ user.bio|safe }}</div>
    """,
    good="""
        <div class="bio">{{ user.bio }}</div>
        {# or sanitise on input with bleach / nh3 and mark only that output safe #}
    """,
    fix="Drop `|safe`; if rich text is required, sanitise it (bleach, nh3) when it is stored and render only "
        "the sanitised field.",
))

_MARK_SAFE = frozenset({"django.utils.safestring.mark_safe", "django.utils.safestring.SafeString",
                        "django.utils.safestring.SafeText", "markupsafe.Markup", "jinja2.Markup", "flask.Markup",
                        "jinja2.utils.Markup"})
_FORMAT_HTML = frozenset({"django.utils.html.format_html"})
_TEMPLATE_FROM_STRING = frozenset({"flask.render_template_string", "flask.templating.render_template_string",
                                   "jinja2.Template", "django.template.Template", "mako.template.Template"})
_HTML_RESPONSES = frozenset({"django.http.HttpResponse", "django.http.response.HttpResponse",
                             "fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse",
                             "flask.make_response", "flask.Response", "werkzeug.wrappers.Response",
                             "fastapi.responses.Response", "starlette.responses.Response", "fastapi.Response"})
_ALWAYS_HTML = frozenset({"fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse"})
# Werkzeug's own Response defaults to text/plain; Flask's and Django's to text/html.
_DEFAULT_HTML = frozenset({"django.http.HttpResponse", "django.http.response.HttpResponse", "flask.make_response",
                           "flask.Response"})

_SINKS = _HTML_RESPONSES | _MARK_SAFE | _FORMAT_HTML | _TEMPLATE_FROM_STRING

_REFLECTED = (
    Outcome(L.REQUEST, XSS001, "{source} is {sink} without escaping"),
)


@check(XSS001, XSS002)
def unescaped_output(ctx: FileContext) -> None:
    module = ctx.module
    if not module.imports_any("flask", "django", "fastapi", "starlette", "markupsafe", "jinja2", "quart", "werkzeug",
                              "mako"):
        return
    for function in module.all_functions():
        route = R.route_framework(module, function) if not function.is_module else None
        if route != "flask" and not any(c.callee in _SINKS for c in function.calls):
            continue
        flow = module.flow(function)
        for event in flow.calls:
            callee = event.call.callee if event.call else None
            if callee in _HTML_RESPONSES and _is_html(event.node, callee):
                body = event.value_of(0, "content") or event.value_of(None, "response") or event.value_of(None, "body")
                ctx.report_flow(event.node, body, _REFLECTED, scope=function, once_per_source=False,
                                sink_note=f"sent as HTML by `{callee.rsplit('.', 1)[1]}()`")
            elif callee in _MARK_SAFE:
                _bypass(ctx, function, event.node, event.value_of(0), f"marked safe by `{callee.rsplit('.', 1)[1]}()`")
            elif callee in _FORMAT_HTML:
                value = event.value_of(0, "format_string")
                if L.COMPOSED in value and L.CONST not in value:
                    _bypass(ctx, function, event.node, value, "used as the format string of `format_html()`")
            elif callee in _TEMPLATE_FROM_STRING:
                value = event.value_of(0, "source")
                if L.CONST not in value and (L.COMPOSED in value or L.REQUEST in value):
                    _bypass(ctx, function, event.node, value, f"used as a template by `{callee.rsplit('.', 1)[1]}()`",
                            template=True)
        if route == "flask":
            for ret in flow.returns:
                if _returns_markup(ret.node):
                    ctx.report_flow(ret.node, ret.value, _REFLECTED, scope=function, once_per_source=False,
                                    sink_note=f"returned as HTML by the view `{function.name}()`")


def _bypass(ctx: FileContext, function, node: ast.AST, value: L.Value, sink: str, *, template: bool = False) -> None:
    if L.CONST in value or (L.HTML_SAFE in value and L.REQUEST not in value):
        return  # constants, or markup assembled from escaped parts (`"".join(format_html(...) ...)`)
    what = "a template built from it (server-side template injection)" if template else "HTML that is never escaped"
    outcomes = [Outcome(L.REQUEST, XSS002, "{source} is {sink}: " + what, Confidence.HIGH)]
    if L.COMPOSED in value:
        outcomes.append(Outcome(L.COMPOSED, XSS002, "markup {source} is {sink}: escape the data or use format_html"))
    ctx.report_flow(node, value, outcomes, scope=function, sink_note=sink, once_per_source=False)


def _is_html(node: ast.Call, callee: str) -> bool:
    if callee in _ALWAYS_HTML:
        return True
    for keyword in node.keywords:
        if keyword.arg in {"content_type", "media_type", "mimetype"}:
            kind = literal_value(keyword.value)
            return isinstance(kind, str) and "html" in kind.lower()
    return callee in _DEFAULT_HTML


def _returns_markup(node: ast.AST) -> bool:
    """A Flask view's return value is HTML unless it is a dict/list (JSON) or a response object."""
    value = getattr(node, "value", None)
    if isinstance(value, ast.Tuple) and value.elts:
        value = value.elts[0]
    return not isinstance(value, (ast.Dict, ast.List, ast.Call, ast.DictComp, ast.ListComp)) and value is not None


@check(XSS003)
def autoescape_settings(ctx: FileContext) -> None:
    module = ctx.module
    for call in module.calls_to("jinja2.Environment", "jinja2.environment.Environment"):
        autoescape = call.arg(None, "autoescape")
        if autoescape is None:
            ctx.report(XSS003, call.node, "Jinja2 `Environment()` without `autoescape`: its default is off",
                       scope=call.scope, confidence=Confidence.MEDIUM)
        elif isinstance(autoescape, ast.Constant) and autoescape.value is False:
            ctx.report(XSS003, call.node, "Jinja2 `Environment(autoescape=False)`", scope=call.scope)
    for value in module.assignments.get("TEMPLATES", []):
        for node in _autoescape_false(value):
            ctx.report(XSS003, node, "Django `TEMPLATES` sets `autoescape: False`")


def _autoescape_false(value: ast.expr):
    """`"autoescape": False` entries inside a TEMPLATES setting."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Dict):
            for key, item in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "autoescape" and isinstance(item, ast.Constant) \
                        and item.value is False:
                    yield key
                stack.append(item)
        elif isinstance(node, (ast.List, ast.Tuple)):
            stack.extend(node.elts)
        elif isinstance(node, ast.Call):
            stack.extend(kw.value for kw in node.keywords)


# Values written by the developer, not the user: Django documents `help_text` as not escaped on purpose.
_DEVELOPER_TEXT = frozenset({"help_text"})


@check(XSS003, XSS004, kinds=("template",))
def template_escaping(ctx: TextContext) -> None:
    if "safe" not in ctx.text and "autoescape" not in ctx.text:
        return
    # Plain-text e-mail templates switch autoescape off on purpose: there is no HTML to protect.
    email = "mail" in ctx.path.lower().rsplit("/", 1)[-1]
    for block in templates.blocks(ctx.text):
        if templates.autoescape_off(block):
            if not email:
                ctx.report(XSS003, block.line, "`{% autoescape " + block.words[1] + " %}`: everything inside is "
                           "written unescaped")
            continue
        for use in templates.filter_uses(block, {"safe", "safeseq"}):
            if use.on_literal or use.expression.rsplit(".", 1)[-1] in _DEVELOPER_TEXT:
                continue
            ctx.report(XSS004, use.line, f"`{use.expression}|{use.filter}` writes the value unescaped")
