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
import builtins
import posixpath
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from secpat import names, templates
from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.dataflow import sources as S
from secpat.dataflow.flow import JINJA_ENVIRONMENTS, call_name, dotted, flow_of, literal_sql_text
from secpat.dataflow.uses import assignments
from secpat.findings import Confidence, Finding, FlowStep, Location, Severity
from secpat.frameworks import awslambda, bottle, falcon, flask, known
from secpat.frameworks.record import ALWAYS_HTML, HTML_BY_DEFAULT
from secpat.frameworks.routes import app_roots, model_of, root_of
from secpat.frameworks.syntax import ADMIN_WORDS, bound_value, header_value, static_directory
from secpat.knowledge import find
from secpat.model.module import keyword_argument, literal_value, parameter_defaults
from secpat.names import words as words_of
from secpat.rules.context import (
    FileContext,
    Outcome,
    ProjectContext,
    TextContext,
    argument_node,
    declared_argument,
    describe_source,
    same_global_name,
)
from secpat.rules.jwt import JWT003
from secpat.rules.passwords import PWD004
from secpat.rules.registry import Rule, check, define
from secpat.rules.sql import (
    SQL002,
    arguments_of_requests,
    matching_sinks,
    request_arguments,
    sink_parameters,
)

if TYPE_CHECKING:
    from secpat.dataflow.flow import ReturnEvent
    from secpat.model.module import Function, Module

XSS001 = define(
    Rule(
        id="XSS001",
        name="request-data-in-html-response",
        pattern=5,
        title="Request input returned in HTML without escaping",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=79,
        why="""
        A response that echoes what the client sent, unescaped, lets an attacker put
        `<script>` into a page your site serves: a crafted link runs their code in the victim's
        session, with access to cookies, tokens and every action the victim can take. Templates
        count too where they do not escape: a `.txt` template Flask does not autoescape, a
        `jinja2.Template("...")` (no escaping unless asked), and a value written into an
        attribute without quotes (`value={{ name }}`), where escaping does not stop a space
        and a new attribute, or at the start of a link's URL (`href="{{ next }}"`), where it
        does not stop a `javascript:` URL. A posted form echoed by a view whose every route a CSRF check
        covers is shown in audit mode: another site cannot make a browser post it.
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
    )
)

XSS002 = define(
    Rule(
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
        from django.http import HttpResponse
        from django.utils.safestring import mark_safe

        def greet(request):
            return HttpResponse(mark_safe(f"<b>Hello {request.GET['name']}</b>"))
    """,
        good="""
        from django.http import HttpResponse
        from django.utils.html import format_html

        def greet(request):
            return HttpResponse(format_html("<b>Hello {}</b>", request.GET["name"]))
    """,
        fix="Build markup with `format_html(template, *args)` / `Markup(template) % args`, or escape each value; "
        "never pass a template built from data to `render_template_string`.",
    )
)

XSS003 = define(
    Rule(
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
        page = env.get_template("profile.html")
    """,
        good="""
        from jinja2 import Environment, FileSystemLoader, select_autoescape
        env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
        page = env.get_template("profile.html")
    """,
        fix="Pass `autoescape=select_autoescape()` (or True); keep Django's autoescape on; remove "
        "`{% autoescape off %}` blocks.",
    )
)

XSS004 = define(
    Rule(
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
        and scripts. Reported by default when the view that renders the template passes request
        data, or a field a view accepts from a submitted form (read from the request, or listed by a
        model form, a model serializer or a generic edit view), to it; otherwise in audit mode.
    """,
        bad="""
        from flask import Flask, render_template_string, request
        app = Flask(__name__)

        @app.route("/bio")
        def bio():
            return render_template_string('<div class="bio">{{ bio|safe }}</div>', bio=request.args["bio"])
    """,
        good="""
        from flask import Flask, render_template_string, request
        app = Flask(__name__)

        @app.route("/bio")
        def bio():
            return render_template_string('<div class="bio">{{ bio }}</div>', bio=request.args["bio"])
        # rich text: sanitise it with bleach / nh3 when it is stored, and mark only that output safe
    """,
        fix="Drop `|safe`; if rich text is required, sanitise it (bleach, nh3) when it is stored and render only "
        "the sanitised field.",
    )
)

_MARK_SAFE = frozenset(
    {
        "django.utils.safestring.mark_safe",
        "django.utils.safestring.SafeString",
        "django.utils.safestring.SafeText",
        "markupsafe.Markup",
        "jinja2.Markup",
        "flask.Markup",
        "jinja2.utils.Markup",
    }
)
_FORMAT_HTML = frozenset({"django.utils.html.format_html"})
_TEMPLATE_FROM_STRING = known.union("template_strings") | {"jinja2.Template", "mako.template.Template"}
_RESPONSES = known.mapping("responses")  # response class → how it decides it is HTML
_HTML_RESPONSES = frozenset(_RESPONSES)
_BODY_KEYWORDS = tuple(sorted(known.union("body_keywords")))
#: Response makers that read a tuple argument as Flask reads a view's return value: (body, status, headers).
_TUPLE_MAKERS = known.union("tuple_responses")

#: What a Flask view's `return render_template(...)` renders through: files and strings alike.
_FLASK_RENDERERS = frozenset(name for f in flask.FAMILY for name in (*f.page_renderers, *f.template_strings))

_SINKS = _HTML_RESPONSES | _MARK_SAFE | _FORMAT_HTML | _TEMPLATE_FROM_STRING

_REFLECTED = (Outcome(L.REQUEST, XSS001, "{source} is {sink} without escaping"),)
#: `INSERT INTO comments (body) VALUES (?)`, `UPDATE profiles SET bio = ...`: the table a statement writes.
_WRITTEN_TABLE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE)\s+[\"`\[]?(\w+)", re.IGNORECASE
)


def _written_table(module, event) -> str | None:
    """The table an `execute("INSERT INTO t ...")` / `UPDATE t SET ...` call writes, from the statement's literal
    text (or the literal start of a formatted one)."""
    func = event.node.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("execute", "executemany") and event.node.args):
        return None
    match = _WRITTEN_TABLE.match(literal_sql_text(module, event.node.args[0]) or "")
    return match[1].lower() if match else None


def _stored_outcomes(module) -> tuple[Outcome, ...]:
    """Rows of a table this module writes request data into (`INSERT INTO comments ... VALUES (?)` given
    `request.form["body"]`, bound or formatted alike) are text users wrote: put into a page unescaped, they are
    stored XSS. Partial: tables written in another module, or through an ORM, are not followed."""
    if "INTO" not in module.source.upper() and "UPDATE" not in module.source.upper():
        return ()
    written: dict[str, int] = {}
    # `def add_entry(body): db.execute("INSERT INTO entries ...", (body,))`: tables a helper writes from its
    # parameters, which count where a caller of this module hands it request data.
    by_helper: dict[str, list[tuple[int, str, int]]] = {}
    for function in module.all_functions():
        if not any(c.method in ("execute", "executemany") for c in function.calls):
            continue
        for event in flow_of(module, function).calls:
            table = _written_table(module, event)
            if table is None:
                continue
            values = L.combine([*event.args, *event.keywords.values()])
            if L.REQUEST in values:
                written.setdefault(table, event.node.lineno)
            for label in values:
                if label.startswith(L.PARAM_PREFIX) and label[len(L.PARAM_PREFIX) :].isdigit():
                    index = int(label[len(L.PARAM_PREFIX) :])
                    by_helper.setdefault(function.qualname, []).append((index, table, event.node.lineno))
    if by_helper:
        for function in module.all_functions():
            if not any(c.callee and c.callee.rsplit(".", 1)[-1] in by_helper for c in function.calls):
                continue
            for event in flow_of(module, function).calls:
                name = (event.call.callee or "").removeprefix(f"{module.module_name}.") if event.call else ""
                for index, table, line in by_helper.get(name, ()):
                    if index < len(event.args) and L.REQUEST in event.args[index]:
                        written.setdefault(table, line)
    return tuple(
        Outcome(
            f"{L.TABLE_PREFIX}{table}",
            XSS001,
            f"text users wrote, {{source}}, is {{sink}} without escaping (the request writes that table at "
            f"line {line})",
        )
        for table, line in sorted(written.items())
    )


@check(XSS001, XSS002)
def unescaped_output(ctx: FileContext) -> None:
    module = ctx.module
    if (
        not module.imports_any(*known.union("roots"), "markupsafe", "jinja2", "mako")
        and not any(sink.kind == "html" for sink in module.knowledge.sinks)
        and not any(R.lambda_handler(f) for f in module.functions.values())
        and not any(R.tornado_handler_method(module, f) for f in module.all_functions() if f.class_name)
    ):
        return
    declared = module.knowledge.sinks
    reflected = _REFLECTED + _stored_outcomes(module)
    for function in module.all_functions():
        route = R.route_framework(module, function) if not function.is_module else None
        handler = (
            not function.is_module and R.request_handler_method(module, function) and _sends_html(module, function)
        )
        tornado = (
            not function.is_module
            and R.tornado_handler_method(module, function)
            and not _sends_other_type(module, function)
        )
        answers = _lambda_html_answers(function) if not function.is_module and R.lambda_handler(function) else []
        # Pyramid: `request.response.text = ...` writes the body of the response the view returns (HTML by default).
        body_writes = not function.is_module and module.imports_any("pyramid") and function.mentions(("response",))
        falcon_pages = (
            falcon.html_body_writes(function) if not function.is_module and falcon.responder(module, function) else []
        )
        returns_html = route == "flask" or route in ("litestar", "fastapi") and _declares_html(function)
        if (
            not returns_html
            and not handler
            and not tornado
            and not answers
            and not body_writes
            and not falcon_pages
            and not any(
                c.callee in _SINKS or declared and find(declared, c.callee, c.method, "html") for c in function.calls
            )
        ):
            continue
        flow = flow_of(module, function)
        before = len(ctx.findings)
        bound = assignments(function)
        for event in flow.calls:
            callee = event.call.callee if event.call else None
            if _writes_html_response(module, function, event.node, bound) and not _retyped(flow, event.node):
                # `response = HttpResponse(); response.write(text)`: the text is part of the page.
                ctx.report_flow(
                    event.node,
                    event.value_of(0, "content"),
                    reflected,
                    scope=function,
                    once_per_source=False,
                    sink_note="written to the HTML response by `.write()`",
                )
            elif callee in _HTML_RESPONSES and _is_html(event.node, callee) and not _retyped(flow, event.node):
                body, argument = event.value_of(0, _BODY_KEYWORDS[0]), argument_node(event.node, 0, _BODY_KEYWORDS[0])
                for keyword in _BODY_KEYWORDS[1:]:
                    if not body:
                        body, argument = event.value_of(None, keyword), argument_node(event.node, None, keyword)
                shown = event.node.args[0] if event.node.args else None
                if callee in _TUPLE_MAKERS and 0 in event.items and isinstance(shown, ast.Tuple):
                    # `make_response((body, status, headers))`: only the first element is the body.
                    if any(_says_not_html(part) for part in shown.elts[1:]):
                        continue
                    body = event.items[0][0]
                sent = f"sent as HTML by `{callee.rsplit('.', 1)[1]}()`"
                ctx.report_flow(
                    event.node, body, reflected, scope=function, once_per_source=False, sink_note=sent, at=argument
                )
                hand_on_html_parameters(ctx, function, event.node, body, XSS001, sent, argument)
            elif declared and (sink := find(declared, callee, getattr(event.node.func, "attr", None), "html")):
                body, where = declared_argument(event, sink, "sent as HTML")
                ctx.report_flow(event.node, body, reflected, scope=function, once_per_source=False, sink_note=where)
            elif handler and _writes_response(event.node):
                ctx.report_flow(
                    event.node,
                    event.value_of(0),
                    reflected,
                    scope=function,
                    once_per_source=False,
                    sink_note="written to the HTML response by `self.wfile.write()`",
                )
            elif tornado and (verb := _tornado_write(event.node)):
                written = len(ctx.findings)
                ctx.report_flow(
                    event.node,
                    event.value_of(0, "chunk"),
                    reflected,
                    scope=function,
                    once_per_source=False,
                    sink_note=f"written to the HTML response by `self.{verb}()`",
                )
                if function.name in ("post", "put", "patch", "delete"):
                    # Whether another site can make a browser send this request is the app's CSRF setting.
                    view = module.global_name(function)
                    for finding in ctx.findings[written:]:
                        ctx.fact(UNSAFE_VERB_REFLECTION, VerbReflection(view, finding))
                    del ctx.findings[written:]
            elif callee in _MARK_SAFE and not _unmarked_at_once(function, event.node):
                marked = f"marked safe by `{callee.rsplit('.', 1)[1]}()`"
                bypassed = len(ctx.findings)
                _bypass(ctx, function, event.node, event.value_of(0), marked)
                _hand_on_marked_fields(ctx, function, event, marked, bypassed)
                _hand_on_filter_findings(ctx, function, bypassed)
            elif callee in _FORMAT_HTML:
                value = event.value_of(0, "format_string")
                if L.COMPOSED in value and L.CONST not in value:
                    bypassed = len(ctx.findings)
                    _bypass(ctx, function, event.node, value, "used as the format string of `format_html()`")
                    if f"{L.PARAM_PREFIX}0" in value:
                        # `format_html(f"<q>{query}</q>")` in a simple tag: as for `mark_safe`, what the templates
                        # hand the tag or filter decides. (Formatted from another parameter, `f"<{tag}>{{}}"`
                        # with the value as a placeholder's, it is not what they hand it.)
                        _hand_on_filter_findings(ctx, function, bypassed)
            elif callee in _TEMPLATE_FROM_STRING:
                value = event.value_of(0, "source")
                compiled = f"used as a template by `{callee.rsplit('.', 1)[1]}()`"
                if L.CONST not in value and (L.COMPOSED in value or L.REQUEST in value):
                    _bypass(ctx, function, event.node, value, compiled, template=True)
                elif L.CONST not in value:
                    # `def render_preview(wording): return SimpleTemplate(source=wording).render()`: the
                    # template is what callers hand the function.
                    source = (
                        event.node.args[0] if event.node.args else next((k.value for k in event.node.keywords), None)
                    )
                    hand_on_html_parameters(ctx, function, event.node, value, XSS002, compiled, source)
        for store in flow.stores if body_writes or falcon_pages else ():
            # Pyramid's `request.response.text = ...`; a Falcon responder's `resp.text = ...` where it answers HTML.
            pyramid_body = (
                body_writes
                and store.kind == "attr"
                and store.name in ("text", "body")
                and _is_response_of_request(store.base)
            )
            if pyramid_body or any(store.stmt is page for page in falcon_pages):
                ctx.report_flow(
                    store.target,
                    store.value,
                    reflected,
                    scope=function,
                    once_per_source=False,
                    sink_note=f"written to the HTML response as `{ast.unparse(store.target)}`",
                )
        for answer in answers:
            stored = next(
                (s.value for s in flow.stores if s.kind == "key" and s.name == "body" and s.stmt is answer), None
            )
            if stored is not None and (answer_body := awslambda.html_body(answer)) is not None:
                ctx.report_flow(
                    answer_body,
                    stored,
                    reflected,
                    scope=function,
                    once_per_source=False,
                    sink_note="returned as the HTML body of the Lambda answer",
                )
        if returns_html:
            for ret in flow.returns:
                if _returns_markup(ret.node, function.node) or _returns_text_of_local_call(module, function, ret):
                    # `return body, status, headers`: the status and headers are not part of the page.
                    body = ret.items[0] if ret.items else ret.value
                    ctx.report_flow(
                        ret.node,
                        body,
                        reflected,
                        scope=function,
                        once_per_source=False,
                        sink_note=f"returned as HTML by the view `{function.name}()`",
                    )
        if route in ("flask", "quart"):
            ctx.findings[before:] = [_for_audit_if_json_body(f) for f in ctx.findings[before:]]
        # Reflected from a posted form only: whether another site can make a browser post it depends on the
        # CSRF check of the view's routes, known at the project stage.
        view = f"{module.module_name}.{function.qualname}" if module.module_name else function.qualname
        kept = []
        for finding in ctx.findings[before:]:
            if _posted_only(finding):
                ctx.fact(POSTED_REFLECTION, PostedReflection(view, finding))
            else:
                kept.append(finding)
        ctx.findings[before:] = kept


#: Flask's JSON body readers: they refuse a body not sent as `application/json` (unless `force=True`).
_JSON_BODY = re.compile(r"`(?:await )?[\w.]*request\.(?:get_json\((?![^`]*force)[^`]*\)|json)`")


#: An XSS001 finding whose only source is a posted form or body, decided at the project stage by the CSRF check
#: of the routes of the view it is in.
POSTED_REFLECTION = "xss.posted-reflection"
#: The request's posted form or body: `request.POST`, `request.form`, `request.data`, `request.body`.
_POSTED = re.compile(r"^`(?:await )?[\w.]*request\.(?:POST|form|data|body|files|FILES)\b")


@dataclass(frozen=True)
class PostedReflection:
    view: str  # the project-wide name of the view the finding is in
    finding: Finding


def _posted_only(finding: Finding) -> bool:
    """An XSS001 finding (not in audit mode) whose every request source is the posted form or body."""
    if finding.rule_id != XSS001.id or finding.audit or not finding.flow:
        return False
    sources = [step.note for step in finding.flow if step.note.startswith("`") and "request" in step.note]
    return (
        bool(sources)
        and _POSTED.match(sources[0]) is not None
        and all(_POSTED.match(note) or not note.startswith(("`request", "`await request")) for note in sources)
    )


