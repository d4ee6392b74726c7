"""Litestar: route handlers made by `@get("/x")`, `@post(...)`, `@route(...)`, registered in
`Litestar(route_handlers=[...])`, `Router(path="/api", route_handlers=[...])` and `Controller`
classes with their own `path`.

A handler's parameters are request input (query, path, header and cookie parameters, `data`), as in
FastAPI; `data` is a JSON body unless `Body(media_type=RequestEncodingType.URL_ENCODED)` or
`MULTI_PART` says it is a form. A handler whose decorator says `media_type=MediaType.HTML` answers HTML.

What the layers add to a handler is read from the handler and its controller: the rate limits among their
`middleware`, the functions their `dependencies` provide for the handler's parameters, and
`exclude_from_csrf=True`; `CSRFConfig(exclude=[...])` patterns exempt the routes whose path they match. The
authentication backends the project makes say whose user `request.user` is (a cookie's, or a header's).
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import (
    AUTH_BACKEND,
    CSRF_EXCLUDED_PATH,
    MIDDLEWARE,
    MOUNT,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    ExcludedPathFact,
    MiddlewareFact,
    MountFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import HTML_IF_SAID, Framework
from secpat.frameworks.syntax import (
    block_statements,
    decorator_list,
    is_limit_name,
    last,
    object_name,
    owner_of,
    string,
    upper_methods,
)
from secpat.model.module import Call, Function, Module

FRAMEWORK = Framework(
    name="litestar",
    title="Litestar",
    roots=("litestar", "starlite"),
    apps=("litestar.Litestar", "litestar.app.Litestar", "starlite.Starlite"),
    routers=("litestar.Router", "litestar.router.Router", "starlite.Router"),
    route_decorators=("get", "post", "put", "patch", "delete", "head", "route"),
    request_classes=(
        "litestar.Request",
        "litestar.connection.Request",
        "litestar.connection.ASGIConnection",
        "litestar.connection.base.ASGIConnection",
        "starlite.Request",
    ),
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
        if call.callee in _CSRF_CONFIGS:
            found.extend(_excluded_paths(module, call))
        func = call.node.func
        # `JWTAuth[User](...)`: the class, given the user model it loads.
        made = module.qualified_name(func.value if isinstance(func, ast.Subscript) else func, call.scope) or ""
        backend = _AUTH_BACKENDS.get(made.rsplit(".", 1)[-1])
        if backend is not None and made.startswith(FRAMEWORK.roots):
            found.append((AUTH_BACKEND, (FRAMEWORK.name, backend)))
    return found


#: Litestar's authentication backends, and whether each reads the user from a cookie: `request.user` is the
#: user the backend names (`JWTAuth` reads the Authorization header only).
_AUTH_BACKENDS = {
    "JWTAuth": False,
    "JWTCookieAuth": True,
    "OAuth2PasswordBearerAuth": True,
    "SessionAuth": True,
}


_CSRF_CONFIGS = frozenset({"litestar.config.csrf.CSRFConfig", "litestar.config.CSRFConfig"})


def _excluded_paths(module: Module, call: Call) -> list[tuple[str, object]]:
    """`CSRFConfig(..., exclude=["^/api/", "^/portal/galleries/[^/]+/favorites"])`: paths the check skips."""
    given = call.arg(keyword="exclude")
    elements = given.elts if isinstance(given, (ast.List, ast.Tuple)) else [given] if given is not None else []
    return [
        (CSRF_EXCLUDED_PATH, ExcludedPathFact(FRAMEWORK.name, pattern, module.path, element.lineno))
        for element in elements
        if (pattern := module.constant(element)) and isinstance(pattern, str)
    ]


def _limits(module: Module, layers: list[ast.expr]) -> tuple[str, ...]:
    """`middleware=[login_rate_limit.middleware]` on a handler or its controller: the rate limits among them."""
    found: list[str] = []
    for layer in layers:
        for element in layer.elts if isinstance(layer, (ast.List, ast.Tuple)) else ():
            text = module.qualified_name(element) or ast.unparse(element)
            name = _middleware_name(module, element, text)
            if isinstance(element, ast.Attribute) and element.attr == "middleware":
                name = name if name != text else ast.unparse(element.value)
            if is_limit_name(name.replace("Middleware", "")):
                found.append(f"{last(name)} ({module.path}:{element.lineno})")
    return tuple(found)


def _provided(module: Module, function: Function, mappings: list[ast.expr]) -> tuple[str, ...]:
    """`dependencies = {"client": Provide(provide_portal_client)}` on the handler or its controller: the
    functions that fill the handler's parameters of those names (`client: Client`)."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return ()
    parameters = {a.arg for a in (*node.args.args, *node.args.kwonlyargs)}
    found: list[str] = []
    for mapping in mappings:
        if not isinstance(mapping, ast.Dict):
            continue
        for key, value in zip(mapping.keys, mapping.values):
            if string(key) not in parameters or not isinstance(value, ast.Call) or not value.args:
                continue
            provider = module.qualified_name(value.args[0])
            if provider:
                found.append(provider)
    return tuple(found)


def _excluded_from_csrf(module: Module, deco: ast.Call) -> int:
    """`@post("/account/email", exclude_from_csrf=True)` (or in `opt={...}`): the line of the exclusion."""
    for keyword in deco.keywords:
        if keyword.arg == "exclude_from_csrf" and module.constant(keyword.value) is True:
            return keyword.value.lineno
        if keyword.arg == "opt" and isinstance(keyword.value, ast.Dict):
            for key, value in zip(keyword.value.keys, keyword.value.values):
                if string(key) == "exclude_from_csrf" and module.constant(value) is True:
                    return value.lineno
    return 0


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
            keywords = deco.keywords if isinstance(deco, ast.Call) else []
            provided = [keyword.value for keyword in keywords if keyword.arg == "dependencies"]
            layers = [keyword.value for keyword in keywords if keyword.arg == "middleware"]
            if function.class_name:
                owner = name.rsplit(".", 1)[0]  # a controller method: the controller is mounted
                info = module.classes.get(function.qualname.rsplit(".", 1)[0])
                prefix = string(info.attributes.get("path")) if info is not None else None
                path = _join(prefix or "", path)
                if info is not None and "dependencies" in info.attributes:
                    provided.append(info.attributes["dependencies"])
                if info is not None and "middleware" in info.attributes:
                    layers.append(info.attributes["middleware"])
            exempt = _excluded_from_csrf(module, deco) if isinstance(deco, ast.Call) else 0
            deps = _provided(module, function, provided)
            found.append(
                (
                    ROUTE,
                    RouteFact(
                        FRAMEWORK.name,
                        owner,
                        path,
                        methods,
                        name,
                        module.path,
                        deco.lineno,
                        limits=_limits(module, layers),
                        deps=deps,
                        csrf_exempt=exempt,
                    ),
                )
            )
    return found


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    if callee not in FRAMEWORK.apps and callee not in FRAMEWORK.routers:
        return []
    name = owner_of(module, call) or _returned_by(module, call)
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


def _returned_by(module: Module, call: Call) -> str | None:
    """`def create_app(): return Litestar(...)`: an app a factory returns is named for the factory."""
    scope = call.scope
    if scope.is_module:
        return None
    returned = any(isinstance(stmt, ast.Return) and stmt.value is call.node for stmt in block_statements(scope.body))
    return module.global_name(scope) if returned else None


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
