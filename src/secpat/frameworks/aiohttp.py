"""aiohttp: applications, route tables, sub-apps, middleware and aiohttp-session.

Routes come from `app.router.add_get("/x", handler)` (and `add_post`, `add_route("POST", ...)`,
`add_view`), `app.add_routes([web.get("/x", handler), ...])`, and `RouteTableDef` decorators
(`@routes.post("/x")`) whose table an app takes with `app.add_routes(routes)`;
`app.add_subapp("/prefix", sub)` mounts another app under a prefix.
"""

from __future__ import annotations

import ast

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
from secpat.frameworks.record import HTML_IF_SAID, Framework
from secpat.frameworks.syntax import decorated, object_name, owner_of, registered_objects, string, value_of
from secpat.model.module import Call, Module

FRAMEWORK = Framework(
    name="aiohttp",
    title="aiohttp",
    roots=("aiohttp.web", "aiohttp_jinja2", "aiohttp_session"),
    apps=("aiohttp.web.Application", "aiohttp.web_app.Application"),
    routers=("aiohttp.web.RouteTableDef", "aiohttp.web_routedef.RouteTableDef"),
    route_decorators=("get", "post", "put", "patch", "delete", "head", "route", "view"),
    request_classes=("aiohttp.web.Request", "aiohttp.web_request.Request", "aiohttp.web.BaseRequest"),
    input_attributes=(
        "query",
        "rel_url",
        "match_info",
        "cookies",
        "headers",
        "content",
        "path",
        "path_qs",
        "raw_path",
        "query_string",
        "url",
        "host",
    ),
    input_methods=("post", "json", "text", "read", "multipart"),
    responses=(("aiohttp.web.Response", HTML_IF_SAID), ("aiohttp.web_response.Response", HTML_IF_SAID)),
    body_keywords=("text", "body"),
    json_responses=("json_response",),
    answers=("aiohttp.web.json_response", "aiohttp.web_response.json_response"),
    renderers=("render_template", "render_template_async", "template"),
    debug_switches=(("aiohttp.web.Application", "debug"), ("aiohttp.web_app.Application", "debug")),
    csrf=("CSRF middleware (aiohttp-csrf, any middleware named for CSRF)",),
    limits=("limiting middleware",),
    sessions=("aiohttp-session (`setup`, `session_middleware`, `get_session`)", "aiohttp-security"),
)

_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "head": "HEAD"}
_ADD_VERBS = {f"add_{method}": verb for method, verb in _VERBS.items()}
_SESSION_SETUP = ("aiohttp_session.setup", "aiohttp_session.session_middleware")


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("aiohttp", "aiohttp_session"):
        return []
    found: list[tuple[str, object]] = list(_decorator_routes(module))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    return found


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    scope = call.scope
    if callee in FRAMEWORK.apps or callee in FRAMEWORK.routers:
        name = owner_of(module, call)
        if not name:
            return []
        kind = "app" if callee in FRAMEWORK.apps else "router"
        found: list[tuple[str, object]] = [(OWNER, OwnerFact(FRAMEWORK.name, kind, name, "", module.path, line))]
        for element in _elements(call.arg(keyword="middlewares")):
            found.append(_middleware(module, call, name, element))
        return found
    if callee in _SESSION_SETUP:
        return [(SESSION, SessionFact(FRAMEWORK.name, callee.rsplit(".", 1)[1], module.path, line))]
    receiver = call.receiver
    method = call.method or ""
    if receiver is None:
        return []
    if method == "append" and isinstance(receiver, ast.Attribute) and receiver.attr == "middlewares" and call.node.args:
        owner = object_name(module, receiver.value, scope) or ""
        return [_middleware(module, call, owner, call.node.args[0])]
    if method == "add_routes" and call.node.args:
        # `app.add_routes(table)`, or the same through the app's router (`app.router.add_routes(table)`).
        if isinstance(receiver, ast.Attribute) and receiver.attr == "router":
            receiver = receiver.value
        owner = object_name(module, receiver, scope) or ""
        table = call.node.args[0]
        if isinstance(table, (ast.List, ast.Tuple)):
            return [(ROUTE, fact) for element in table.elts if (fact := _listed_route(module, call, owner, element))]
        children = [object_name(module, t, scope) for t in registered_objects(module, table, scope) or ()]
        return [
            (MOUNT, MountFact(FRAMEWORK.name, owner, child, "", module.path, line))
            for child in children
            if child and owner
        ]
    if method == "add_subapp" and len(call.node.args) >= 2:
        parent = object_name(module, receiver, scope)
        child = object_name(module, call.node.args[1], scope)
        prefix = string(call.node.args[0])
        if parent and child and prefix is not None:
            return [(MOUNT, MountFact(FRAMEWORK.name, parent, child, prefix.rstrip("/"), module.path, line))]
        return []
    if isinstance(receiver, ast.Attribute) and receiver.attr == "router":
        owner = object_name(module, receiver.value, scope) or ""
        if method in _ADD_VERBS or method in ("add_route", "add_view"):
            fact = _route(module, call, owner, method.removeprefix("add_"), list(call.node.args), call.node.keywords)
            return [(ROUTE, fact)] if fact else []
    return []