@check(XSS001, stage="project")
def posted_reflections(ctx: ProjectContext) -> None:
    """Posted data answered as HTML by a view whose every route takes only state-changing methods behind a CSRF
    check: another site cannot make a browser post it, so the page shows it only to whoever typed it. For a
    reader, in audit mode. Anywhere else (a GET route, no check, an exempt view) the finding stands."""
    reflections = ctx.facts_of(POSTED_REFLECTION, PostedReflection)
    if not reflections:
        return
    by_view: dict[str, list] = {}
    for route in model_of(ctx).routes:
        by_view.setdefault(route.view, []).append(route)
    for _, reflection in reflections:
        routes = by_view.get(reflection.view, [])
        checked = bool(routes) and all(
            set(r.methods) <= {"POST", "PUT", "PATCH", "DELETE"}
            and not r.csrf_missing
            and r.exempt_at is None
            and bool(r.csrf)
            and not r.csrf.startswith(("n/a", "none", "unknown", "exempt"))
            for r in routes
        )
        finding = reflection.finding
        if checked:
            finding = finding.for_audit(
                f"it comes only from the posted form, and {routes[0].csrf} checks every route of the view: another "
                "site cannot make a browser post it"
            )
        ctx.findings.append(finding)


def _for_audit_if_json_body(finding: Finding) -> Finding:
    """Reflected from a JSON body that Flask reads only when it is sent as `application/json`: no form of
    another site can send that, and a script of another site may not without a CORS preflight. For a
    reader: the same text may reach the page by another way."""
    if finding.rule_id != XSS001.id or finding.audit or not finding.flow:
        return finding
    source = next((step.note for step in finding.flow if not step.note.startswith("the request object")), "")
    if not _JSON_BODY.search(source):
        return finding
    return finding.for_audit("it comes from a JSON body, which a page of another site cannot make a browser send")


def _retyped(flow, call: ast.Call) -> bool:
    """`response = make_response(body)` followed by `response.headers["Content-Type"] = "application/json"` (or
    `response.mimetype = ...`): the body is sent as what the later line says, not as HTML."""
    names = {
        t.id
        for s in flow.stores
        if s.kind == "name" and isinstance(s.stmt, ast.Assign) and s.stmt.value is call
        for t in s.stmt.targets
        if isinstance(t, ast.Name)
    }
    if not names:
        return False
    for store in flow.stores:
        base = store.base
        if (
            store.kind == "item"
            and isinstance(base, ast.Attribute)
            and base.attr == "headers"
            and isinstance(base.value, ast.Name)
            and base.value.id in names
            and (store.name or "").lower() == "content-type"
        ):
            value = store.stmt.value if isinstance(store.stmt, ast.Assign) else None
        elif (
            store.kind == "attr"
            and store.name in ("mimetype", "content_type")
            and isinstance(base, ast.Name)
            and base.id in names
        ):
            value = store.stmt.value if isinstance(store.stmt, ast.Assign) else None
        else:
            continue
        kind = literal_value(value) if value is not None else None
        if isinstance(kind, str) and "html" not in kind.lower():
            return True
    return False


def _says_not_html(headers: ast.expr) -> bool:
    """A headers dict whose Content-Type is given and is not HTML."""
    kind = header_value(headers, "Content-Type")
    return kind is not None and "html" not in kind.lower()


def _is_response_of_request(node: ast.AST | None) -> bool:
    """`request.response`: the response a Pyramid view returns."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "response"
        and isinstance(node.value, ast.Name)
        and node.value.id in R.REQUEST_NAMES
    )


def _declares_html(function) -> bool:
    """`@get("/", media_type=MediaType.HTML)` (Litestar), `@app.get("/", response_class=HTMLResponse)`
    (FastAPI): what the handler returns is sent as HTML."""
    for deco in function.node.decorator_list:
        for keyword in deco.keywords if isinstance(deco, ast.Call) else ():
            if keyword.arg in ("media_type", "response_class") and "html" in ast.unparse(keyword.value).lower():
                return True
    return False


def _lambda_html_answers(function) -> list[ast.Dict]:
    """The answers a Lambda handler returns whose headers say HTML."""
    return [answer for answer in awslambda.answers(function) if awslambda.html_body(answer) is not None]


def _writes_response(node: ast.Call) -> bool:
    """`self.wfile.write(body)` in an `http.server` handler."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "write"
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "wfile"
        and isinstance(func.value.value, ast.Name)
        and func.value.value.id == "self"
    )


def _tornado_write(node: ast.Call) -> str:
    """`self.write(text)`, `self.finish(text)` in a Tornado handler: "write" / "finish". A dict, or text made by a
    JSON encoder, is an API's answer (Tornado sends a dict as JSON)."""
    func = node.func
    if not (
        isinstance(func, ast.Attribute)
        and func.attr in ("write", "finish")
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
        and node.args
    ):
        return ""
    chunk = node.args[0]
    if isinstance(chunk, (ast.Dict, ast.DictComp)):
        return ""
    if isinstance(chunk, ast.Call) and ast.unparse(chunk.func).rsplit(".", 1)[-1] in ("dumps", "json_encode"):
        return ""
    return func.attr


def _sends_other_type(module, function) -> bool:
    """The handler class sets a content type that is not HTML (`self.set_header("Content-Type",
    "application/json")`): what it writes is not a page."""
    info = module.classes.get(function.qualname.rsplit(".", 1)[0])
    for node in ast.walk(info.node) if info is not None else ():
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("set_header", "add_header")
            and len(node.args) == 2
        ):
            name, value = literal_value(node.args[0]), literal_value(node.args[1])
            if (
                isinstance(name, str)
                and name.lower() == "content-type"
                and not (isinstance(value, str) and "html" in value.lower())
            ):
                return True
    return False


def _sends_html(module, function) -> bool:
    """The handler class says its answers are HTML: `send_header("Content-Type", "text/html")`."""
    info = module.classes.get(function.qualname.rsplit(".", 1)[0])
    for node in ast.walk(info.node) if info is not None else ():
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "send_header"
            and len(node.args) == 2
        ):
            name, value = literal_value(node.args[0]), literal_value(node.args[1])
            if (
                isinstance(name, str)
                and name.lower() == "content-type"
                and isinstance(value, str)
                and "html" in value.lower()
            ):
                return True
    return False


def _unmarked_at_once(function, call: ast.Call) -> bool:
    """`Markup(text).unescape()`, `Markup(html).striptags()`: plain text comes out, nothing stays marked safe."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.value is call
        and node.func.attr in ("unescape", "striptags")
        for node in ast.walk(function.node)
    )


def _bypass(ctx: FileContext, function, node: ast.Call, value: L.Value, sink: str, *, template: bool = False) -> None:
    if L.CONST in value or (L.HTML_SAFE in value and L.REQUEST not in value):
        return  # constants, or markup assembled from escaped parts (`"".join(format_html(...) ...)`)
    what = "a template built from it (server-side template injection)" if template else "HTML that is never escaped"
    outcomes = [Outcome(L.REQUEST, XSS002, "{source} is {sink}: " + what, Confidence.HIGH)]
    argument = node.args[0] if node.args else next((k.value for k in node.keywords), None)
    if L.REQUEST in value and argument is not None and _validated_request_only(ctx.module, function, argument):
        value = L.without(value, L.REQUEST)  # only the host Django validated, or a URL built on it
    if L.COMPOSED in value or any(k.startswith(L.COMPOSED_FROM_PREFIX) for k in value):
        if L.REQUEST not in value and argument is not None and _safe_markup(ctx.module, function, argument):
            return  # every part is a constant, escaped, a URL, a translation, a number or rendered markup
        # Built from data of unknown origin: worth a look, not evidence of a vulnerability.
        outcomes.append(
            Outcome(L.COMPOSED, XSS002, "markup {source} is {sink}: escape the data or use format_html", audit=True)
        )
    ctx.report_flow(node, value, outcomes, scope=function, sink_note=sink, once_per_source=False, at=argument)
    if not template:
        hand_on_html_parameters(ctx, function, node, value, XSS002, sink, argument)


#: A function whose parameter is sent as HTML, or marked safe, as it came (`def gone_page(token): return
#: HTMLResponse(f"<code>{token}</code>")`), as `HtmlParameterSink`: request input where a caller passes it.
HTML_PARAMETER_SINK = "xss-parameter-sink"


@dataclass(frozen=True)
class HtmlParameterSink:
    function: str  # project-wide dotted name
    params: tuple[str, ...]  # the parameter's position (after `self`) and name
    rule: str  # XSS001 for a response, XSS002 for markup marked safe
    location: Location
    snippet: str
    context: str
    trace: tuple[FlowStep, ...]  # from the parameter to the sink


def hand_on_html_parameters(
    ctx: FileContext, function, node: ast.AST, value: L.Value, rule: Rule, sink: str, argument: ast.AST | None
) -> None:
    """Record that the function's parameter reaches an HTML sink unescaped; the project stage joins it with the
    calls that pass request input there (`request_into_html_parameters`)."""
    if function.is_module or L.CONST in value or L.HTML_SAFE in value or ctx.module.replaced_in_place(function):
        return
    # A parameter the function itself reads as request input (a Django view's URL variables) is reported by
    # the file stage already.
    params, trace = sink_parameters(ctx, function, value, skip=set(R.request_parameters(ctx.module, function)))
    if params:
        at = ctx.location(node, argument)
        ctx.fact(
            HTML_PARAMETER_SINK,
            HtmlParameterSink(
                ctx.module.global_name(function),
                tuple(params),
                rule.id,
                at,
                ctx.snippet(node),
                ctx.context_of(function),
                (*trace, FlowStep(at, sink)),
            ),
        )


# The calls that hand request input to project functions serve the joins of SQL002, JWT003, PWD004 and this module.
check(SQL002, JWT003, XSS001, XSS002, PWD004)(request_arguments)


@check(XSS001, XSS002, stage="project")
def request_into_html_parameters(ctx: ProjectContext) -> None:
    """A call that passes request input to a function whose parameter is sent as HTML or marked safe: the
    request's text is in the page unescaped."""
    sinks: dict[str, list[HtmlParameterSink]] = {}
    for _path, sink in ctx.facts_of(HTML_PARAMETER_SINK, HtmlParameterSink):
        sinks.setdefault(sink.function, []).append(sink)
    if not sinks:
        return
    rules = {XSS001.id: XSS001, XSS002.id: XSS002}
    model = model_of(ctx)
    routed = {r.view for r in model.routes} | {r.handler.name for r in model.routes if r.handler is not None}
    seen: set[tuple[str, int, int]] = set()
    for argument in arguments_of_requests(ctx):
        if argument.url_params and not any(L.parse_url_param(p)[0] in routed for p in argument.url_params):
            continue  # `def finalize_signin(request, provider=None)`: a helper no URL pattern routes to
        for sink in matching_sinks(sinks, ctx.resolve_method(argument.callee)):
            key = (sink.location.path, sink.location.line, sink.location.col)
            if argument.param not in sink.params or key in seen:
                continue
            seen.add(key)
            note = sink.trace[-1].note
            template = note.startswith("used as a template")
            ctx.report(
                rules[sink.rule],
                sink.location,
                f"{describe_source(argument.trace, sink.location)} is {note} through `{argument.callee}()`"
                + (
                    ": the client writes the template (server-side template injection)"
                    if template
                    else ", without escaping"
                ),
                snippet=sink.snippet,
                context=sink.context,
                confidence=Confidence.HIGH,
                flow=(*argument.trace, *sink.trace[1:]),
            )


#: A call that marks safe a field of a stored record (`mark_safe(comment.text)`), as `MarkedCall`: stored XSS
#: where a view saves that field from what the client submitted.
MARKED_FIELD = "xss-marked-field"


@dataclass(frozen=True)
class MarkedCall:
    fields: tuple[tuple[str, str, Finding], ...]  # field, the model the record was fetched from, finding to complete
    otherwise: tuple[Finding, ...]  # reported where no view stores any of the fields


def _hand_on_marked_fields(ctx: FileContext, function, event, sink: str, bypassed: int) -> None:
    """`c = Comment.objects.last(); mark_safe(c.text)`, `for c in Comment.objects.all(): Markup(f"<p>{c.text}")`:
    a field of a record fetched from a model, marked safe. The project stage knows whether a view stores that
    field from a submitted form or body; what `_bypass` found at the same call since `bypassed` (markup built from
    data of unknown origin, for audit mode) goes with it, and stands only where no view does."""
    value = event.value_of(0)
    argument = event.node.args[0] if event.node.args else None
    if argument is None or L.REQUEST in value or L.CONST in value or L.HTML_SAFE in value:
        return
    fetched = _fetched_records(function)
    parts = [argument, *(p.value for p in ast.walk(argument) if isinstance(p, ast.FormattedValue))]
    if isinstance(argument, ast.BinOp):
        parts += [n for n in ast.walk(argument) if isinstance(n, ast.Attribute)]
    # `f"{user.display_name or user.full_name}"`: either field of the record, whichever is set.
    parts += [
        n for p in parts if isinstance(p, (ast.BoolOp, ast.IfExp)) for n in ast.walk(p) if isinstance(n, ast.Attribute)
    ]
    fields = {
        (part.attr, fetched[part.value.id], ast.unparse(part)): None
        for part in parts
        if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) and part.value.id in fetched
    }
    if not fields:
        return
    unknown = tuple(ctx.findings[bypassed:])
    del ctx.findings[bypassed:]
    marks = []
    for field, model, text in fields:
        before = len(ctx.findings)
        ctx.report(XSS002, event.node, f"`{text}` is {sink}", scope=function)
        marks += [(field, model, finding) for finding in ctx.findings[before:]]
        del ctx.findings[before:]
    ctx.fact(MARKED_FIELD, MarkedCall(tuple(marks), unknown))


#: An XSS002 finding in a template filter the module registers, decided at the project stage by what the
#: templates apply the filter to.
MARKED_BY_FILTER = "xss.marked-by-filter"
#: A filter of the project's applied in a template: `{{ appointment.patient_notes|notes_preview }}`.
FILTER_APPLIED = "xss.filter-applied"


@dataclass(frozen=True)
class MarkedByFilter:
    function: str  # the project-wide name of the function that marks its parameters safe
    findings: tuple[Finding, ...]  # markup built from its parameters, marked safe (audit as they stand)
    record_fields: tuple[str, ...] = ()  # attributes it reads of its first parameter (`vehicle.status_note`)


@dataclass(frozen=True)
class FilterRegistered:
    function: str  # the function's qualified name, as the registering module resolves it
    filter: str  # the name templates call it by


@dataclass(frozen=True)
class FilterApplied:
    path: str
    line: int
    filter: str
    text: str  # `appointment.patient_notes|notes_preview`
    roots: tuple[str, ...]
    field: str
    argument_roots: tuple[str, ...] = ()  # the variables its arguments read: `q` in `row.email|highlight(q)`


#: A function registered as a template filter, in any module: `env.filters["highlight"] = highlight`.
FILTER_REGISTERED = "xss.filter-registered"
#: A function that escapes its first parameter and returns markup (`Markup(... escape(text) ...)`): as a
#: template filter, what it writes before `|safe` is escaped text (its global name).
ESCAPING_FUNCTION = "xss.escaping-function"
_MARKUP_MAKERS = S.MARKUP_CLASSES | {"django.utils.safestring.mark_safe", "django.utils.html.format_html"}


@check(XSS004)
def escaping_functions(ctx: FileContext) -> None:
    """Hand on the functions that escape their text before they mark it safe (see `linked_safe_filters`)."""
    module = ctx.module
    if "escape" not in module.source:
        return
    for function in module.all_functions():
        if function.is_module or not function.params:
            continue
        first = function.params[0]
        escapes = any(
            call.callee in S.HTML_ESCAPERS
            and any(isinstance(n, ast.Name) and n.id == first for a in call.node.args for n in ast.walk(a))
            for call in function.calls
        )
        if escapes and any(call.callee in _MARKUP_MAKERS for call in function.calls):
            ctx.fact(ESCAPING_FUNCTION, module.global_name(function))


def _hand_on_filter_findings(ctx: FileContext, function, bypassed: int) -> None:
    """Markup a function builds from its parameters and marks safe, for audit mode as it stands (what it is
    given is not known here): where the function is a template filter that a template applies to a field a view
    stores from the request, a finding (see `filters_on_stored_fields`)."""
    found = ctx.findings[bypassed:]
    if function.is_module or not function.params or not found or not all(f.audit for f in found):
        return
    del ctx.findings[bypassed:]
    first = function.params[0]
    read = sorted({field for n in ast.walk(function.node) if (field := _field_of(n, first)) is not None})
    ctx.fact(MARKED_BY_FILTER, MarkedByFilter(ctx.module.global_name(function), tuple(found), tuple(read)))


