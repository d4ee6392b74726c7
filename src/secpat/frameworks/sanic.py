"""Sanic: an asyncio framework with Flask-like route decorators whose handlers take the request first.

Routes come from `@app.route("/x", methods=["POST"])`, `@app.get(...)`, `@bp.post(...)` on a `Sanic(...)`
app or a `Blueprint(..., url_prefix=...)`, mounted with `app.blueprint(bp)`. The handler's parameters after
`request` are URL parameters (`<name>`, `<id:int>`: the type follows the name); `request.args`,
`request.form`, `request.json`, `request.body`, cookies and headers are request input. `html(...)` answers
HTML; `text(...)` and `json(...)` do not.

A class-based `HTTPMethodView`'s verb methods are read for data flow (their parameters after `request` are
URL parameters). Partial: routes added with `app.add_route()`, and so those views' routes, are not in the
route table.
"""

from __future__ import annotations

from secpat.frameworks.decorators import decorator_routes
from secpat.frameworks.facts import MOUNT, OWNER, MountFact, OwnerFact
from secpat.frameworks.record import ALWAYS_HTML, HTML_IF_SAID, Framework
from secpat.frameworks.syntax import object_name, owner_of, string
from secpat.model.module import Module

FRAMEWORK = Framework(
    name="sanic",
    title="Sanic",
    roots=("sanic",),
    apps=("sanic.Sanic", "sanic.app.Sanic"),
    routers=("sanic.Blueprint", "sanic.blueprints.Blueprint"),
    route_decorators=("route", "get", "post", "put", "patch", "delete", "head", "options", "websocket"),
    request_classes=("sanic.Request", "sanic.request.Request"),
    input_attributes=(
        "args",
        "query_args",
        "form",
        "json",
        "body",
        "files",
        "cookies",
        "headers",
        "query_string",
        "url",
        "path",
        "raw_url",
    ),
    input_methods=("get_args", "get_query_args", "get_form"),
    responses=(
        ("sanic.response.html", ALWAYS_HTML),
        ("sanic.html", ALWAYS_HTML),
        ("sanic.response.HTTPResponse", HTML_IF_SAID),
        ("sanic.HTTPResponse", HTML_IF_SAID),
    ),
    body_keywords=("body",),
    json_responses=("json",),
    answers=("sanic.response.json", "sanic.json", "sanic.response.text", "sanic.text"),
    parameters_are_input=True,
    csrf=("a CSRF token checked in the handler or a middleware named for CSRF",),
    limits=("a limit called in the handler",),
    sessions=("cookies read back to tell who the user is",),
)


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("sanic"):
        return []
    found: list[tuple[str, object]] = list(decorator_routes(module, FRAMEWORK.name))
    for call in module.calls:
        callee = call.callee or ""
        if callee in FRAMEWORK.apps or callee in FRAMEWORK.routers:
            name = owner_of(module, call)
            if name:
                kind = "app" if callee in FRAMEWORK.apps else "router"
                prefix = string(call.arg(keyword="url_prefix")) or ""
                found.append((OWNER, OwnerFact(FRAMEWORK.name, kind, name, prefix, module.path, call.node.lineno)))
        elif call.method == "blueprint" and call.receiver is not None and call.node.args:
            parent = object_name(module, call.receiver, call.scope)
            child = object_name(module, call.node.args[0], call.scope)
            if parent and child:
                found.append((MOUNT, MountFact(FRAMEWORK.name, parent, child, "", module.path, call.node.lineno)))
    return found