def _listed_route(module: Module, call: Call, owner: str, element: ast.expr) -> RouteFact | None:
    """`web.get("/x", handler)`, `web.route("POST", "/x", handler)`, `web.view("/x", View)`."""
    if not isinstance(element, ast.Call):
        return None
    callee = module.qualified_name(element.func, call.scope) or ""
    kind = callee.rsplit(".", 1)[-1]
    if not callee.startswith("aiohttp") or kind not in (*_VERBS, "route", "view"):
        return None
    return _route(module, call, owner, kind, list(element.args), element.keywords, element.lineno)


def _methods(kind: str, args: list[ast.expr]) -> tuple[str, ...] | None:
    """The methods a registration of this kind serves (`route` takes its method first, and pops it from
    `args`); None for a call that registers no route."""
    if kind == "route":
        verb = string(args.pop(0)) if args else None
        return ("*",) if verb in (None, "*") else (verb.upper(),)
    if kind in _VERBS:
        return (_VERBS[kind],)
    return () if kind == "view" else None


def _route(
    module: Module, call: Call, owner: str, kind: str, args: list[ast.expr], keywords: list[ast.keyword], line: int = 0
) -> RouteFact | None:
    """A registration of kind `get`/`post`/.../`route`/`view` with its arguments."""
    methods = _methods(kind, args)
    path = string(args[0]) if args else None
    handler = args[1] if len(args) > 1 else next((k.value for k in keywords if k.arg in ("handler", "view")), None)
    if methods is None or path is None or handler is None:
        return None
    view = module.qualified_name(handler, call.scope) or object_name(module, handler, call.scope)
    if not view:
        return None
    url_name = string(next((k.value for k in keywords if k.arg == "name"), None)) or ""
    return RouteFact(
        FRAMEWORK.name, owner, path, methods, view, module.path, line or call.node.lineno, url_name=url_name
    )


def _decorator_routes(module: Module) -> list[tuple[str, object]]:
    """`@routes.post("/login")` on a `web.RouteTableDef()`; `@routes.view("/x")` on a class."""
    found: list[tuple[str, object]] = []
    tables = {
        name
        for name, values in module.assignments.items()
        if any(isinstance(v, ast.Call) and module.qualified_name(v.func) in FRAMEWORK.routers for v in values)
    }
    for _node, name, deco in decorated(module):
        if not (
            isinstance(deco.func, ast.Attribute)
            and isinstance(deco.func.value, ast.Name)
            and deco.func.value.id in tables
        ):
            continue
        args = list(deco.args)
        methods = _methods(deco.func.attr, args)
        path = string(args[0]) if args else None
        if methods is not None and path is not None:
            owner = object_name(module, deco.func.value, module.module_function) or ""
            url_name = string(next((k.value for k in deco.keywords if k.arg == "name"), None)) or ""
            fact = RouteFact(FRAMEWORK.name, owner, path, methods, name, module.path, deco.lineno, url_name=url_name)
            found.append((ROUTE, fact))
    return found


def _elements(node: ast.expr | None) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, (ast.List, ast.Tuple)) else []


def _middleware(module: Module, call: Call, owner: str, element: ast.expr) -> tuple[str, object]:
    target = element.func if isinstance(element, ast.Call) else element
    name = module.qualified_name(target, call.scope) or object_name(module, target, call.scope) or ast.unparse(target)
    options = tuple((kw.arg, value_of(kw.value)) for kw in getattr(element, "keywords", ()) if kw.arg)
    return MIDDLEWARE, MiddlewareFact(FRAMEWORK.name, owner, name, options, module.path, element.lineno)