@check(XSS002)
def registered_filters(ctx: FileContext) -> None:
    """The functions the module registers as template filters, tags or globals, with the names templates use:
    Django's `@register.filter` (`name=`) and `@register.simple_tag`, Flask's `@app.template_filter()` and
    `app.add_template_filter(f)`, a Jinja environment's `env.filters["name"] = f`, `env.globals["name"] = f` and
    `env.globals.update(name=f)`, also for a function imported from another module."""
    module = ctx.module
    if not any(word in module.source for word in ("filter", "simple_tag", "globals")):
        return
    for function in module.functions.values():
        for deco in getattr(function.node, "decorator_list", []):
            target = deco.func if isinstance(deco, ast.Call) else deco
            if call_name(target) not in ("filter", "template_filter", "app_template_filter", "simple_tag"):
                continue
            named: object = None
            if isinstance(deco, ast.Call):
                named = next((literal_value(k.value) for k in deco.keywords if k.arg == "name"), None)
                named = named or (literal_value(deco.args[0]) if deco.args else None)
            name = named if isinstance(named, str) else function.name
            ctx.fact(FILTER_REGISTERED, FilterRegistered(module.global_name(function), name))
    for node in module.nodes:
        func: ast.expr | None = None
        given: object = None
        if isinstance(node, ast.Call) and call_name(node.func) in (
            "add_template_filter",
            "add_app_template_filter",
        ):
            func = node.args[0] if node.args else None
            given = next((literal_value(k.value) for k in node.keywords if k.arg == "name"), None)
            given = given or (literal_value(node.args[1]) if len(node.args) > 1 else None)
        elif isinstance(node, ast.Assign) and isinstance(node.value, (ast.Name, ast.Attribute)):
            target = node.targets[0] if len(node.targets) == 1 else None
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Attribute)
                and target.value.attr in ("filters", "globals")
            ):
                func, given = node.value, literal_value(target.slice)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in ("globals", "filters")
        ):
            # `templates.env.globals.update(customer_chip=customer_chip)`: functions templates call by name;
            # `env.filters.update(markdown=render_markdown)`, `env.filters.update({"markdown": render_markdown})`:
            # filters they apply.
            given_items: list[tuple[str | None, ast.expr]] = [(k.arg, k.value) for k in node.keywords]
            for arg in node.args:
                if isinstance(arg, ast.Dict):
                    given_items += [
                        (k.value, v)
                        for k, v in zip(arg.keys, arg.values)
                        if isinstance(k, ast.Constant) and isinstance(k.value, str)
                    ]
            for key, value in given_items:
                scope = module.function_at(getattr(node, "lineno", 0)) or module.module_function
                qualified = module.qualified_name(value, scope) if isinstance(value, ast.Name) else None
                if key and qualified:
                    ctx.fact(FILTER_REGISTERED, FilterRegistered(qualified, key))
            continue
        # Named in the function that registers it: an app factory may import its filters locally.
        scope = module.function_at(getattr(node, "lineno", 0)) or module.module_function
        qualified = module.qualified_name(func, scope) if isinstance(func, (ast.Name, ast.Attribute)) else None
        if qualified and isinstance(func, (ast.Name, ast.Attribute)):
            name = given if isinstance(given, str) else call_name(func)
            ctx.fact(FILTER_REGISTERED, FilterRegistered(qualified, name))


@check(XSS002, kinds=("template",))
def project_filter_uses(ctx: TextContext) -> None:
    """Where a template applies a filter that is not a template language's own, or calls a tag of the
    project's with a variable (`{% holder_label ticket %}`): the project stage joins it with the filters and
    tags that mark their argument safe unescaped."""
    if "|" not in ctx.text and "{%" not in ctx.text and "(" not in ctx.text:
        return
    blocks = list(templates.blocks(ctx.text))
    names = templates.aliases(blocks)
    for block in blocks:
        tokens = block.tokens
        if (
            block.kind == "variable"
            and len(tokens) == 4
            and tokens[0].kind == tokens[2].kind == "name"
            and tokens[1].value == "("
            and tokens[3].value == ")"
        ):
            # `{{ customer_chip(customer) }}`: a function the project gives its templates, handed a record.
            roots = _resolve((tokens[2].value,), names) | {tokens[2].value}
            text = f"{{{{ {tokens[0].value}({tokens[2].value}) }}}}"
            ctx.fact(
                FILTER_APPLIED,
                FilterApplied(ctx.path, block.line, tokens[0].value, text, tuple(sorted(roots)), tokens[2].value),
            )
        if (
            block.kind == "block"
            and len(tokens) >= 2
            and tokens[0].kind == tokens[1].kind == "name"
            and tokens[0].value not in _LANGUAGE_TAGS
            and (len(tokens) == 2 or tokens[2].kind != "operator" or tokens[2].value not in ".[(")
        ):
            # `{% for ticket in order.tickets.all %}{% holder_label ticket %}`: the loop's own name says what
            # record it is as well as the view's variable it comes from.
            roots = _resolve((tokens[1].value,), names) | {tokens[1].value}
            if roots - names.keys() or tokens[1].value in names:
                text = f"{{% {tokens[0].value} {tokens[1].value} %}}"
                ctx.fact(
                    FILTER_APPLIED,
                    FilterApplied(ctx.path, block.line, tokens[0].value, text, tuple(sorted(roots)), tokens[1].value),
                )
        for use in templates.filter_uses(block, _PROJECT_FILTER_ANY):
            if use.filter in _LANGUAGE_FILTERS or use.on_literal:
                continue
            roots = _resolve(use.roots, names)
            arguments = _resolve(templates.filter_argument_roots(block, use), names)
            if roots or arguments:
                ctx.fact(
                    FILTER_APPLIED,
                    FilterApplied(
                        ctx.path,
                        use.line,
                        use.filter,
                        f"{use.expression}|{use.filter}",
                        tuple(sorted(roots)),
                        use.field,
                        tuple(sorted(arguments)),
                    ),
                )


class _AnyName(frozenset):
    """Every filter name: `filter_uses` is asked for all of them."""

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str)


_PROJECT_FILTER_ANY = _AnyName()
#: Tags of Django's and Jinja's own, which a project's `simple_tag` does not replace.
_LANGUAGE_TAGS = frozenset(
    {
        "if", "elif", "else", "endif", "for", "endfor", "empty", "with", "endwith", "block", "endblock", "extends",
        "include", "import", "from", "load", "url", "static", "trans", "translate", "blocktrans", "blocktranslate",
        "set", "macro", "call", "filter", "autoescape", "endautoescape", "csrf_token", "now", "cycle", "firstof",
        "ifchanged", "regroup", "spaceless", "templatetag", "verbatim", "widthratio", "comment", "debug", "lorem",
        "querystring", "raw", "do", "break", "continue",
    }
)  # fmt: skip
#: Filters of Django's and Jinja's own: none marks its argument safe without escaping it (except `safe`).
_LANGUAGE_FILTERS = frozenset(
    {
        "safe", "safeseq", "escape", "e", "force_escape", "escapejs", "tojson", "json_script", "urlize", "urlizetrunc",
        "linebreaks", "linebreaksbr", "striptags", "title", "upper", "lower", "capitalize", "capfirst", "length",
        "default", "d", "default_if_none", "date", "time", "timesince", "timeuntil", "truncatechars", "truncatewords",
        "truncate", "join", "first", "last", "slice", "add", "floatformat", "format", "int", "float", "string",
        "round", "sum", "sort", "dictsort", "reverse", "list", "map", "select", "reject", "selectattr", "rejectattr",
        "groupby", "unique", "min", "max", "abs", "attr", "batch", "center", "filesizeformat", "indent", "items",
        "pprint", "random", "replace", "trim", "wordcount", "xmlattr", "urlencode", "iriencode", "pluralize",
        "yesno", "cut", "ljust", "rjust", "stringformat", "slugify", "phone2numeric", "make_list", "divisibleby",
        "get_digit", "length_is", "linenumbers", "wordwrap", "unordered_list", "addslashes", "localize",
        "unlocalize", "localtime", "utc", "timezone", "naturaltime", "naturalday", "intcomma", "intword", "apnumber",
        "count", "boolean", "truncatewords_html", "static",
    }
)  # fmt: skip


@check(XSS002, stage="project")
def filters_on_stored_fields(ctx: ProjectContext) -> None:
    """A filter that marks its argument safe unescaped, applied in a template to a field a view stores from
    the request (`{{ appointment.patient_notes|notes_preview }}` beside a form that accepts `patient_notes`):
    what a user wrote is written into the page as markup. Otherwise its findings stay for audit mode."""
    marked = [m for _, m in ctx.facts_of(MARKED_BY_FILTER, MarkedByFilter)]
    if not marked:
        return
    registered: dict[str, set[str]] = {}
    for _, entry in ctx.facts_of(FILTER_REGISTERED, FilterRegistered):
        registered.setdefault(ctx.resolve_method(entry.function), set()).add(entry.filter)
    applied: dict[str, list[FilterApplied]] = {}
    for _, use in ctx.facts_of(FILTER_APPLIED, FilterApplied):
        applied.setdefault(use.filter, []).append(use)
    # (Staff writers count here: a filter that wraps a field in markup takes it for text, whoever wrote it.)
    writers = stored_by_field(ctx)
    renders = _renders(ctx)
    for mark in marked:
        filters = next(
            (names for function, names in registered.items() if same_global_name(function, mark.function)), set()
        )
        joined = next(
            (
                (use, writer)
                for name in sorted(filters)
                for use in applied.get(name, ())
                for writer in writers.get(use.field, ())
                if writer.keeps(use.field, _with_view_model(use, renders).roots)
            ),
            None,
        )
        if joined is None:
            uses = [_with_view_model(use, renders) for name in sorted(filters) for use in applied.get(name, ())]
            joined = _record_join(mark, uses, writers)
        reflected = next(
            (
                (use, render, root, given)
                for name in sorted(filters)
                for use in applied.get(name, ())
                for render in renders
                if any(templates.is_rendered_as(use.path, t) for t in render.templates)
                for root in (*use.roots, *use.argument_roots)
                if (given := render.context_value(root)) is not None and given.kind == "request"
            ),
            None,
        )
        if reflected is not None:
            use, render, root, given = reflected
            source = describe_source(given.trace, Location(render.path, render.line))
            why = (
                f"{use.path}:{use.line} applies the filter (`{use.text}`) to `{root}`, which `{render.function}()` "
                f"({render.path}:{render.line}) passes from {source}"
            )
            path: tuple[FlowStep, ...] = given.trace
        elif joined is not None:
            use, writer = joined
            fields = (
                ", ".join(f"`{f}`" for f in mark.record_fields if f in writer.fields)
                if _whole_value(use)
                else f"`{use.field}`"
            )
            applied_as = (
                "the tag is given"
                if use.text.startswith("{%")
                else "the function is given"
                if use.text.startswith("{{")
                else "the filter is applied to"
            )
            why = (
                f"{applied_as} `{use.field}` in {use.path}:{use.line} (`{use.text}`), and "
                f"`{writer.function}()` ({writer.path}:{writer.line}) accepts {fields} from the request"
            )
            path = (FlowStep(Location(writer.path, writer.line), f"`{writer.function}()` accepts {fields}"),)
        else:
            ctx.findings.extend(mark.findings)
            continue
        for finding in mark.findings:
            steps = (
                *path,
                FlowStep(Location(use.path, use.line), f"filtered by `{use.filter}`"),
                FlowStep(finding.location, "marked safe unescaped"),
            )
            ctx.findings.append(replace(finding, audit=False, message=f"{finding.message}: {why}", flow=steps))


def _field_of(node: ast.AST, record: str) -> str | None:
    """`vehicle.status_note`, `customer["name"]`, `customer.get("email")`: the field of `record` read."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == record:
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == record:
        key = literal_value(node.slice)
        return key if isinstance(key, str) else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == record
        and node.args
    ):
        key = literal_value(node.args[0])
        return key if isinstance(key, str) else None
    return None


def _record_join(
    mark: MarkedByFilter, uses: list[FilterApplied], writers: dict[str, list[StoredFact]]
) -> tuple[FilterApplied, StoredFact] | None:
    """`{{ vehicle|status_badge }}` where `status_badge(vehicle)` marks `vehicle.status_note` safe, and a view
    sets `vehicle.status_note` from a form (or a model form of `Vehicle` accepts it): the record a user edits."""
    for use in uses:
        if not _whole_value(use):
            continue
        for field in mark.record_fields:
            for writer in writers.get(field, ()):
                # Whose field it is: the model a form saves, a name the view sets it on, or the view's own name
                # (`edit_customer_submit` edits a customer).
                owners = (writer.model, *writer.records)
                if any(_names_model(use.roots, owner) for owner in owners if owner) or _names_record_in(
                    writer.function, use.roots
                ):
                    return use, writer
    return None


#: What a Django generic view puts in its template's context for the records of its model.
_GENERIC_VIEW_RECORDS = frozenset({"object", "object_list", "page_obj"})


def _with_view_model(use: FilterApplied, renders: list[RenderFact]) -> FilterApplied:
    """`{{ object|claim_headline }}` in a generic view's template, or `{% for e in object_list %}{{ e.title|hl }}`
    in a list view's: `object` and the items of `object_list` are records of the view's model."""
    if not _GENERIC_VIEW_RECORDS & set(use.roots):
        return use
    models = {r.model for r in renders if r.model and any(templates.is_rendered_as(use.path, t) for t in r.templates)}
    return replace(use, roots=(*use.roots, *sorted(models))) if models else use


def _names_record_in(function: str, roots: tuple[str, ...]) -> bool:
    """`edit_customer_submit` for `customer` or `customers`: the view is named for the record it edits."""
    words = {w.lower() for w in names.words(function.rsplit(".", 1)[-1])}
    return any(w in words or w.rstrip("s") in words for root in roots for w in (x.lower() for x in names.words(root)))


def _whole_value(use: FilterApplied) -> bool:
    """`vehicle|status_badge`, `{% holder_label ticket %}`: the filter or tag is given the record itself, and
    reads what fields it likes."""
    if use.text.startswith(("{%", "{{")):
        return True  # a tag, or a function called with the variable
    return use.text.rsplit("|", 1)[0].strip().isidentifier()


def _fetched_records(function) -> dict[str, str]:
    """Names bound to a record fetched from a model, with the model: `c = Comment.objects.get(...)`,
    `page = get_object_or_404(Page, ...)`, `for c in Comment.objects.filter(...)`, `Note.query.first()`."""
    found: dict[str, str] = {}
    for node in ast.walk(function.node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, source = node.targets[0].id, node.value
        elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
            target, source = node.target.id, node.iter
        else:
            continue
        model = _model_queried(source)
        if model:
            found[target] = model
    return found


def _model_queried(node: ast.expr) -> str | None:
    """`Comment.objects.filter(...)` / `Note.query.first()` → the model; `get_object_or_404(Page, pk=pk)`,
    SQLAlchemy's `session.get(User, pk)` and Flask-SQLAlchemy's `db.get_or_404(Vehicle, pk)` → the class named."""
    if isinstance(node, ast.Await):
        node = node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.startswith("get_object_or"):
        first = node.args[0] if node.args else None
        return first.id if isinstance(first, ast.Name) else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("get", "get_or_404")
        and len(node.args) == 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id[:1].isupper()
    ):
        return node.args[0].id
    while isinstance(node, (ast.Call, ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "query") and isinstance(node.value, ast.Name):
            return node.value.id
        node = node.func if isinstance(node, ast.Call) else node.value
    return None


@check(XSS002, stage="project")
def stored_fields_marked_safe(ctx: ProjectContext) -> None:
    if not ctx.facts_of(MARKED_FIELD, MarkedCall):
        return
    writers = stored_by_field(ctx)
    for _, call in ctx.facts_of(MARKED_FIELD, MarkedCall):
        for field, model, finding in call.fields:
            writer = next((w for w in writers.get(field, ()) if not w.model or w.model == model), None)
            if writer is None:
                continue
            accepts = f"`{writer.function}()` accepts `{field}` from a submitted form or body"
            submit = FlowStep(Location(writer.path, writer.line), accepts)
            ctx.findings.append(
                replace(
                    finding,
                    message=f"{finding.message}: `{writer.function}()` ({writer.path}:{writer.line}) stores `{field}` "
                    f"of `{model}` from the request, so it is what a user wrote, and it is never escaped",
                    flow=(submit, FlowStep(finding.location, finding.message.split("` is ", 1)[-1])),
                )
            )
            break
        else:
            ctx.findings.extend(call.otherwise)


# Calls whose result is safe inside markup: escapers, builders that escape what they interpolate,
# attribute renderers that escape values, URL builders (no quotes or angle brackets in a reversed URL).
_SAFE_PART_CALLS = frozenset(
    {
        *S.HTML_ESCAPERS,
        *S.HTML_SAFE_BUILDERS,
        *_FORMAT_HTML,
        *_MARK_SAFE,
        "django.forms.utils.flatatt",
        "wtforms.widgets.html_params",
        "wtforms.widgets.core.html_params",
        "django.urls.reverse",
        "django.urls.reverse_lazy",
        "django.core.urlresolvers.reverse",
        "flask.url_for",
        "django.templatetags.static.static",
        "django.utils.html.format_html_join",
        "django.utils.html.avoid_wrapping",
        "django.utils.formats.date_format",
        "django.utils.formats.number_format",
        "django.template.defaultfilters.date",
    }
)
_SAFE_PART_NAMES = frozenset(
    {
        "flatatt",
        "html_params",
        "reverse",
        "reverse_lazy",
        "url_for",
        "escape",
        "conditional_escape",
        "format_html",
        "render_to_string",
        "render_template",
        "static",
    }
)
# Methods that return rendered, escaped markup: templates, widgets, bound form fields.
_RENDER_METHODS = frozenset(
    {
        "render",
        "render_to_string",
        "__html__",
        "as_widget",
        "label_tag",
        "as_text",
        "as_hidden",
        "render_js",
        "render_css",
    }
)
_NUMERIC = frozenset({"int", "float", "len", "round", "abs", "sum", "max", "min", "bool"})
_NUMERIC_ATTRS = frozenset({"id", "pk", "count", "index"})


def _safe_markup(module, function, node: ast.AST, depth: int = 0, seen: frozenset[str] = frozenset()) -> bool:
    """Every part of the markup is safe as it is: no value of unknown origin is written into it."""
    if depth > 12:
        return False
    again = lambda n: _safe_markup(module, function, n, depth + 1, seen)  # noqa: E731
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(again(v) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        spec = (
            "".join(
                v.value for v in node.format_spec.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
            if isinstance(node.format_spec, ast.JoinedStr)
            else ""
        )
        return (bool(spec) and spec[-1:] in "dfeg%x") or again(node.value)  # `{price:.2f}` is a number
    if isinstance(node, ast.BinOp):
        right = (
            node.right.elts
            if isinstance(node.right, (ast.Tuple, ast.List))
            else node.right.values
            if isinstance(node.right, ast.Dict)
            else [node.right]
        )
        return again(node.left) and all(again(r) for r in right)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(again(e) for e in node.elts)
    if isinstance(node, ast.IfExp):
        return again(node.body) and again(node.orelse)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return again(node.elt)
    if isinstance(node, ast.Attribute):
        return node.attr in _NUMERIC_ATTRS
    if isinstance(node, ast.Name):
        return _safe_name(module, function, node.id, depth, seen)
    if isinstance(node, ast.Call):
        return _safe_call(module, function, node, again)
    return False


def _safe_call(module, function, node: ast.Call, again) -> bool:
    callee = module.qualified_name(node.func, function) or ""
    short = (
        node.func.attr
        if isinstance(node.func, ast.Attribute)
        else node.func.id
        if isinstance(node.func, ast.Name)
        else ""
    )
    args = [*node.args, *(k.value for k in node.keywords)]
    if callee in _SAFE_PART_CALLS or (short in _SAFE_PART_NAMES and callee.rsplit(".", 1)[-1] == short):
        return True
    if short in S.TRANSLATIONS:
        return all(isinstance(a, ast.Constant) for a in args)
    if callee in _NUMERIC or short in _RENDER_METHODS:
        return True
    if (
        short in _VALIDATED_REQUEST_CALLS
        and isinstance(node.func, ast.Attribute)
        and _is_request(module, function, node.func.value)
        and module.imports_any("django")
    ):
        return all(again(a) for a in args)
    if callee == "str" and len(node.args) == 1:
        return again(node.args[0])
    if isinstance(node.func, ast.Attribute) and short in ("format", "join", "replace", "strip", "format_map"):
        return again(node.func.value) and all(again(a) for a in args)
    return False


def _safe_name(module, function, name: str, depth: int, seen: frozenset[str]) -> bool:
    """A local variable all of whose assignments (and appended parts) are safe markup."""
    if name in seen:
        return True  # `html += ...` refers back to itself: its other parts decide
    seen = seen | {name}
    args = getattr(function.node, "args", None)
    if args is not None and name in {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}:
        return False  # whatever the caller passes
    values: list[ast.AST] = []
    for node in ast.walk(function.node):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            values.append(node.value)
        elif (
            isinstance(node, (ast.AugAssign, ast.AnnAssign))
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and node.value is not None
        ):
            values.append(node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "extend", "insert")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            values.extend(node.args[-1:])
        elif isinstance(node, (ast.For, ast.comprehension)) and _binds(node.target, name):
            return False  # a loop variable: the items are data we do not follow
        elif isinstance(node, ast.With) and any(_binds(i.optional_vars, name) for i in node.items):
            return False
    if not values and not function.is_module:
        values = list(module.assignments.get(name, ()))  # a module constant
        return bool(values) and all(isinstance(v, ast.Constant) for v in values)
    return bool(values) and all(_safe_markup(module, function, v, depth + 1, seen) for v in values)


# Django's request.get_host() accepts only host names matching ALLOWED_HOSTS and a strict pattern (no quotes,
# no angle brackets); build_absolute_uri(path) joins it with a path that is itself safe.
_VALIDATED_REQUEST_CALLS = frozenset({"get_host", "build_absolute_uri"})


def _validated_request_only(module, function, node: ast.AST) -> bool:
    """Every use of the request in the markup (and in the local variables it is built from) is a Django
    host-validated call on a safe argument."""
    if not module.imports_any("django"):
        return False
    seen: set[str] = set()
    stack = [node]
    found = False
    while stack:
        current = stack.pop()
        for sub in ast.walk(current):
            if (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Attribute)
                and sub.func.attr in _VALIDATED_REQUEST_CALLS
                and _is_request(module, function, sub.func.value)
            ):
                if not all(_safe_markup(module, function, a) for a in sub.args):
                    return False
                found = True
            elif isinstance(sub, ast.Name) and sub.id not in seen:
                seen.add(sub.id)
                if _is_request(module, function, sub) and not _validated_use(current, sub):
                    return False
                stack.extend(_assigned_values(function, sub.id))
    return found


def _validated_use(root: ast.AST, name: ast.Name) -> bool:
    """`name` is the receiver of a validated call somewhere in `root`."""
    return any(
        isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.value is name
        and n.func.attr in _VALIDATED_REQUEST_CALLS
        for n in ast.walk(root)
    )


def _assigned_values(function, name: str) -> list[ast.AST]:
    values: list[ast.AST] = []
    for node in ast.walk(function.node):
        if isinstance(node, ast.Assign) and any(_binds(t, name) for t in node.targets):
            values.append(node.value)
        elif isinstance(node, ast.AugAssign) and _binds(node.target, name):
            values.append(node.value)
    return values


def _binds(target: ast.AST | None, name: str) -> bool:
    return target is not None and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def _writes_html_response(module, function, node: ast.Call, bound: dict[str, ast.expr]) -> bool:
    """`response.write(text)` where `response` was made by an HTML response class in this function."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "write" and isinstance(func.value, ast.Name)):
        return False
    made = bound.get(func.value.id)
    if not isinstance(made, ast.Call):
        return False
    callee = module.qualified_name(made.func, function)
    return callee in _HTML_RESPONSES and _is_html(made, callee)


