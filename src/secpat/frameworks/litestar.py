"""Litestar: route handlers made by `@get("/x")`, `@post(...)`, `@route(...)`, registered in
`Litestar(route_handlers=[...])`, `Router(path="/api", route_handlers=[...])` and `Controller`
classes with their own `path`.

A handler's parameters are request input (query, path, header and cookie parameters, `data`), as in
FastAPI; `data` is a JSON body unless `Body(media_type=RequestEncodingType.URL_ENCODED)` or
`MULTI_PART` says it is a form. A handler whose decorator says `media_type=MediaType.HTML` answers HTML.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import (
    MIDDLEWARE,
    MOUNT,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    MiddlewareFact,
    MountFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import HTML_IF_SAID, Framework
from secpat.frameworks.syntax import decorator_list, object_name, owner_of, string, upper_methods
from secpat.model.module import Call, Module

FRAMEWORK = Framework(
    name="litestar",
    title="Litestar",
    roots=("litestar", "starlite"),
    apps=("litestar.Litestar", "litestar.app.Litestar", "starlite.Starlite"),
    routers=("litestar.Router", "litestar.router.Router", "starlite.Router"),
    route_decorators=("get", "post", "put", "patch", "delete", "head", "route"),
    request_classes=("litestar.Request", "litestar.connection.Request", "starlite.Request"),
    input_attributes=("query_params", "path_params", "cookies", "headers", "url", "base_url"),
    input_methods=("json", "form", "body", "msgpack"),
    responses=(("litestar.Response", HTML_IF_SAID), ("litestar.response.Response", HTML_IF_SAID)),
    body_keywords=("content",),
    renderers=("Template",),
    debug_switches=(("litestar.Litestar", "debug"), ("litestar.app.Litestar", "debug")),
    body_is_json=True,
    parameters_are_input=True,
    csrf=("`csrf_config=CSRFConfig(...)`",),
    limits=("`RateLimitConfig(...).middleware`", "limiting middleware"),
    sessions=("`ServerSideSessionConfig`", "`CookieBackendConfig`"),
)

_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "head": "HEAD"}


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any(*FRAMEWORK.roots):
        return []
    found: list[tuple[str, object]] = list(_handlers(module))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    return found


def _handler_route(module: Module, deco: ast.expr) -> tuple[str, tuple[str, ...]] | None:
    """(path, methods) of `@post("/login")`, `@route("/x", http_method=["GET", "POST"])`."""
    if not isinstance(deco, ast.Call):
        return None
    callee = module.qualified_name(deco.func) or ""
    if not callee.startswith(FRAMEWORK.roots):
        return None
    kind = callee.rsplit(".", 1)[-1]
    if kind not in (*_VERBS, "route"):
        return None
    path = (
        string(deco.args[0]) if deco.args else string(next((k.value for k in deco.keywords if k.arg == "path"), None))
    )
    path = "/" if path is None else path
    if kind == "route":
        methods = upper_methods(next((k.value for k in deco.keywords if k.arg == "http_method"), None))
    else:
        methods = (_VERBS[kind],)
    return path, methods


def _handlers(module: Module) -> list[tuple[str, object]]:
    """A route per handler, owned by the handler itself (or its controller): the app or router that lists
    it mounts it."""
    found: list[tuple[str, object]] = []
    for function in module.functions.values():
        for deco in decorator_list(function):
            route = _handler_route(module, deco)
            if route is None:
                continue
            path, methods = route
            name = module.global_name(function)
            owner = name
            if function.class_name:
                owner = name.rsplit(".", 1)[0]  # a controller method: the controller is mounted
                info = module.classes.get(function.qualname.rsplit(".", 1)[0])
                prefix = string(info.attributes.get("path")) if info is not None else None
                path = _join(prefix or "", path)
            found.append((ROUTE, RouteFact(FRAMEWORK.name, owner, path, methods, name, module.path, deco.lineno)))
    return found


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    if callee not in FRAMEWORK.apps and callee not in FRAMEWORK.routers:
        return []
    name = owner_of(module, call)
    if not name:
        return []
    line = call.node.lineno
    is_app = callee in FRAMEWORK.apps
    found: list[tuple[str, object]] = [
        (
            OWNER,
            OwnerFact(
                FRAMEWORK.name,
                "app" if is_app else "router",
                name,
                string(call.arg(keyword="path")) or "",
                module.path,
                line,
            ),
        )
    ]
    handlers = call.arg(0 if not is_app else None, "route_handlers")
    if is_app and handlers is None and call.node.args:
        handlers = call.node.args[0]
    for element in handlers.elts if isinstance(handlers, (ast.List, ast.Tuple)) else ():
        child = module.qualified_name(element, call.scope) or object_name(module, element, call.scope)
        if child:
            # A router's own path is its prefix (on its owner fact): the mount adds nothing.
            found.append((MOUNT, MountFact(FRAMEWORK.name, name, child, "", module.path, line)))
    csrf = call.arg(keyword="csrf_config")
    if csrf is not None and not (isinstance(csrf, ast.Constant) and csrf.value is None):
        found.append((PROTECTION, ProtectionFact("CSRFConfig", name, module.path, line)))
    middleware = call.arg(keyword="middleware")
    for element in middleware.elts if isinstance(middleware, (ast.List, ast.Tuple)) else ():
        text = module.qualified_name(element, call.scope) or ast.unparse(element)
        found.append(
            (
                MIDDLEWARE,
                MiddlewareFact(
                    FRAMEWORK.name, name, _middleware_name(module, element, text), (), module.path, element.lineno
                ),
            )
        )
    if call.arg(keyword="middleware") is not None or call.arg(keyword="plugins") is not None:
        if "session" in ast.unparse(call.node).lower():
            found.append((SESSION, SessionFact(FRAMEWORK.name, "session middleware", module.path, line)))
    return found


def _middleware_name(module: Module, element: ast.expr, text: str) -> str:
    """`rate_limit_config.middleware` is named by the config it comes from: `RateLimitConfig`."""
    if isinstance(element, ast.Attribute) and element.attr == "middleware" and isinstance(element.value, ast.Name):
        for value in module.assignments.get(element.value.id, ()):
            if isinstance(value, ast.Call):
                return module.qualified_name(value.func) or text
    return text


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    return prefix.rstrip("/") + ("/" + path.lstrip("/") if path.strip("/") else "")
