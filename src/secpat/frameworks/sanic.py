"""Sanic: an asyncio framework with Flask-like route decorators whose handlers take the request first.

Routes come from `@app.route("/x", methods=["POST"])`, `@app.get(...)`, `@bp.post(...)` on a `Sanic(...)`
app or a `Blueprint(..., url_prefix=...)`, mounted with `app.blueprint(bp)`. The handler's parameters after
`request` are URL parameters (`<name>`, `<id:int>`: the type follows the name); `request.args`,
`request.form`, `request.json`, `request.body`, cookies and headers are request input. `html(...)` answers
HTML; `text(...)` and `json(...)` do not.

A class-based `HTTPMethodView`'s verb methods are read for data flow (their parameters after `request` are
URL parameters); `app.add_route(TicketView.as_view(), "/tickets/<ticket_id>")` and
`bp.add_route(handler, "/x", methods=["POST"])` put them in the route table. Partial: routes added in a
loop over a table are not.
"""

from __future__ import annotations

import ast

from secpat.frameworks.decorators import decorator_routes
from secpat.frameworks.facts import (
    MIDDLEWARE,
    MOUNT,
    OWNER,
    ROUTE,
    SESSION,
    MiddlewareFact,
    MountFact,
    OwnerFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import ALWAYS_HTML, HTML_IF_SAID, Framework
from secpat.frameworks.syntax import decorator_list, names_auth_cookie, object_name, owner_of, string, upper_methods
from secpat.model.module import Call, Module

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
    sessions=(
        'an authentication cookie the app sets (`response.add_cookie("session", ...)`)',
        "cookies read back to tell who the user is",
    ),
)


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("sanic"):
        return []
    found: list[tuple[str, object]] = list(decorator_routes(module, FRAMEWORK.name))
    for call in module.calls:
        callee = call.callee or ""
        if callee in _GROUPS:
            found.extend(_group(module, call))
        elif call.method in ("middleware", "register_middleware", "on_request") and call.receiver is not None:
            # `site.middleware(csrf_check, "request")`: runs before every route of that app, blueprint or group.
            handler = call.node.args[0] if call.node.args else None
            name = (
                module.qualified_name(handler, call.scope) if isinstance(handler, (ast.Name, ast.Attribute)) else None
            )
            owner = object_name(module, call.receiver, call.scope)
            if name and owner:
                found.append(
                    (MIDDLEWARE, MiddlewareFact(FRAMEWORK.name, owner, name, (), module.path, call.node.lineno))
                )
        elif callee in FRAMEWORK.apps or callee in FRAMEWORK.routers:
            name = owner_of(module, call)
            if name:
                kind = "app" if callee in FRAMEWORK.apps else "router"
                prefix = string(call.arg(keyword="url_prefix")) or ""
                found.append((OWNER, OwnerFact(FRAMEWORK.name, kind, name, prefix, module.path, call.node.lineno)))
        elif call.method == "add_cookie" and names_auth_cookie(module, call.arg(0, "key")):
            # `response.add_cookie("session", token)`: the app keeps its user in a cookie.
            found.append((SESSION, SessionFact(FRAMEWORK.name, "add_cookie", module.path, call.node.lineno)))
        elif call.method == "add_route" and call.receiver is not None and len(call.node.args) >= 1:
            route = _added_route(module, call)
            if route is not None:
                found.append((ROUTE, route))
        elif call.method == "blueprint" and call.receiver is not None and call.node.args:
            parent = object_name(module, call.receiver, call.scope)
            child = object_name(module, call.node.args[0], call.scope)
            if parent and child:
                found.append((MOUNT, MountFact(FRAMEWORK.name, parent, child, "", module.path, call.node.lineno)))
    for function in module.functions.values():
        for deco in decorator_list(function):
            target = deco.func if isinstance(deco, ast.Call) else deco
            if isinstance(target, ast.Attribute) and target.attr in ("middleware", "on_request"):
                # `@app.on_request`, `@bp.middleware("request")`: a hook of that app or blueprint.
                owner = object_name(module, target.value, function.parent or module.module_function)
                if owner:
                    name = module.global_name(function)
                    found.append(
                        (MIDDLEWARE, MiddlewareFact(FRAMEWORK.name, owner, name, (), module.path, function.line))
                    )
    return found


#: `Blueprint.group(a.bp, b.bp, url_prefix="/api")`: blueprints mounted together, under one prefix.
_GROUPS = frozenset({"sanic.Blueprint.group", "sanic.blueprints.Blueprint.group"})


def _group(module: Module, call: Call) -> list[tuple[str, object]]:
    name = owner_of(module, call)
    if not name:
        return []
    line = call.node.lineno
    prefix = string(call.arg(keyword="url_prefix")) or ""
    found: list[tuple[str, object]] = [(OWNER, OwnerFact(FRAMEWORK.name, "router", name, prefix, module.path, line))]
    for member in call.node.args:
        child = object_name(module, member, call.scope)
        if child:
            found.append((MOUNT, MountFact(FRAMEWORK.name, name, child, "", module.path, line)))
    return found


def _added_route(module: Module, call: Call) -> RouteFact | None:
    """`app.add_route(handler, "/x", methods=["POST"])`; a class view's `TicketView.as_view()` is the class."""
    handler = call.node.args[0]
    if isinstance(handler, ast.Call) and isinstance(handler.func, ast.Attribute) and handler.func.attr == "as_view":
        handler = handler.func.value
    path = string(call.arg(1, "uri"))
    view = module.qualified_name(handler, call.scope)
    if path is None or not view:
        return None
    owner = object_name(module, call.receiver, call.scope) or ""
    methods = upper_methods(call.arg(keyword="methods"))
    return RouteFact(FRAMEWORK.name, owner, path, methods, view, module.path, call.node.lineno)