def _is_html(node: ast.Call, callee: str) -> bool:
    if _RESPONSES.get(callee) == ALWAYS_HTML:
        return True
    for keyword in node.keywords:
        if keyword.arg in {"content_type", "media_type", "mimetype"}:
            if isinstance(keyword.value, ast.Attribute):
                return keyword.value.attr.upper() in ("HTML", "TEXT_HTML")  # Litestar's `MediaType.HTML`
            kind = literal_value(keyword.value)
            return isinstance(kind, str) and "html" in kind.lower()
        if keyword.arg == "headers":
            # `Response(body=..., headers={"Content-Type": "text/html"})` (Chalice, Starlette's base Response)
            kind = header_value(keyword.value, "Content-Type")
            if kind is not None:
                return "html" in kind.lower()
    for argument in node.args[1:]:
        # `HttpResponse(data, "application/json")`: the content type given by position.
        kind = literal_value(argument)
        if isinstance(kind, str) and _MEDIA_TYPE.match(kind):
            return "html" in kind.lower()
    return _RESPONSES.get(callee) == HTML_BY_DEFAULT


_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+\s*(?:;|$)")


_COLLECTIONS = (ast.Dict, ast.List, ast.DictComp, ast.ListComp)


def _returns_markup(node: ast.AST, function_node: ast.AST) -> bool:
    """A Flask view's return value is HTML unless it is a dict/list (JSON), also through a name bound only
    to one (`payload = {...}; return payload`), or a response object; text built by a string's own method
    (`"<b>{}</b>".format(x)`, `PAGE.format(x)` of a constant) is text, not a response."""
    value = getattr(node, "value", None)
    if isinstance(value, ast.Tuple) and value.elts:
        if any(_says_not_html(part) for part in value.elts[1:]):
            return False  # `return text, 200, {"Content-Type": "text/plain"}`
        value = value.elts[0]
    if isinstance(value, ast.Name) and _bound_only_to_collections(function_node, value.id):
        return False
    if isinstance(value, ast.Await):
        value = value.value
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in ("format", "join", "replace", "strip")
        and isinstance(value.func.value, (ast.Constant, ast.JoinedStr))
    ):
        return True
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in ("format", "format_map")
        and (held := _last_name(value.func.value)) is not None
        and held.isupper()
    ):
        return True  # `PAGE.format(...)`, `texts.GREETING_HTML.format(...)`: a template constant, formatted
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in ("render", "render_async")
        and not (isinstance(value.func.value, ast.Name) and value.func.value.id in ("self", "cls"))
    ):
        return True  # `template.render(...)`: a template object's text
    return not isinstance(value, (*_COLLECTIONS, ast.Call)) and value is not None


def _returns_text_of_local_call(module: Module, function: Function, ret: ReturnEvent) -> bool:
    """`return page.heading()`, `return banner(name)`: a call of a function or method of this module whose
    every return is text it writes there (`"<h2>" + self.term + "</h2>"`), which the view returns as its HTML."""
    value = getattr(ret.node, "value", None)
    if not isinstance(value, ast.Call):
        return False
    targets = [module.local_function(module.qualified_name(value.func, function))]
    for label in ret.value:
        method = L.split_method(label[len(L.RET_PREFIX) :]) if label.startswith(L.RET_PREFIX) else None
        if method is not None:
            targets.append(module.local_function(f"{method[0]}.{method[1]}"))
    target = next((t for t in targets if t is not None), None)
    if target is None or target is function:
        return False
    returned = [getattr(r, "value", None) for r in ast.walk(target.node) if isinstance(r, ast.Return)]
    return bool(returned) and all(_written_text(v) for v in returned)


def _written_text(node: ast.expr | None) -> bool:
    """Text formatted where it is returned: an f-string, `+` or `%` with a string, `"...".format()`."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        sides = (node.left, node.right)
        written = any(
            isinstance(v, ast.Constant) and isinstance(v.value, str) or isinstance(v, ast.JoinedStr) for v in sides
        )
        return written or _written_text(node.left)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
        and isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
    )


def _bound_only_to_collections(function_node: ast.AST, name: str) -> bool:
    """Every binding of `name` in the function is a dict or list display (Flask sends those as JSON)."""
    stores = [
        n for n in ast.walk(function_node) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
    ]
    displays = {
        id(target)
        for node in ast.walk(function_node)
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, _COLLECTIONS)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
    }
    return bool(stores) and all(id(store) in displays for store in stores)


@check(XSS003)
def autoescape_settings(ctx: FileContext) -> None:
    module = ctx.module
    for call in module.calls_to(*JINJA_ENVIRONMENTS):
        start = call.arg(None, "variable_start_string")
        if isinstance(start, ast.Constant) and start.value != "{{":
            continue  # its own delimiters (`<<`, `[[`): it writes source code or config, not HTML
        autoescape = call.arg(None, "autoescape")
        # Jinja2 also writes config files, e-mails and source code: without an HTML template in sight the
        # setting is worth a look, not evidence.
        environment = _bound_name(module, call.node)
        pages = _html_templates(module, environment) or ([None] if _mails_html_it_renders(module, environment) else [])
        html = bool(pages)
        before = len(ctx.findings)
        if autoescape is None:
            ctx.report(
                XSS003,
                call.node,
                "Jinja2 `Environment()` without `autoescape`: its default is off",
                scope=call.scope,
                confidence=Confidence.MEDIUM,
                audit=not html,
            )
        elif (off := _switched_off(module, call, autoescape)) is not None:
            ctx.report(
                XSS003,
                call.node,
                f"Jinja2 `Environment(autoescape={ast.unparse(autoescape)})`{off}",
                scope=call.scope,
                audit=not html,
                at=autoescape,
            )
        if html and None not in pages:
            # Which templates it renders is known: the project stage reads what they write.
            for finding in ctx.findings[before:]:
                ctx.fact(UNESCAPED_ENVIRONMENT, UnescapedEnvironment(finding, tuple(p for p in pages if p)))
            del ctx.findings[before:]
        elif not html and (directory := _loader_directory(module, call)) is not None:
            # `Environment(loader=FileSystemLoader(HERE / "templates" / "emails"))` asked for a template by a
            # name it is given: the project stage knows whether that directory holds HTML.
            for finding in ctx.findings[before:]:
                ctx.fact(UNESCAPED_DIRECTORY, UnescapedDirectory(finding, directory))
            del ctx.findings[before:]
    for call in module.calls_to("aiohttp_jinja2.setup"):
        # It escapes by default; an explicit `autoescape=False` is the web app's own HTML templates unescaped.
        autoescape = call.arg(None, "autoescape")
        if autoescape is not None and _switched_off(module, call, autoescape) is not None:
            ctx.report(
                XSS003,
                call.node,
                "`aiohttp_jinja2.setup(autoescape=False)`: the app's templates are not escaped",
                scope=call.scope,
                at=autoescape,
            )
    for value in module.assignments.get("TEMPLATES", []):
        for node in _autoescape_entries(value, False):
            ctx.report(XSS003, node, "Django `TEMPLATES` sets `autoescape: False`")
    if module.imports_any("tornado"):
        # `Application(handlers, autoescape=None)`, or `"autoescape": None` in its settings: Tornado's
        # templates write `{{ value }}` unescaped.
        for call in module.calls_to("tornado.web.Application"):
            autoescape = call.arg(None, "autoescape")
            if isinstance(autoescape, ast.Constant) and autoescape.value is None:
                ctx.report(
                    XSS003,
                    call.node,
                    "Tornado `Application(autoescape=None)`: templates are not escaped",
                    at=autoescape,
                )
        for node in module.nodes:
            if isinstance(node, ast.Dict):
                for key in _autoescape_entries(node, None, nested=False):
                    ctx.report(XSS003, key, "Tornado settings set `autoescape: None`: templates are not escaped")


def _loader_directory(module, call) -> str | None:
    """The directory, relative to the scan root, that the environment's `FileSystemLoader` reads, or its
    `PackageLoader("app", "templates/emails")` (a package of the project: the directory inside it)."""
    loader = bound_value(module, call.scope, call.arg(None, "loader"))
    if not isinstance(loader, ast.Call):
        return None
    if call_name(loader.func).endswith("PackageLoader"):
        return _package_directory(module, loader)
    if not call_name(loader.func).endswith("FileSystemLoader"):
        return None
    search = loader.args[0] if loader.args else next((k.value for k in loader.keywords if k.arg == "searchpath"), None)
    return static_directory(module, search, call.scope)


def _package_directory(module, loader: ast.Call) -> str | None:
    """`PackageLoader("app", "templates/emails")`: that directory of the package, found from this file's own
    place and module name (the package is the project's, on the same import path)."""
    given = [*loader.args, *(k.value for k in loader.keywords if k.arg in ("package_name", "package_path"))]
    package = module.constant(given[0]) if given else None
    inside = module.constant(given[1]) if len(given) > 1 else "templates"
    if not isinstance(package, str) or not isinstance(inside, str) or not module.module_name:
        return None
    parts = module.path.replace("\\", "/").split("/")
    depth = len(module.module_name.split(".")) + (1 if module.is_package else 0)
    if depth > len(parts):
        return None
    root = parts[: len(parts) - depth]
    return posixpath.normpath(posixpath.join(*root, *package.split("."), inside))


def _switched_off(module, call, autoescape: ast.expr) -> str | None:
    """`False`, or a constant that Jinja2 reads as false (`""`, `0`, `None`), written as the argument or
    held in a name (`NO_ESCAPE = ""` ... `autoescape=NO_ESCAPE`): what to add to the message (the
    name's value), or None when autoescape is on or not known."""
    value = module.constant(autoescape, True, call.scope)
    if not isinstance(value, (bool, int, str, type(None))) or value:
        return None
    return "" if isinstance(autoescape, ast.Constant) else f", `{ast.unparse(autoescape)}` being `{value!r}`"


_HTML_TEMPLATE = re.compile(r"\.x?html?(?:\.j(?:inja)?2?)?$|<[a-zA-Z!/]")


def _html_templates(module, environment: str | None) -> list[str | None]:
    """The HTML templates the file asks the environment bound to `environment` (any, if it is not bound to a
    name) for (`get_template("page.html")`), None for markup it compiles (`from_string("<p>{{ name }}</p>")`)."""
    found: list[str | None] = []
    for call in module.calls:
        if (
            call.method in _TEMPLATE_GETTERS
            and call.node.args
            and isinstance(call.node.args[0], ast.Constant)
            and isinstance(call.node.args[0].value, str)
            and _HTML_TEMPLATE.search(call.node.args[0].value)
            and (environment is None or _last_name(call.receiver) == environment)
        ):
            found.append(None if call.method == "from_string" else call.node.args[0].value)
    return found


def _mails_html_it_renders(module, environment: str | None) -> bool:
    """What the environment renders from a template its callers name (`get_template(template_name).render()`)
    becomes the HTML part of an e-mail the file sends (`add_alternative(body, subtype="html")`,
    `attach_alternative(body, "text/html")`, `html_message=body`): directly, through a function of the file that
    returns the render, or through a parameter of the sending function that a call of the file fills with it."""

    def render_call(node: ast.AST | None) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "render"
            and isinstance(node.func.value, ast.Call)
            and isinstance(node.func.value.func, ast.Attribute)
            and node.func.value.func.attr in _TEMPLATE_GETTERS
            and bool(node.func.value.args)
            and not isinstance(node.func.value.args[0], ast.Constant)
            and (environment is None or _last_name(node.func.value.func.value) == environment)
        )

    renderers = {
        function.name
        for function in module.functions.values()
        if not function.is_module and any(render_call(r.value) for r in function.returns())
    }

    def rendered(node: ast.AST | None) -> bool:
        return render_call(node) or (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in renderers
        )

    for call in module.calls:
        html_part: ast.expr | None = None
        if any(k.arg == "subtype" and literal_value(k.value) == "html" for k in call.node.keywords):
            html_part = call.node.args[0] if call.node.args else None
        elif call.method == "attach_alternative" and any(literal_value(a) == "text/html" for a in call.node.args):
            html_part = call.node.args[0]
        else:
            html_part = next((k.value for k in call.node.keywords if k.arg == "html_message"), None)
        if html_part is None or call.scope is None:
            continue
        if isinstance(html_part, ast.Name):
            bound = module.bound_value(html_part.id, call.scope)
            if bound is not None and rendered(bound[0]):
                return True
            sender = call.scope
            if html_part.id in sender.params and not sender.is_module:
                # `def send(to, subject, html_body)`, called as `send(to, subject, render(name, **context))`.
                index = sender.params.index(html_part.id)
                for caller in module.calls:
                    if not (isinstance(caller.node.func, ast.Name) and caller.node.func.id == sender.name):
                        continue
                    given = caller.node.args[index] if index < len(caller.node.args) else None
                    given = given or next((k.value for k in caller.node.keywords if k.arg == html_part.id), None)
                    if rendered(given):
                        return True
        elif rendered(html_part):
            return True
    return False


def _bound_name(module, call: ast.Call) -> str | None:
    """`pages` for `pages = Environment(...)` or `self.pages = Environment(...)`."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Assign) and node.value is call and len(node.targets) == 1:
            return _last_name(node.targets[0])
    return None


def _last_name(node: ast.expr | None) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


_TEMPLATE_GETTERS = frozenset({"get_template", "select_template", "from_string", "get_or_select_template"})


def _autoescape_entries(value: ast.expr, off: bool | None, nested: bool = True):
    """The keys of `"autoescape": False` (Django's TEMPLATES setting) or `"autoescape": None` (Tornado's
    settings) entries: `off` is the constant that switches escaping off. `nested`: also inside the dicts,
    lists and calls the value holds."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Dict):
            for key, item in zip(node.keys, node.values):
                if (
                    isinstance(key, ast.Constant)
                    and key.value == "autoescape"
                    and isinstance(item, ast.Constant)
                    and item.value is off
                ):
                    yield key
                if nested:
                    stack.append(item)
        elif isinstance(node, (ast.List, ast.Tuple)):
            stack.extend(node.elts)
        elif isinstance(node, ast.Call):
            stack.extend(kw.value for kw in node.keywords)


# Values written by the developer, not the user: Django documents `help_text` as not escaped on purpose.
_DEVELOPER_TEXT = frozenset({"help_text"})
# Loop helpers of the template languages: not data from the view.
_TEMPLATE_BUILTINS = frozenset({"loop", "forloop", "super", "varargs", "kwargs", "caller"})

SAFE_USE, RENDER, STORED = "xss-safe-use", "xss-render", "xss-stored"
#: A Flask app's or blueprint's own template directory (`Blueprint("shifts", __name__, template_folder=
#: "../templates/shifts")`), as (the directory of the module that makes it, the template directory).
TEMPLATE_FOLDER = "xss-template-folder"
#: A class's annotated fields (`notes: str`): (its project-wide name, the fields).
DECLARED_FIELDS = "xss-declared-fields"
#: An XSS003 finding on a Jinja2 environment without autoescape, with the HTML templates it renders.
UNESCAPED_ENVIRONMENT = "xss-unescaped-environment"
#: A template every `{{ ... }}` of which writes no markup (`|tojson`, `|int`, a literal): its path.
MARKUP_FREE_TEMPLATE = "xss-markup-free-template"


@dataclass(frozen=True)
class UnescapedEnvironment:
    finding: Finding
    templates: tuple[str, ...]


#: An environment without autoescape whose loader reads a directory, to be judged by what the directory holds.
UNESCAPED_DIRECTORY = "xss-unescaped-directory"


@dataclass(frozen=True)
class UnescapedDirectory:
    finding: Finding  # for audit mode as it stands
    directory: str  # relative to the scan root


@dataclass(frozen=True)
class SafeUse:
    """`x|safe` in a template, with the view-context variables the value is read from."""

    path: str
    line: int
    text: str  # `note.body|safe`, as written
    roots: tuple[str, ...]
    field: str
    snippet: str
    rule: str = "XSS004"  # XSS003 for the variables of an `{% autoescape off %}` block
    encoded_by: str = ""  # a filter of the project's before `|safe`, named for escaping or encoding its value
    filters: tuple[str, ...] = ()  # the filters before `|safe` that are not the template language's own


@check(XSS003, XSS004, kinds=("template",))
def template_escaping(ctx: TextContext) -> None:
    if "safe" not in ctx.text and "autoescape" not in ctx.text and "raw " not in ctx.text:
        return
    # Plain-text e-mail templates switch autoescape off on purpose: there is no HTML to protect.
    email = "mail" in ctx.path.lower().rsplit("/", 1)[-1]
    blocks = list(templates.blocks(ctx.text))
    names = templates.aliases(blocks)
    lines = ctx.lines
    for index, block in enumerate(blocks):
        if templates.autoescape_off(block):
            if not email:
                _autoescape_block(ctx, block, _variables_inside(blocks, index), names)
            continue
        raw = templates.raw_output(block)
        if raw is not None:
            # Tornado's `{% raw name %}` is `|safe` by another name.
            roots = _resolve(templates.roots(raw), names)
            if roots:
                text = "{% raw " + " ".join(t.value for t in raw) + " %}"
                snippet = lines[block.line - 1].strip() if 0 < block.line <= len(lines) else ""
                field = templates.field_of(raw)
                ctx.fact(SAFE_USE, SafeUse(ctx.path, block.line, text, tuple(sorted(roots)), field, snippet))
            continue
        for use in templates.filter_uses(block, {"safe", "safeseq"}):
            if use.on_literal or use.field in _DEVELOPER_TEXT or set(use.chain) & templates.SAFE_OUTPUT_FILTERS:
                continue
            roots = _resolve(use.roots, names)
            if not roots:
                continue  # literals, reversed URLs and translations only
            snippet = lines[use.line - 1].strip() if 0 < use.line <= len(lines) else ""
            encoded_by = next((f for f in use.chain if _ENCODING_WORDS & set(words_of(f))), "")
            ctx.fact(
                SAFE_USE,
                SafeUse(
                    ctx.path,
                    use.line,
                    f"{use.expression}|{use.filter}",
                    tuple(sorted(roots)),
                    use.field,
                    snippet,
                    encoded_by=encoded_by,
                    filters=tuple(f for f in use.chain if f not in _LANGUAGE_FILTERS),
                ),
            )


#: Words of a project filter's name that say it escapes or encodes what it is given (`escape_brackets`, `to_json`).
_ENCODING_WORDS = frozenset({"escape", "escaped", "escapes", "json", "sanitize", "sanitise", "sanitized", "bleach"})


#: A template that includes another by name (`{% include "notes/_note.html" %}`), as `(including path, name)`.
TEMPLATE_INCLUDE = "xss-template-include"


@check(XSS004, kinds=("template",))
def template_includes(ctx: TextContext) -> None:
    """The templates this one includes: they are rendered with its context, by the views that render it."""
    if "include" not in ctx.text:
        return
    for block in templates.blocks(ctx.text):
        if block.kind == "block" and block.tokens[:1] and block.tokens[0].value == "include":
            named = block.tokens[1] if len(block.tokens) > 1 else None
            if named is not None and named.kind == "string":
                ctx.fact(TEMPLATE_INCLUDE, (ctx.path, named.value.strip("\"'")))


def _rendered_through_includes(ctx: ProjectContext, path: str) -> set[str]:
    """The template files whose rendering renders the one at `path`: itself, and those including it (also
    through another include, three deep)."""
    includes = [fact for _, fact in ctx.facts_of(TEMPLATE_INCLUDE, tuple)]
    found = {path}
    frontier = {path}
    for _ in range(3):
        frontier = {
            including
            for including, name in includes
            if including not in found and any(templates.is_rendered_as(p, name) for p in frontier)
        }
        if not frontier:
            break
        found |= frontier
    return found


@check(XSS003, kinds=("template",))
def markup_free_templates(ctx: TextContext) -> None:
    """Hand on the templates whose every output is made safe by a filter (`{{ app_id|tojson }}`): an
    environment that renders only such templates writes no markup it did not write itself."""
    if "{{" not in ctx.text or "tojson" not in ctx.text and "|int" not in ctx.text and "|e" not in ctx.text:
        return
    variables = [b for b in templates.blocks(ctx.text) if b.kind == "variable"]
    for variable in variables:
        filters = templates.filter_names(variable)
        if not filters & templates.SAFE_OUTPUT_FILTERS and templates.roots(variable.tokens):
            return
    ctx.fact(MARKUP_FREE_TEMPLATE, ctx.path)


def _resolve(roots: tuple[str, ...], names: dict[str, set[str]]) -> set[str]:
    """The view-context variables behind template-local names (loop variables, `with`, `set`)."""
    found: set[str] = set()
    stack = [(r, 0) for r in roots]
    while stack:
        name, depth = stack.pop()
        if name in _TEMPLATE_BUILTINS:
            continue
        if name in names and depth < 8:
            if name in names[name]:
                found.add(name)  # `{% for category in category.children %}`: the view's own variable too
            stack.extend((n, depth + 1) for n in names[name] if n != name)
        else:
            found.add(name)
    return found


_JSON_SCRIPT = re.compile(r"<script\b[^>]*type\s*=\s*[\"']?application/(?:ld\+)?json", re.IGNORECASE)


def _autoescape_block(
    ctx: TextContext, block: templates.Block, variables: list[templates.Block], names: dict[str, set[str]]
) -> None:
    """`{% autoescape off %}` is judged like `|safe` on each variable inside it: a finding when a view
    passes request data or a submitted field to one of them, audit mode otherwise."""
    body = _block_body(ctx.text, block.line)
    if body is not None and "{{" not in body:
        return  # nothing inside is a variable: nothing goes unescaped
    tag = "{% autoescape " + block.words[1] + " %}"
    message = f"`{tag}`: everything inside is written unescaped"
    if body is not None and _only_json_script(body):
        # Data for a JSON script element: HTML escaping would corrupt it, so it is off on purpose; what
        # matters is that `<` is escaped in the JSON.
        ctx.report(
            XSS003,
            block.line,
            message + " (inside a JSON `<script>`: check that `<` is escaped in the data)",
            audit=True,
        )
        return
    roots: set[str] = set()
    fields = []
    for variable in variables:
        filters = templates.filter_names(variable)
        if filters & templates.SAFE_OUTPUT_FILTERS:
            continue  # `{{ comments|length }}`, `{{ data|tojson }}`: no markup comes out
        roots |= _resolve(templates.roots(variable.tokens), names)
        fields.append(templates.field_of(variable.tokens))
    if not roots:
        return  # literals, numbers and escaped values only
    line = ctx.lines[block.line - 1].strip() if 0 < block.line <= len(ctx.lines) else ""
    ctx.fact(
        SAFE_USE,
        SafeUse(ctx.path, block.line, tag, tuple(sorted(roots)), next((f for f in fields if f), ""), line, XSS003.id),
    )


def _variables_inside(blocks: list[templates.Block], start: int) -> list[templates.Block]:
    """The `{{ ... }}` blocks between the autoescape tag at `start` and its `{% endautoescape %}`."""
    depth, found = 1, []
    for block in blocks[start + 1 :]:
        words = [w.lower() for w in block.words[:1]] if block.kind == "block" else []
        if words == ["autoescape"]:
            depth += 1
        elif words == ["endautoescape"]:
            depth -= 1
            if depth == 0:
                break
        elif block.kind == "variable":
            found.append(block)
    return found


def _block_body(text: str, line: int) -> str | None:
    """The template text between the `{% autoescape %}` tag on `line` and its `{% endautoescape %}`."""
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: line - 1])
    opening = re.compile(r"\{%-?\s*autoescape\b.*?%\}", re.DOTALL).search(text, start)
    if opening is None:
        return None
    depth, pos = 1, opening.end()
    for match in re.finditer(r"\{%-?\s*(autoescape|endautoescape)\b.*?%\}", text[pos:], re.DOTALL):
        depth += 1 if match.group(1) == "autoescape" else -1
        if depth == 0:
            return text[pos : pos + match.start()]
    return None


def _only_json_script(body: str) -> bool:
    """Every variable of the block sits inside a `<script type="application/json">` (or ld+json) element."""
    outside = re.sub(
        r"<script\b[^>]*>.*?</script\s*>",
        lambda m: "" if _JSON_SCRIPT.match(m.group(0)) else m.group(0),
        body,
        flags=re.DOTALL | re.IGNORECASE,
    )
    return "{{" not in outside


# -- views that render templates -------------------------------------------------------------------

_RENDER_CALLS = frozenset(
    {
        "render",
        "render_template",
        "TemplateResponse",
        "render_to_string",
        "render_to_response",
        "stream_template",
        "SimpleTemplateResponse",
    }
)
_TEMPLATE_SUFFIXES = (".html", ".htm", ".jinja", ".jinja2", ".j2", ".djhtml", ".xml", ".txt")
_NOT_CONTEXT = frozenset(
    {
        "status",
        "status_code",
        "content_type",
        "using",
        "request",
        "template_name",
        "name",
        "headers",
        "media_type",
        "background",
        "charset",
        "mimetype",
    }
)
_REQUEST_CONTAINERS = frozenset({"form", "POST", "json", "data", "values", "get_json", "body", "post", "forms"})
#: What Bottle's `FormsDict` offers besides its fields, which it also gives as attributes (`request.forms.body`).
_FORMS_DICT_METHODS = frozenset(
    {"get", "getall", "getone", "getunicode", "decode", "items", "keys", "values", "allitems", "dict", "copy"}
)
#: Renderers whose every keyword is a template variable (`render_template("page.html", name=...)`).
_KEYWORD_CONTEXT_RENDERERS = frozenset(
    {"render_template", "render_template_string", "stream_template", "stream_template_string"}
)


def _keywords_are_context(event) -> bool:
    """Flask's and Quart's renderers take the context as keywords, and so does a template object's
    `render(**context)`: `name=` and `status=` there are variables of the page, not options of the call
    (as they are for Django's `render()` or Starlette's `TemplateResponse()`)."""
    func = event.node.func
    callee = (event.call.callee if event.call is not None else None) or ""
    last = callee.rsplit(".", 1)[-1] if callee else func.attr if isinstance(func, ast.Attribute) else ""
    if last in _KEYWORD_CONTEXT_RENDERERS:
        return True
    return isinstance(func, ast.Attribute) and func.attr == "render" and not callee.startswith("django.")


@dataclass(frozen=True)
class ContextValue:
    kind: str  # "request", "safe" or "unknown"
    trace: tuple = ()  # FlowSteps from the request to the render call


@dataclass(frozen=True)
class RenderFact:
    """A call that renders named templates with a context."""

    path: str
    line: int
    function: str
    templates: tuple[str, ...]
    context: tuple[tuple[str, ContextValue], ...]
    class_view: bool = False  # a class-based view's `template_name`: the context is its record, not known
    model: str = ""  # the class-based view's model, as `object` in its template: `Claim`

    def context_value(self, name: str) -> ContextValue | None:
        return dict(self.context).get(name)


@dataclass(frozen=True)
class StoredFact:
    """Fields a view takes from a submitted request body or form (what it can store)."""

    path: str
    line: int
    function: str
    fields: tuple[str, ...]
    model: str = ""  # a model form's or serializer's model: it stores these fields of that model only
    records: tuple[str, ...] = ()  # names whose attributes it sets (`vehicle` of `vehicle.status_note = ...`)
    # fields only handed by position to a call, read by their key (`create_booking(uid, form.get("notes"))`):
    # (field, the call's name), whose name says which records they become
    handed: tuple[tuple[str, str], ...] = ()
    # body model classes it stores whole (`Expense.objects.create(**payload.dict())`), with the record that takes
    # them: their fields are known at the project stage
    bodies: tuple[tuple[str, str], ...] = ()
    package: str = ""  # the dotted package of the module, when it has one

    def keeps(self, field: str, record: tuple[str, ...]) -> bool:
        """Whether this view's `field` can be the one a template shows of `record`."""
        if self.model and not _names_model(record, self.model):
            return False
        callees = [callee for name, callee in self.handed if name == field]
        return not callees or any(
            _names_model(record, callee.rsplit(".", 1)[-1])
            or "." in callee
            and callee.rsplit(".", 1)[-1].islower()
            and _store_of(record, callee)
            for callee in callees
        )


#: Classes that save the fields they list from what the client submitted: a model form or serializer, a
#: generic editing view.
_SUBMITTED_MODEL_FIELDS = frozenset(
    {"ModelForm", "ModelSerializer", "HyperlinkedModelSerializer", "CreateView", "UpdateView", "ModelFormMixin"}
)


def _model_form_fields(cls) -> tuple[str, tuple[str, ...]]:
    """`class CommentForm(ModelForm): class Meta: model = Comment; fields = ["author", "body"]`,
    `class Edit(UpdateView): model = Page; fields = ["body"]`: the model and the fields the class saves from
    a submitted form or body, when it names both."""
    if not any(base.rsplit(".", 1)[-1] in _SUBMITTED_MODEL_FIELDS for base in cls.bases):
        return "", ()
    meta = next((n for n in cls.node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None)
    meta_values = {
        t.id: n.value
        for n in (meta.body if meta is not None else [])
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    listed = cls.attributes.get("fields", meta_values.get("fields"))
    named = cls.attributes.get("model", meta_values.get("model"))
    model = (dotted(named) if named is not None else None) or ""
    value = literal_value(listed) if listed is not None else None
    if not model or not isinstance(value, (list, tuple)):
        return "", ()  # `"__all__"`, fields computed at run time, or a model not named
    # A serializer's `read_only_fields` are shown, not accepted (`read_only_fields = fields`: none is).
    shown = meta_values.get("read_only_fields")
    if isinstance(shown, ast.Name) and shown.id == "fields":
        return "", ()
    read_only = literal_value(shown) if shown is not None else ()
    skipped = set(read_only) if isinstance(read_only, (list, tuple)) else set()
    accepted = sorted(str(name) for name in value if isinstance(name, str) and name not in skipped)
    return (model.rsplit(".", 1)[-1], tuple(accepted)) if accepted else ("", ())


_TEMPLATE_FOLDER_OWNERS = ("flask.Flask", "flask.Blueprint", "flask.blueprints.Blueprint")


def _template_folders(module: Module) -> list[str]:
    """The template directories, relative to the scan root, that the module's Flask app or blueprints name."""
    found = []
    for call in module.calls_to(*_TEMPLATE_FOLDER_OWNERS):
        folder = next((k.value for k in call.node.keywords if k.arg == "template_folder"), None)
        value = literal_value(folder) if folder is not None else None
        if isinstance(value, str) and value:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(module.path), value))
            if not joined.startswith(".."):
                found.append(joined)
    return found


def _renders(ctx: ProjectContext) -> list[RenderFact]:
    """The project's render calls, with each template name also looked up in the template directory of the
    app or blueprint that the rendering module sits beside or below."""
    folders = [folder for _, folder in ctx.facts_of(TEMPLATE_FOLDER, tuple)]
    renders = []
    for _, render in ctx.facts_of(RENDER, RenderFact):
        where = posixpath.dirname(render.path)
        extra = tuple(
            posixpath.join(folder, name.lstrip("/"))
            for owner, folder in folders
            if where == owner or where.startswith(owner + "/")
            for name in render.templates
        )
        renders.append(replace(render, templates=(*render.templates, *extra)) if extra else render)
    return renders


def _field_holder(text: str) -> tuple[str, ...]:
    """`offer.benefit.description|safe`: the field is the benefit's, not the offer's."""
    parts = text.split("|", 1)[0].strip().split(".")
    return (parts[-2],) if len(parts) >= 3 and parts[-2].isidentifier() else ()


def _staff_writer(writer: StoredFact) -> bool:
    """A form of a package named for staff (`dashboard/offers/forms.py`, `admin/views.py`): rich text that
    staff write and the site shows as markup on purpose, not what any user typed. Told by the module's
    packages where it has them: directories above the project say nothing of it."""
    parts = writer.package.split(".") if writer.package else posixpath.dirname(writer.path).split("/")
    return any(part in _STAFF_PACKAGES or bool(ADMIN_WORDS & set(names.words(part))) for part in parts)


def _package_of(module: Module) -> str:
    """`shop.admin` for the module `shop.admin.views`, `shop.admin` for the package `shop/admin/__init__.py`."""
    name = module.module_name
    return name if module.is_package else name.rpartition(".")[0]


_STAFF_PACKAGES = frozenset({"dashboard", "dashboards", "backoffice"})


def _same_app(one: str, other: str) -> bool:
    """Two modules of one package, or of a package and one inside it (`shop/forms.py`, `shop/views/detail.py`)."""
    a, b = posixpath.dirname(one), posixpath.dirname(other)
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


#: Words of a repository's or service's name that say what kind of object it is, not what it keeps.
_STORE_WORDS = frozenset(
    {"repo", "repos", "repository", "repositories", "service", "services", "store", "dao", "db", "crud", "manager"}
)


def _store_of(roots: tuple[str, ...], callee: str) -> bool:
    """`shift_repo.update_notes`, `shifts.update_notes`: a call on a repository or module named for the record
    the template reads (`shift`)."""
    words = [w.lower() for w in names.words(callee.rsplit(".", 1)[0]) if w.lower() not in _STORE_WORDS]
    if not words:
        return False
    head = words[-1]
    singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return any(w in (head, singular, singular + "s") for root in roots for w in names.words(root))


def _names_model(roots: tuple[str, ...], model: str) -> bool:
    """A template variable read from a context value named for the model: `comments` or `comment` for
    `Comment`, `page` for `Page` (the last word of the model's name, singular or plural)."""
    words = [w.lower() for w in names.words(model)]
    if not words:
        return False
    head = words[-1]
    return any(w in (head, head + "s", head + "es") for root in roots for w in names.words(root))


@check(XSS002, XSS004)  # the fields views store are what `stored_fields_marked_safe` joins with
def render_contexts(ctx: FileContext) -> None:
    module = ctx.module
    for folder in _template_folders(module):
        ctx.fact(TEMPLATE_FOLDER, (posixpath.dirname(module.path), folder))
    for cls in module.classes.values():
        declared = tuple(
            stmt.target.id
            for stmt in cls.node.body
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
        )
        if not declared and any(b.rsplit(".", 1)[-1].endswith("Form") for b in cls.bases):
            # `class EventForm(FlaskForm): description = TextAreaField(...)`: WTForms fields, which the form's
            # `populate_obj(record)` copies onto a record.
            declared = tuple(
                target.id
                for stmt in cls.node.body
                if isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.Call)
                and (R.last_name(stmt.value.func) or "").endswith("Field")
                for target in stmt.targets
                if isinstance(target, ast.Name)
            )
        if declared:
            # `class ExpenseIn(BaseModel): notes: str`: the fields a body model of this class holds.
            name = f"{module.module_name}.{cls.qualname}" if module.module_name else cls.qualname
            ctx.fact(DECLARED_FIELDS, (name, declared))
        model, listed = _model_form_fields(cls)
        if listed:
            ctx.fact(
                STORED,
                StoredFact(module.path, cls.node.lineno, cls.qualname, listed, model, package=_package_of(module)),
            )
        template = _class_view_template(cls)
        if template is not None:
            # `class AppointmentDetail(DetailView): template_name = "..."`: the view renders its record; what
            # the context holds is the view's queryset, not known here.
            model = _class_view_model(module, cls)
            ctx.fact(
                RENDER,
                RenderFact(module.path, template[0], cls.qualname, (template[1],), (), class_view=True, model=model),
            )
    for function in module.all_functions():
        if function.is_module:
            continue
        decorated = _decorator_template(module, function)
        if decorated is not None:
            # `@aiohttp_jinja2.template("tickets/detail.html")`: the view's returned dict is the page's context.
            ctx.fact(RENDER, RenderFact(module.path, decorated[0], function.qualname, (decorated[1],), ()))
        fields = _submitted_fields(module, function)
        handed: dict[str, set[str]] = {}
        if fields:
            written = _written_fields(function)
            handed = {f: calls for f, calls in _handed_by_key(function).items() if f in fields and f not in written}
            fields &= written | set(handed)
        dumped = _dumped_bodies(module, function) | _populated_records(module, function)
        if fields or dumped:
            records = {
                target.value.id
                for node in ast.walk(function.node)
                if isinstance(node, ast.Assign)
                for target in node.targets
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.attr in fields
            }
            ctx.fact(
                STORED,
                StoredFact(
                    module.path,
                    function.line,
                    function.qualname,
                    tuple(sorted(fields)),
                    records=tuple(sorted(records)),
                    handed=tuple(sorted((f, c) for f, calls in handed.items() for c in calls)),
                    bodies=tuple(sorted(dumped)),
                    package=_package_of(module),
                ),
            )
        # The model's calls of this function, not a walk of its subtree: the flow's events are its own.
        bound = assignments(function)
        calls = [c.node for c in function.calls if _template_args(c.node, bound)]
        inline = [
            c.node
            for c in function.calls
            if c.callee in _TEMPLATE_FROM_STRING and c.node.args and isinstance(literal_value(c.node.args[0]), str)
        ]
        if not calls and not inline:
            continue
        flow = flow_of(module, function)
        wanted = set(map(id, calls))
        for event in flow.calls:
            if event.node in inline:
                _inline_template(ctx, function, event, _context(flow, function, event))
            if id(event.node) not in wanted:
                continue
            names = tuple(name for _, name in _template_args(event.node, bound))
            context = _context(flow, function, event)
            ctx.fact(
                RENDER, RenderFact(module.path, event.node.lineno, function.qualname, names, tuple(context.items()))
            )


#: Decorators that render the template they name with what the view returns.
_TEMPLATE_DECORATORS = frozenset({"aiohttp_jinja2.template", "bottle.view", "bottle.jinja2_view"})


def _decorator_template(module, function) -> tuple[int, str] | None:
    """The line and name of the template a view's decorator renders (`@aiohttp_jinja2.template("page.html")`)."""
    for deco in getattr(function.node, "decorator_list", []):
        if not isinstance(deco, ast.Call):
            continue
        callee = module.qualified_name(deco.func, function)
        if callee in _TEMPLATE_DECORATORS:
            name = literal_value(deco.args[0]) if deco.args else None
            if isinstance(name, str):
                return deco.lineno, name
        elif callee == "pyramid.view.view_config":
            # `@view_config(renderer="crm:templates/customers/detail.jinja2")`: a template by its asset spec (a
            # package, then a path in it); `renderer="json"` and `"string"` render no template.
            given = keyword_argument(deco, "renderer")
            name = literal_value(given) if given is not None else None
            if isinstance(name, str) and "." in name:
                return deco.lineno, name.split(":", 1)[-1]
    return None


def _class_view_template(cls) -> tuple[int, str] | None:
    """The line and name of `template_name = "shop/product_detail.html"` in a class-based view (a base named
    `...View`)."""
    template = cls.attributes.get("template_name")
    if not isinstance(template, ast.Constant) or not isinstance(template.value, str):
        return None
    if not any(base.rsplit(".", 1)[-1].endswith("View") for base in cls.bases):
        return None
    return template.lineno, template.value


def _class_view_model(module: Module, cls) -> str:
    """The model a generic view shows (`model = Claim`, `queryset = Claim.objects...`, or `get_queryset()`
    returning `Claim.objects.filter(...)`), in the class or a base class of the module: `Claim`."""
    todo, seen = [cls], set[str]()
    while todo and len(seen) < 8:
        item = todo.pop(0)
        seen.add(item.qualname)
        for value in (item.attributes.get("model"), item.attributes.get("queryset")):
            if value is not None and (name := _model_named(value)):
                return name
        method = item.methods.get("get_queryset")
        for node in ast.walk(method.node) if method is not None else ():
            if isinstance(node, ast.Return) and node.value is not None and (name := _model_named(node.value)):
                return name
        own = [base.removeprefix(f"{module.module_name}.") for base in item.bases]  # the module's own classes
        todo += [b for base in own if (b := module.classes.get(base)) is not None and b.qualname not in seen]
    return ""


def _model_named(node: ast.expr) -> str:
    """`Claim`, `Claim.objects.filter(...)`, `models.Claim.objects.all()`: the capitalised class named first."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute) and not node.attr[:1].isupper():
            node = node.value
        else:
            break
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name if name[:1].isupper() else ""


def _inline_template(ctx: FileContext, function, event, context: dict[str, ContextValue]) -> None:
    """`render_template_string("<p>{{ bio|safe }}</p>", bio=...)`: the context is in the same call."""
    text = literal_value(event.node.args[0])
    if not isinstance(text, str):  # the caller passes string literals only
        return
    blocks = list(templates.blocks(text))
    names = templates.aliases(blocks)
    for block in blocks:
        for use in templates.filter_uses(block, {"safe", "safeseq"}):
            if use.on_literal or set(use.chain) & templates.SAFE_OUTPUT_FILTERS:
                continue
            roots = _resolve(use.roots, names)
            values = [(root, context[root]) for root in sorted(roots) if root in context]
            request = next(((root, v) for root, v in values if v.kind == "request"), None)
            written = f"`{use.expression}|{use.filter}` in the template string"
            if request is not None:
                root, value = request
                ctx.report(
                    XSS004,
                    event.node,
                    f"{written} writes {describe_source(value.trace, event.node)} unescaped (passed as `{root}`)",
                    scope=function,
                    confidence=Confidence.HIGH,
                    flow=(*value.trace, FlowStep(ctx.location(event.node), f"written unescaped by {written}")),
                )
            elif roots and not (len(values) == len(roots) and all(v.kind == "safe" for _, v in values)):
                ctx.report(
                    XSS004,
                    event.node,
                    f"{written} writes the value unescaped; it does not come from the "
                    "request here: check where it comes from",
                    scope=function,
                    audit=True,
                )


def _template_args(node: ast.Call, bound: dict[str, ast.expr] | None = None) -> list[tuple[int, str]]:
    """(position, name) of the literal template names a call passes: `render(request, "notes.html", ...)`.
    `bound`: the function's plain assignments, for a template object loaded into a name first."""
    method = (
        node.func.attr
        if isinstance(node.func, ast.Attribute)
        else node.func.id
        if isinstance(node.func, ast.Name)
        else ""
    )
    found = []
    for position, arg in enumerate(node.args[:3]):
        value = literal_value(arg)
        if (
            isinstance(value, str)
            and " " not in value
            and "." in value
            and (method in _RENDER_CALLS or value.lower().endswith(_TEMPLATE_SUFFIXES))
        ):
            found.append((position, value))
    for keyword in node.keywords:
        value = literal_value(keyword.value)
        if (
            keyword.arg in ("template_name", "name")
            and isinstance(value, str)
            and value.lower().endswith(_TEMPLATE_SUFFIXES)
        ):
            found.append((-1, value))
    # `env.get_template("card.html").render(...)`: the template is named where it is loaded.
    receiver = node.func.value if isinstance(node.func, ast.Attribute) and node.func.attr == "render" else None
    if isinstance(receiver, ast.Name) and bound:
        receiver = bound.get(receiver.id)  # `page = env.get_template("card.html")`, then `page.render(...)`
    if (
        isinstance(receiver, ast.Call)
        and isinstance(receiver.func, ast.Attribute)
        and receiver.func.attr == "get_template"
        and receiver.args
        and isinstance(name := literal_value(receiver.args[0]), str)
    ):
        found.append((-1, name))
    return found


def _context(flow, function, event) -> dict[str, ContextValue]:
    node = event.node
    context: dict[str, ContextValue] = {}
    every_keyword = _keywords_are_context(event)
    for key, value in event.keywords.items():
        if key and (every_keyword or key not in _NOT_CONTEXT):
            context[key] = _classify(value)
    last = max((p for p, _ in _template_args(node)), default=-1)
    dicts = [a for a in node.args[last + 1 :] if isinstance(a, (ast.Dict, ast.Name))]
    dicts += [
        k.value for k in node.keywords if k.arg in ("context", "ctx") and isinstance(k.value, (ast.Dict, ast.Name))
    ]
    for arg in dicts:
        nodes = (
            {id(arg)}
            if isinstance(arg, ast.Dict)
            else {
                id(n.value)
                for n in ast.walk(function.node)
                if isinstance(n, ast.Assign)
                and isinstance(n.value, ast.Dict)
                and any(isinstance(t, ast.Name) and t.id == arg.id for t in n.targets)
            }
        )
        for store in flow.stores:
            if store.name is None:
                continue
            if (
                store.kind == "key"
                and id(store.stmt) in nodes
                or store.kind == "item"
                and isinstance(arg, ast.Name)
                and isinstance(store.base, ast.Name)
                and store.base.id == arg.id
            ):
                context[store.name] = _merge(context.get(store.name), _classify(store.value))
    return context


def _classify(value: L.Value) -> ContextValue:
    if L.REQUEST in value:
        return ContextValue("request", value[L.REQUEST])
    if L.CONST in value or L.HTML_SAFE in value or L.HTML_ESCAPED in value:
        return ContextValue("safe")
    return ContextValue("unknown")


def _merge(old: ContextValue | None, new: ContextValue) -> ContextValue:
    if old is None:
        return new
    order = {"request": 0, "unknown": 1, "safe": 2}
    return old if order[old.kind] <= order[new.kind] else new


def _written_fields(function) -> set[str]:
    """Names the function writes somewhere it can keep them: a keyword of a call (`Comment.objects.create(
    comment=...)`, `page.update(body=...)`), a variable of that name passed on (`db.add_note(uid, body)`), an
    attribute (`page.body = ...`) or a key (`data["body"] = ...`) it assigns. A view that only reads a field
    to preview or check it, or hands it to a template, stores nothing under that name."""
    written: set[str] = set()
    # `data = {"description": ...}` handed on whole (`repo.update(event_id, data)`): its keys are written.
    records = {
        target.id: [k.value for k in node.value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(function.node):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in known.union("renderers") or "render" in name.lower():
                continue  # `render_template("preview.html", body=body)` shows the value, it keeps nothing
            written.update(k.arg for k in node.keywords if k.arg)
            for arg in node.args:
                if isinstance(arg, ast.Name):
                    written.add(arg.id)  # `db.add_note(uid, title, body)`
                    written.update(records.get(arg.id, ()))
                elif name not in _BUILTIN_NAMES and (field := _form_field(arg)) is not None:
                    written.add(field)  # `notes.add(contact, form.body.data)`, `save(form.cleaned_data["bio"])`
                elif isinstance(arg, ast.Dict):  # `notes.insert_one({"body": body})`
                    written.update(
                        k.value for k in arg.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                    )
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            written.add(node.attr)
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            key = literal_value(node.slice)
            if isinstance(key, str):
                written.add(key)
    return written


#: Builtins and messages that read what they are given: `sorted(form.cleaned_data["email"])`, `log.info(...)`
#: and `messages.success(...)` keep nothing.
_BUILTIN_NAMES = frozenset(dir(builtins)) | {
    "debug", "info", "warning", "warn", "error", "exception", "critical", "flash", "success", "add_message",
}  # fmt: skip


def _submitted_fields(module, function) -> set[str]:
    """Names of the form / body fields a function reads from the request (`request.form["body"]`,
    `request.POST.get("body")`, FastAPI `body: str = Form()`)."""
    fields: set[str] = set()
    # Only a body that names a request container (`form`, `POST`, `json`...) can read a field from one.
    restx = module.imports_any("flask_restx", "flask_restplus")
    reads_body = (
        function.raw_identifiers & _REQUEST_CONTAINERS
        or restx
        and "payload" in function.raw_identifiers
        or "validated_data" in function.raw_identifiers
    )
    helper_read = not reads_body and any(
        c.receiver is None and _body_reader(module, c.node) for c in function.calls
    )  # `data = _json_body(request)`
    body_nodes = list(ast.walk(function.node)) if reads_body or helper_read else []
    bottle = module.imports_any("bottle")

    def request_container(node: ast.expr | None) -> bool:
        if isinstance(node, ast.Await):
            node = node.value  # `form = await request.post()` (aiohttp), `await request.json()`
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            node = node.values[0]  # `request.get_json(silent=True) or {}`
        if isinstance(node, ast.Call) and _body_reader(module, node) and _is_request(module, function, node.args[0]):
            return True  # `data = _json_body(request)`: the module's helper that reads the body it is handed
        if isinstance(node, ast.Call):
            node = node.func  # `request.get_json()["x"]`
        if isinstance(node, ast.Attribute) and node.attr == "payload" and restx:
            return True  # Flask-RESTX's `ns.payload`: the JSON body the client posted
        if isinstance(node, ast.Attribute) and node.attr == "validated_data":
            return True  # a DRF serializer's fields, checked, as the client sent them
        return (
            isinstance(node, ast.Attribute)
            and node.attr in _REQUEST_CONTAINERS
            and _is_request(module, function, node.value)
        )

    # `body = request.get_json(silent=True) or {}`, then `body.get("notes")`: a name holding the request's body.
    held = {
        target.id
        for node in body_nodes
        if isinstance(node, ast.Assign) and request_container(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in body_nodes:
        container = None
        key = None
        if isinstance(node, ast.Subscript):
            container, key = node.value, literal_value(node.slice)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "getlist", "pop", "getunicode", "getall", "getone")
            and node.args
        ):
            container, key = node.func.value, literal_value(node.args[0])
        elif (
            bottle
            and isinstance(node, ast.Attribute)
            and node.attr not in _FORMS_DICT_METHODS
            and isinstance(node.value, ast.Attribute)
            and node.value.attr in ("forms", "POST", "params")
        ):
            container, key = node.value, node.attr  # Bottle's `request.forms.body`: the field `body`
        if isinstance(key, str) and (
            request_container(container) or isinstance(container, ast.Name) and container.id in held
        ):
            fields.add(key)
    args = function.node.args
    defaults = parameter_defaults(args)
    for arg in (*args.args, *args.kwonlyargs):
        marks = [defaults.get(arg.arg)]
        if isinstance(arg.annotation, ast.Subscript) and isinstance(arg.annotation.slice, ast.Tuple):
            marks.extend(arg.annotation.slice.elts)  # Annotated[str, Form()]
        for mark in marks:
            if isinstance(mark, ast.Call) and (module.qualified_name(mark.func, function) or "").rsplit(".", 1)[-1] in (
                "Form",
                "Body",
            ):
                fields.add(arg.arg)
    fields |= _body_model_fields(module, function)
    if function.class_name and R.tornado_handler_method(module, function):
        # `self.get_body_argument("about")`: a field of what a Tornado handler was posted.
        fields |= {
            key
            for node in ast.walk(function.node)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get_argument", "get_body_argument")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"
            and node.args
            and isinstance(key := literal_value(node.args[0]), str)
        }
    # `form = NoteForm()` then `form.body.data` (WTForms) or `form.cleaned_data["body"]` (Django): a field
    # of a form the request fills.
    forms = {
        target.id
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and call_name(node.value.func).endswith("Form")
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    if forms:
        fields |= {field for node in ast.walk(function.node) if (field := _form_field(node, forms)) is not None}
    return fields


def _body_reader(module, call: ast.Call) -> bool:
    """`_json_body(request)`: a function of this module that returns what it reads from the body of the request
    handed to it first (`json.loads(request.body)`)."""
    if not isinstance(call.func, ast.Name) or not call.args:
        return False
    helper = module.functions.get(call.func.id)
    if helper is None or not helper.params or helper.class_name:
        return False
    known = helper.__dict__.get("_reads_body_of_first")
    if known is None:
        first = helper.params[0]
        returns = any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(helper.node))
        known = helper.__dict__["_reads_body_of_first"] = returns and any(
            isinstance(n, ast.Attribute)
            and n.attr in _REQUEST_CONTAINERS
            and isinstance(n.value, ast.Name)
            and n.value.id == first
            for n in ast.walk(helper.node)
        )
    return bool(known)


def _handed_by_key(function) -> dict[str, set[str]]:
    """Fields read by their key and handed by position to a call (`create_booking(uid, form.get("notes"))`):
    each field with the names of the calls it is handed to."""
    handed: dict[str, set[str]] = {}
    for node in ast.walk(function.node):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if not name or name in _BUILTIN_NAMES or name in known.union("renderers") or "render" in name.lower():
            continue
        func = node.func
        receiver = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        for arg in node.args:
            if (field := _key_read(arg)) is not None:
                handed.setdefault(field, set()).add(f"{receiver}.{name}" if receiver else name)
    return handed


def _keyed(node: ast.AST) -> tuple[ast.expr, object] | None:
    """`holder.get(key, ...)` or `holder[key]`: the holder and the key's literal value."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        return node.func.value, literal_value(node.args[0])
    if isinstance(node, ast.Subscript):
        return node.value, literal_value(node.slice)
    return None


def _key_read(node: ast.AST) -> str | None:
    """`form.get("notes", "")`, `data["notes"]`, `request.form.get("notes", "")[:500]`: the key a value is read
    under from a name or an attribute, kept whole or cut and trimmed."""
    while True:
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            node = node.value  # `[:500]`: the first characters of the same text
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _TRIMS:
            node = node.func.value
        else:
            break
    keyed = _keyed(node)
    if keyed is None:
        return None
    holder, key = keyed
    return key if isinstance(holder, (ast.Name, ast.Attribute)) and isinstance(key, str) else None


_TRIMS = frozenset({"strip", "lstrip", "rstrip"})


def _form_field(node: ast.AST, forms: set[str] | None = None) -> str | None:
    """`form.body.data` or `form.cleaned_data["body"]` (`.get("body")`): the field `body` of a form (one of
    `forms`, when given)."""
    if isinstance(node, ast.Attribute) and node.attr == "data" and isinstance(node.value, ast.Attribute):
        form = node.value.value
        if isinstance(form, ast.Name) and (forms is None or form.id in forms):
            return node.value.attr
        return None
    keyed = _keyed(node)
    if keyed is None:
        return None
    holder, key = keyed
    if (
        isinstance(key, str)
        and isinstance(holder, ast.Attribute)
        and holder.attr == "cleaned_data"
        and isinstance(holder.value, ast.Name)
        and (forms is None or holder.value.id in forms)
    ):
        return key
    return None


def _body_parameters(module, function) -> dict[str, str]:
    """`async def create_invoice(body: InvoiceIn, ...)` of a route that writes (POST, PUT, PATCH): the
    parameters the client's body fills, with the name of their class."""
    node = function.node
    writes = any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("post", "put", "patch")
        for d in getattr(node, "decorator_list", [])
    )
    if not writes:
        return {}
    args = node.args
    defaults = parameter_defaults(args)
    return {
        a.arg: module.qualified_name(a.annotation, function) or ast.unparse(a.annotation)
        for a in (*args.args, *args.kwonlyargs)
        if a.annotation is not None
        and module.annotated_class(a.arg, function) is not None
        # `principal: Principal = Depends(current_principal)`: what a dependency gives, not the body
        and not (isinstance(made := defaults.get(a.arg), ast.Call) and call_name(made.func) != "Body")
    }


def _body_model_fields(module, function) -> set[str]:
    """The fields a writing route reads from the body model the client sent (`body.notes`)."""
    bodies = _body_parameters(module, function)
    return {
        n.attr
        for n in ast.walk(function.node)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in bodies
    }


def _populated_records(module: Module, function: Function) -> set[tuple[str, str]]:
    """`form = EventForm(); ... form.populate_obj(event)`: WTForms copies every field of the form class onto
    the record, as the client submitted it: (the form class's name, the record's)."""
    found = set()
    for call in function.calls:
        node = call.node
        if not (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "populate_obj"
            and isinstance(node.func.value, ast.Name)
            and node.args
            and isinstance(node.args[0], (ast.Name, ast.Attribute))
        ):
            continue
        made = bound_value(module, function, node.func.value)
        form = module.qualified_name(made.func, function) if isinstance(made, ast.Call) else None
        if form and form.rsplit(".", 1)[-1].endswith("Form"):
            record = node.args[0]
            found.add((form, record.id if isinstance(record, ast.Name) else record.attr))
    return found


def _dumped_bodies(module, function) -> set[tuple[str, str]]:
    """The classes of body models a writing route hands on whole, each with the name of what takes it:
    `Expense.objects.create(**payload.dict())` gives (`ExpenseIn`'s name, "Expense"), `Note(**body.model_dump())`
    (..., "Note"). Every field of such a class is stored as the client sent it, in records of that name."""
    bodies = _body_parameters(module, function)
    if not bodies:
        return set()

    def dump_of(node: ast.AST | None) -> str | None:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("dict", "model_dump")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in bodies
        ):
            return bodies[node.func.value.id]
        return None

    held = {
        target.id: model
        for n in ast.walk(function.node)
        if isinstance(n, ast.Assign) and (model := dump_of(n.value))
        for target in n.targets
        if isinstance(target, ast.Name)
    }
    found = set()
    for n in ast.walk(function.node):
        if (
            isinstance(n, ast.For)
            and isinstance(n.iter, ast.Call)
            and isinstance(n.iter.func, ast.Attribute)
            and n.iter.func.attr == "items"
            and (model := held.get(getattr(n.iter.func.value, "id", "")) or dump_of(n.iter.func.value))
        ):
            # `for field, value in body.model_dump(exclude_unset=True).items(): setattr(invoice, field, value)`
            for call in ast.walk(n):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "setattr"
                    and len(call.args) == 3
                    and isinstance(call.args[0], ast.Name)
                ):
                    found.add((model, call.args[0].id))
        if isinstance(n, ast.Call):
            for keyword in n.keywords:
                if keyword.arg is None:
                    value = keyword.value
                    model = held.get(value.id) if isinstance(value, ast.Name) else dump_of(value)
                    if model:
                        # `Expense.objects.create`: the record is the class the call starts from.
                        parts = ast.unparse(n.func).split(".") if isinstance(n.func, (ast.Name, ast.Attribute)) else []
                        found.add((model, next((p for p in parts if p[:1].isupper()), parts[-1] if parts else "")))
            # `leave_service.submit_leave(db, employee, data)`: the whole body handed to a project function, which
            # keeps it in the record it is named for.
            callee = module.qualified_name(n.func, function) if isinstance(n.func, (ast.Name, ast.Attribute)) else None
            if (
                callee
                and callee.split(".", 1)[0] in module.project_roots
                and not callee.rsplit(".", 1)[-1][:1].isupper()
            ):
                for given in (*n.args, *(k.value for k in n.keywords if k.arg)):
                    if isinstance(given, ast.Name) and given.id in bodies:
                        found.add((bodies[given.id], callee.rsplit(".", 1)[-1]))
    return found


def _is_request(module, function, node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "request"  # `self.request`
    if isinstance(node, ast.Name):
        return node.id in ("request", "req") or module.binding(node.id, function) in known.family_union(
            "flask", "request_objects"
        )
    return False


@check(XSS003, stage="project")
def environments_by_templates(ctx: ProjectContext) -> None:
    """An environment without autoescape whose every HTML template writes only filtered values (`|tojson`)
    escapes nothing that needs it: audit mode. Any other is reported."""
    free = [path for _, path in ctx.facts_of(MARKUP_FREE_TEMPLATE, str)]
    environments = [environment for _, environment in ctx.facts_of(UNESCAPED_ENVIRONMENT, UnescapedEnvironment)]
    # Templates another environment asks for by name are that environment's: one asked only for the names it is
    # given (`env.get_template(name)`) is not known to render them.
    claimed = {name for environment in environments for name in environment.templates}
    for _, loaded in ctx.facts_of(UNESCAPED_DIRECTORY, UnescapedDirectory):
        prefix = "" if loaded.directory == "." else loaded.directory + "/"
        pages = tuple(
            f.rel
            for f in ctx.files
            if f.rel.startswith(prefix)
            and _HTML_TEMPLATE.search(posixpath.basename(f.rel))
            and not any(f.rel == name or f.rel.endswith("/" + name) for name in claimed)
        )
        if not pages:
            ctx.findings.append(loaded.finding)
            continue
        shown = loaded.directory if loaded.directory != "." else "the project root"
        message = f"{loaded.finding.message}; its loader reads the HTML templates in `{shown}`"
        environments.append(UnescapedEnvironment(replace(loaded.finding, audit=False, message=message), pages))
    for environment in environments:
        finding = environment.finding
        if environment.templates and all(
            any(path == name or path.endswith("/" + name) for path in free) for name in environment.templates
        ):
            finding = finding.for_audit(
                "every value its templates write goes through a filter that writes no markup (`|tojson`, `|int`)"
            )
        ctx.findings.append(finding)


#: A property of a class that returns one of its fields as text, changed only by string methods: (its name,
#: the field's).
DERIVED_PROPERTY = "xss-derived-property"
_PROPERTY_DECORATORS = frozenset({"property", "cached_property", "hybrid_property"})
#: String methods that change text without escaping it.
_TEXT_METHODS = frozenset({"replace", "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize"})


@check(XSS004)
def derived_properties(ctx: FileContext) -> None:
    """`@property def body_html(self): return self.body.replace("\\n", "<br>")`: the property writes the field's
    text, markup and all, for the project stage to link with what stores the field."""
    for info in ctx.module.classes.values():
        for name, method in info.methods.items():
            node = method.node
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or len(node.body) > 2:
                continue
            if not any(_last_name(d) in _PROPERTY_DECORATORS for d in node.decorator_list):
                continue
            returned = node.body[-1]
            field = _text_of_field(returned.value) if isinstance(returned, ast.Return) and returned.value else None
            if field is not None and field != name:
                ctx.fact(DERIVED_PROPERTY, (name, field))


def _text_of_field(node: ast.expr) -> str | None:
    """`self.body.replace(...).strip()`, `f"<p>{self.body}</p>"`, `"<p>" + self.body`: the one field of `self`
    the text is made from, with constants; None for anything else (a call that may escape it)."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node.attr
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _TEXT_METHODS
        and all(isinstance(a, ast.Constant) for a in node.args)
    ):
        return _text_of_field(node.func.value)
    parts: list[ast.expr] = []
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [p for p in (node.left, node.right) if not isinstance(p, ast.Constant)]
    fields = {_text_of_field(p) for p in parts}
    return fields.pop() if len(fields) == 1 and None not in fields else None


def stored_by_field(ctx: ProjectContext) -> dict[str, list[StoredFact]]:
    """The views that store each field from the request, by the field's name; a body model stored whole
    (`Space(**body.model_dump())`) stores every field its class declares, in records of that name."""
    stored: dict[str, list[StoredFact]] = {}
    declared = [data for _, data in ctx.facts_of(DECLARED_FIELDS, tuple)]
    for _, fact in ctx.facts_of(STORED, StoredFact):
        dumped = [
            (field, record)
            for body, record in fact.bodies
            for name, fields in declared
            if same_global_name(name, body)
            for field in fields
            if field not in fact.fields
        ]
        if dumped:
            # Stored whole into a record of a known name: shown where a template reads that record.
            fact = replace(
                fact, fields=(*fact.fields, *(f for f, _ in dumped)), handed=(*fact.handed, *dumped), bodies=()
            )
        for name in fact.fields:
            stored.setdefault(name, []).append(fact)
    return stored


@check(XSS001, XSS003, XSS004, stage="project")
def linked_safe_filters(ctx: ProjectContext) -> None:
    uses = [u for _, u in ctx.facts_of(SAFE_USE, SafeUse)]
    if not uses:
        return
    renders = _renders(ctx)
    stored = stored_by_field(ctx)
    derived: dict[str, str] = dict(data for _, data in ctx.facts_of(DERIVED_PROPERTY, tuple))
    escaping = {name for _, name in ctx.facts_of(ESCAPING_FUNCTION, str)}
    escaping_filters = {
        entry.filter
        for _, entry in ctx.facts_of(FILTER_REGISTERED, FilterRegistered)
        if any(same_global_name(ctx.resolve_method(entry.function), name) for name in escaping)
    }
    for use in uses:
        if set(use.filters) & escaping_filters:
            continue  # `row.name|highlight(q)|safe`: the filter escapes the text and adds its own markup
        rule = {XSS001.id: XSS001, XSS003.id: XSS003}.get(use.rule, XSS004)
        paths = _rendered_through_includes(ctx, use.path)
        linked = [r for r in renders if any(templates.is_rendered_as(p, t) for p in paths for t in r.templates)]
        where = Location(use.path, use.line)
        url = rule is XSS001 and use.field == URL_ATTRIBUTE
        step = FlowStep(
            where,
            f"written as the whole URL of `{use.text}`"
            if url
            else f"written into the unquoted attribute `{use.text}`"
            if rule is XSS001
            else f"written unescaped by `{use.text}`",
        )
        passed = [
            (r, root, given) for r in linked for root in use.roots if (given := r.context_value(root)) is not None
        ]
        request = next(((r, root, v) for r, root, v in passed if v.kind == "request"), None)
        if request is not None:
            render, root, value = request
            source = describe_source(value.trace, Location(render.path, render.line))
            unquoted = rule is XSS001 and not url
            # A view may check a URL's scheme, or build it from the request with a fixed start, before it
            # passes it on: that the variable holds the client's text from its first character is for a reader.
            ctx.report(
                rule,
                where,
                f"`{use.text}` writes {source} "
                + ("as the whole URL" if url else "into an unquoted attribute" if unquoted else "unescaped")
                + f": `{render.function}()` ({render.path}:{render.line}) passes it to the template as `{root}`"
                + (
                    "; escaping does not stop a space and a new attribute (`x onfocus=...`): quote it"
                    if unquoted
                    else "; escaping does not stop a `javascript:` URL: allow only paths or check the scheme"
                    if url
                    else ""
                ),
                snippet=use.snippet,
                flow=(*value.trace, step),
                confidence=Confidence.MEDIUM if url else Confidence.HIGH,
                audit=url,
            )
            continue
        if rule is XSS001:
            continue  # an unquoted attribute is a finding only where request data is known to land in it
        if passed and all(v.kind == "safe" for _, _, v in passed) and {root for _, root, _ in passed} >= set(use.roots):
            continue  # every view passes markup it built safely, or constants
        # `note.body_html|safe` where a model's property `body_html` returns its `body` with `<br>` put in: what
        # stores `body` stores it.
        field = use.field
        if linked and field and not stored.get(field) and derived.get(field):
            field = derived[field]
        writers = [w for w in stored.get(field, []) if not _staff_writer(w)] if linked and field else []
        if use.encoded_by:
            # `|to_json|escape_brackets|safe`: the project's own filter, named for it, encodes the value first.
            writers = []
        if linked and all(r.class_view for r in linked):
            # A generic view shows whatever record it is given: only a form of its own app is known to be the
            # one its users fill in (a staff dashboard elsewhere writes the same field on purpose).
            writers = [w for w in writers if any(_same_app(w.path, r.path) for r in linked)]
        # `note.body|safe` in `{% for note in appointment.notes.all %}`: the note's, or the appointment's.
        record = _field_holder(use.text) or (use.text.split("|", 1)[0].strip().split(".")[0], *use.roots)
        if "object" in record:
            # `object.approver_notes|safe` in a generic view's template: the record of the view's model.
            record = (*record, *{r.model for r in linked if r.model})
        writer = next((w for w in writers if w.keeps(field, record)), None)
        if writer is not None:
            submit = FlowStep(
                Location(writer.path, writer.line),
                f"`{writer.function}()` accepts `{field}` from a submitted form or body",
            )
            ctx.report(
                rule,
                where,
                f"`{use.text}` writes `{field}` unescaped"
                + (f" (through the property `{use.field}`)" if field != use.field else "")
                + f": `{writer.function}()` ({writer.path}:{writer.line}) accepts `{field}` from the request, and "
                f"the template is rendered by `{linked[0].function}()`",
                snippet=use.snippet,
                flow=(submit, step),
            )
            continue
        ctx.report(
            rule,
            where,
            f"`{use.text}` writes what `{use.encoded_by}`, a filter of the project's named for escaping or encoding "
            "it, gives: check that it does"
            if use.encoded_by
            else f"`{use.text}` writes the value unescaped; no view was found passing request "
            "data to it: check where it comes from",
            snippet=use.snippet,
            audit=True,
        )


# -- templates that escape nothing where the value lands ----------------------------------------------

#: Flask switches autoescape on for templates with these endings only (`Flask.select_jinja_autoescape`).
_FLASK_ESCAPED_TEMPLATES = (".html", ".htm", ".xml", ".xhtml", ".svg")
#: `attr={{ request.args.get("q") }}`: request input written into an attribute without quotes, where
#: escaping `<>&"'` does not stop a space followed by `onfocus=...`.
_UNQUOTED_REQUEST_ATTRIBUTE = re.compile(
    r"""\s[\w:.-]+\s*=\s*(\{\{\s*request\.(?:args|form|values|cookies|headers|GET|POST|COOKIES|query_params)\b[^}]*\}\})"""
)


#: A module that chooses which templates Flask autoescapes (its path).
AUTOESCAPE_CHOSEN = "flask-autoescape-chosen"
#: An XSS001 finding for a template Flask does not autoescape, decided at the project stage.
UNESCAPED_TEMPLATE = "unescaped-template"
_SETS_AUTOESCAPE = re.compile(r"jinja_env\.autoescape|select_jinja_autoescape|jinja_options")


@check(XSS001)
def unescaped_templates(ctx: FileContext) -> None:
    """A Flask view that returns a template rendered with request data where it is not escaped: a
    template whose name Flask does not autoescape (`receipt.txt`, `mail.j2`), or a template string
    that writes request input into an unquoted attribute."""
    module = ctx.module
    if not module.imports_any(*flask.APP_PACKAGES):
        return
    if _SETS_AUTOESCAPE.search(module.source):
        ctx.fact(AUTOESCAPE_CHOSEN, module.path)
    for function in module.all_functions():
        if function.is_module or R.route_framework(module, function) != "flask":
            continue
        # Quart's renderers are coroutines: `return await render_template(...)`.
        returned = {
            id(node.value.value if isinstance(node.value, ast.Await) else node.value)
            for node in ast.walk(function.node)
            if isinstance(node, ast.Return)
        }
        calls = {id(c.node) for c in function.calls if id(c.node) in returned and c.callee in _FLASK_RENDERERS}
        if not calls:
            continue
        flow = flow_of(module, function)
        for event in flow.calls:
            if id(event.node) not in calls or event.call is None:
                continue
            if event.call.callee in _BOTTLE_TEMPLATES:
                _bottle_template(ctx, module, function, event)
                continue
            if (event.call.callee or "").endswith("render_template_string"):
                source = module.constant(event.node.args[0]) if event.node.args else None
                match = _UNQUOTED_REQUEST_ATTRIBUTE.search(source) if isinstance(source, str) else None
                if match:
                    ctx.report(
                        XSS001,
                        event.node,
                        f"the template writes `{match.group(1)}` into an unquoted "
                        "attribute: escaping does not stop a space and a new attribute; quote it",
                        scope=function,
                    )
                continue
            name = literal_value(event.node.args[0]) if event.node.args else None
            if not isinstance(name, str) or name.lower().endswith(_FLASK_ESCAPED_TEMPLATES):
                continue
            before, pending = len(ctx.findings), len(ctx.conditionals)
            for keyword, value in event.keywords.items():
                if ctx.report_flow(
                    event.node,
                    value,
                    _REFLECTED,
                    scope=function,
                    once_per_source=False,
                    sink_note=f"rendered as `{keyword}` into `{name}` (Flask autoescapes only "
                    ".html, .htm, .xml, .xhtml and .svg templates) and returned as HTML",
                ):
                    break
            # Any module of the app may choose what is autoescaped (`app.jinja_env.autoescape = True` in the
            # factory): the project stage reports these only for an app that does not.
            for finding in ctx.findings[before:]:
                ctx.fact(UNESCAPED_TEMPLATE, finding)
            del ctx.findings[before:]
            # Request data from another module is decided where that module's summary is known, without the
            # app's choice: for a reader.
            ctx.conditionals[pending:] = [
                replace(c, outcomes=tuple(replace(o, audit=True) for o in c.outcomes))
                for c in ctx.conditionals[pending:]
            ]


_BOTTLE_TEMPLATES = frozenset(bottle.FRAMEWORK.template_strings)
#: `{{!name}}` and `{{! name.attr }}`: SimpleTemplate writes the expression without escaping.
_BOTTLE_RAW = re.compile(r"\{\{!\s*([A-Za-z_]\w*)")


def _bottle_template(ctx: FileContext, module, function, event) -> None:
    """`return template("<p>{{!bio}}</p>", bio=...)`: Bottle's SimpleTemplate escapes `{{x}}` and writes `{{!x}}` as
    it is. Partial: a template named by a file (`template("profile", ...)`) is not read."""
    source = module.constant(event.node.args[0]) if event.node.args else None
    if not isinstance(source, str) or "{{" not in source:
        return
    raw = set(_BOTTLE_RAW.findall(source))
    for keyword, value in event.keywords.items():
        if keyword in raw and ctx.report_flow(
            event.node,
            value,
            _REFLECTED,
            scope=function,
            once_per_source=False,
            sink_note=f"written unescaped by `{{{{!{keyword}}}}}` in Bottle's template and returned as HTML",
        ):
            break


#: An XSS001 finding in a Tornado handler's `post`/`put`/`patch`/`delete` (a VerbReflection), judged with the app.
UNSAFE_VERB_REFLECTION = "unsafe-verb-reflection"


@dataclass(frozen=True)
class VerbReflection:
    view: str  # the handler method's dotted name, as the route table names it
    finding: Finding


@check(XSS001, stage="project")
def reflections_behind_csrf_checks(ctx: ProjectContext) -> None:
    """Request input reflected by a handler only a POST (PUT, PATCH, DELETE) reaches: where the app checks a
    CSRF token on every such request (Tornado's `xsrf_cookies`), another site cannot make a browser send it,
    and only the user who typed the value sees it: audit mode."""
    model = model_of(ctx)
    checked = {app.name for app in model.apps if app.csrf}
    for _, reflection in ctx.facts_of(UNSAFE_VERB_REFLECTION, VerbReflection):
        finding = reflection.finding
        apps = {route.app for route in model.routes if route.view == reflection.view}
        if apps and apps <= checked:
            finding = finding.for_audit(
                "the app checks a CSRF token on every request but GET: another site cannot send it"
            )
        ctx.findings.append(finding)


@check(XSS001, stage="project")
def unescaped_template_findings(ctx: ProjectContext) -> None:
    roots = app_roots(ctx.facts, ctx.files)
    chosen = {root_of(path, roots) for path, _ in ctx.facts(AUTOESCAPE_CHOSEN)}
    for path, finding in ctx.facts_of(UNESCAPED_TEMPLATE, Finding):
        if root_of(path, roots) not in chosen:
            ctx.findings.append(finding)


#: `attr={{ value }}`, `href=/item/{{ id }}`: a variable written into an attribute value without quotes.
_UNQUOTED_ATTRIBUTE = re.compile(r"""\s([\w:.-]+)\s*=\s*[^\s"'<>=`{]*(\{\{(?P<expr>.*?)\}\})""", re.DOTALL)
#: Filters whose output holds no space: numbers, dates, counts, URL-encoded text.
_SPACELESS_FILTERS = frozenset(
    {"int", "float", "length", "count", "urlencode", "filesizeformat", "wordcount", "floatformat", "intcomma"}
)


@check(XSS001, kinds=("template",))
def unquoted_attributes(ctx: TextContext) -> None:
    """`<input value={{ name }}>`: escaping stops `<` and quotes, not a space and a new attribute. The
    project stage reports it where a view passes request data as `name` (`linked_safe_filters`)."""
    if "{{" not in ctx.text:
        return
    names = templates.aliases(list(templates.blocks(ctx.text)))
    for match in _UNQUOTED_ATTRIBUTE.finditer(ctx.text):
        start = match.start(2)
        if ctx.text.rfind("<", 0, start) < ctx.text.rfind(">", 0, start):
            continue  # not inside a tag: text, where escaping is enough
        if match["expr"].strip().startswith("request."):
            continue  # `unquoted_request_attributes`
        variable = next(templates.blocks(match.group(2)), None)
        if variable is None:
            continue
        filters = templates.filter_names(variable)
        roots = _resolve(templates.roots(variable.tokens), names)
        if filters & _SPACELESS_FILTERS or not roots:
            continue
        line = ctx.text.count("\n", 0, start) + 1
        text = f"{match.group(1)}={match.group(2)}"
        snippet = ctx.lines[line - 1].strip() if 0 < line <= len(ctx.lines) else ""
        ctx.fact(SAFE_USE, SafeUse(ctx.path, line, text, tuple(sorted(roots)), "", snippet, XSS001.id))


#: `href="{{ next }}"`: a variable that starts a URL attribute's value chooses the URL's scheme.
_URL_ATTRIBUTE = re.compile(
    r"""\s(href|src|action|formaction|xlink:href)\s*=\s*(["'])\s*(\{\{(?P<expr>(?:(?!\}\}).)*?)\}\})""",
    re.DOTALL | re.IGNORECASE,
)
#: Filters after which the value holds no `:` of its own, so no scheme: URL-encoded text, numbers.
_SCHEMELESS_FILTERS = frozenset({"urlencode", "iriencode", "int", "float", "length", "slugify", "quote_plus"})
#: The marker of a URL attribute's use (`SafeUse.field`), beside an unquoted attribute's.
URL_ATTRIBUTE = "url-attribute"
#: `obj.get_absolute_url`, `unit.url`: an attribute that is a URL the app builds for an object.
_BUILT_URL = re.compile(r"\.(?:get_\w+|\w*url\w*)\b", re.IGNORECASE)
#: What the client sent, read in the template (`request.args.next`, `request.GET.next`).
_REQUEST_INPUT = re.compile(r"request\.(?:args|GET|POST|form|values|query_params|cookies|COOKIES|headers)\b")


@check(XSS001, kinds=("template",))
def url_attributes(ctx: TextContext) -> None:
    """`<a href="{{ next }}">`: escaping keeps the value inside its quotes, but a `javascript:` URL runs when
    the link is followed. Reported where the template reads what the client sent itself; where a view passes
    request data as the variable (`linked_safe_filters`), for audit: the view may have checked the scheme."""
    if "{{" not in ctx.text:
        return
    names = templates.aliases(list(templates.blocks(ctx.text)))
    for match in _URL_ATTRIBUTE.finditer(ctx.text):
        start = match.start(3)
        variable = next(templates.blocks(match.group(3)), None)
        if variable is None:
            continue
        filters = templates.filter_names(variable)
        expression = match["expr"].strip()
        if (
            filters & _SCHEMELESS_FILTERS
            or any("url" in f.lower() for f in filters)
            or "(" in expression
            or _BUILT_URL.search(expression.split("|")[0])
        ):
            continue  # `url_for(...)`, `obj.get_absolute_url`, `user|photo_url`: a URL the app builds
        line = ctx.text.count("\n", 0, start) + 1
        text = f"{match.group(1)}={match.group(2)}{match.group(3)}{match.group(2)}"
        snippet = ctx.lines[line - 1].strip() if 0 < line <= len(ctx.lines) else ""
        if expression.startswith("request."):
            if not _REQUEST_INPUT.match(expression):
                continue  # `request.path`, `request.get_full_path`: this page's own URL, which starts with `/`
            ctx.report(
                XSS001,
                line,
                f"`{text}` writes what the client sent as the whole URL: escaping does not stop a "
                "`javascript:` URL; allow only paths or check the scheme",
                col=start - (ctx.text.rfind("\n", 0, start) + 1),
            )
            continue
        roots = _resolve(templates.roots(variable.tokens), names)
        if roots:
            ctx.fact(SAFE_USE, SafeUse(ctx.path, line, text, tuple(sorted(roots)), URL_ATTRIBUTE, snippet, XSS001.id))


@check(XSS001, kinds=("template",))
def unquoted_request_attributes(ctx: TextContext) -> None:
    """`value={{ request.GET.q }}` in a template: the attribute ends at the first space the client sends."""
    if "request." not in ctx.text:
        return
    for match in _UNQUOTED_REQUEST_ATTRIBUTE.finditer(ctx.text):
        start = match.start(1)
        if ctx.text.rfind("<", 0, start) < ctx.text.rfind(">", 0, start):
            continue  # not inside a tag: text, where escaping is enough
        line = ctx.text.count("\n", 0, start) + 1
        ctx.report(
            XSS001,
            line,
            f"`{match.group(1)}` is written into an unquoted attribute: escaping does not stop "
            "a space and a new attribute (`x onfocus=...`); quote it",
            col=start - (ctx.text.rfind("\n", 0, start) + 1),
        )
