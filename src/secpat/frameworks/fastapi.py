"""FastAPI / Starlette facts: apps and routers with prefixes and dependencies, middleware, slowapi,
fastapi-limiter, session and cookie authentication."""

from __future__ import annotations

import ast

from secpat.frameworks.decorators import decorator_routes, dependencies
from secpat.frameworks.facts import (
    INSTANCE,
    LIMITER,
    MIDDLEWARE,
    MOUNT,
    OWNER,
    ROUTE,
    SESSION,
    SESSION_READER,
    InstanceFact,
    LimiterFact,
    MiddlewareFact,
    MountFact,
    OwnerFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import ALWAYS_HTML, HTML_IF_SAID, Framework
from secpat.frameworks.syntax import (
    decorator_list,
    has_default_limits,
    is_limit_name,
    last,
    names_auth_cookie,
    object_name,
    owner_of,
    registered_objects,
    string,
    upper_methods,
    value_of,
)
from secpat.model.module import Call, Function, Module

FRAMEWORK = Framework(
    name="fastapi",
    title="FastAPI",
    roots=("fastapi", "slowapi", "fastapi_limiter", "fastapi_users"),
    apps=("fastapi.FastAPI",),
    routers=("fastapi.APIRouter", "fastapi.routing.APIRouter"),
    route_decorators=("route", "get", "post", "put", "patch", "delete", "head", "options", "api_route", "websocket"),
    request_classes=("fastapi.Request", "fastapi.requests.Request"),
    input_attributes=("query_params", "path_params", "cookies", "headers", "url", "base_url"),
    input_methods=("json", "form", "body", "stream"),
    responses=(
        ("fastapi.responses.HTMLResponse", ALWAYS_HTML),
        ("fastapi.responses.Response", HTML_IF_SAID),
        ("fastapi.Response", HTML_IF_SAID),
    ),
    json_responses=("JSONResponse", "ORJSONResponse", "UJSONResponse"),
    answers=("fastapi.responses.JSONResponse", "fastapi.responses.PlainTextResponse"),
    error_answers=("fastapi.HTTPException", "fastapi.exceptions.HTTPException"),
    renderers=("TemplateResponse",),
    debug_switches=(("fastapi.FastAPI", "debug"),),
    body_is_json=True,
    parameters_are_input=True,
    api_by_default=True,
    csrf=(
        "CSRF middleware (starlette-csrf, any middleware named for CSRF)",
        "a CSRF token checked by a view or dependency",
    ),
    limits=(
        "slowapi (`@limiter.limit` below the route decorator; `default_limits` with `SlowAPIMiddleware`)",
        "fastapi-limiter `RateLimiter` dependencies",
        "limiting middleware",
    ),
    sessions=(
        "`SessionMiddleware`",
        "`request.session`",
        "`Cookie()` parameters",
        "`APIKeyCookie`",
        "auth cookies set with `set_cookie`",
    ),
)

_APPS = ("fastapi.FastAPI", "starlette.applications.Starlette")
_ROUTERS = ("fastapi.APIRouter", "fastapi.routing.APIRouter")
_COOKIE_AUTH = ("CookieTransport", "APIKeyCookie", "SessionMiddleware")


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("fastapi", "starlette", "slowapi", "fastapi_users"):
        return []
    found: list[tuple[str, object]] = list(decorator_routes(module, framework_of(module)))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    for function in module.functions.values():
        found.extend(_middleware_function(module, function))
    return found


def framework_of(module: Module) -> str:
    """Facts of a module that uses Starlette without FastAPI belong to a Starlette app."""
    return (
        "fastapi"
        if module.imports_any("fastapi", "fastapi_limiter") or not module.imports_any("starlette")
        else "starlette"
    )


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    scope = call.scope
    if callee in _APPS or callee in _ROUTERS:
        name = owner_of(module, call)
        if not name:
            return []
        deps = dependencies(module, call.arg(keyword="dependencies"), scope)
        framework = "fastapi" if callee.startswith("fastapi") else "starlette"
        found: list[tuple[str, object]] = [
            (
                OWNER,
                OwnerFact(
                    framework,
                    "app" if callee in _APPS else "router",
                    name,
                    string(call.arg(keyword="prefix")) or "",
                    module.path,
                    line,
                    deps=deps,
                    limits=tuple(d for d in deps if is_limit_name(d)),
                ),
            )
        ]
        found.extend(_middleware_list(module, call, name))
        return found
    if callee.startswith("slowapi") and last(callee) == "Limiter":
        name = owner_of(module, call) or f"{module.module_name}.<limiter>"
        return [(LIMITER, LimiterFact("slowapi", name, has_default_limits(call), module.path, line))]
    if call.method == "include_router" and call.node.args and _library_router(call.node.args[0]):
        return _library_routes(module, call, call.node.args[0])
    if call.method == "include_router" and call.node.args:
        parent = object_name(module, call.receiver, scope)
        # `for router in [users.router, items.router]: app.include_router(router)` mounts each of them
        children = [object_name(module, c, scope) for c in registered_objects(module, call.node.args[0], scope) or ()]
        deps = dependencies(module, call.arg(keyword="dependencies"), scope)
        return [
            (
                MOUNT,
                MountFact(
                    "fastapi",
                    parent,
                    child,
                    string(call.arg(keyword="prefix")) or "",
                    module.path,
                    line,
                    deps=deps,
                    limits=tuple(d for d in deps if is_limit_name(d)),
                ),
            )
            for child in children
            if parent and child
        ]
    if call.method == "mount" and len(call.node.args) >= 2 and string(call.arg(0)) is not None:
        # `app.mount("/api/v1", api_v1)`: a sub-app served under the parent's path, by the parent's server
        parent = object_name(module, call.receiver, scope)
        child = object_name(module, call.node.args[1], scope)
        if parent and child and not isinstance(call.node.args[1], ast.Call):
            prefix = string(call.arg(0)) or ""
            return [(MOUNT, MountFact(framework_of(module), parent, child, prefix, module.path, line))]
    if callee.split(".", 1)[0] in module.project_roots and last(callee).lstrip("_")[:1].isupper():
        # `app = App(...)`: an app if the project's class is built on FastAPI's (decided later).
        name = owner_of(module, call)
        prefix = string(call.arg(keyword="prefix")) or ""
        given = bool(call.node.args or call.node.keywords)
        return [(INSTANCE, InstanceFact(name, callee, prefix, module.path, line, given))] if name else []
    if call.method == "add_middleware" and call.node.args:
        owner = object_name(module, call.receiver, scope) or ""
        name = module.qualified_name(call.node.args[0], scope) or ast.unparse(call.node.args[0])
        return [(MIDDLEWARE, _middleware(module, owner, name, call.node.keywords, line))] + _session(module, name, line)
    if call.method in ("add_api_route", "add_route") and len(call.node.args) >= 2:
        path = string(call.arg(0))
        endpoint = module.qualified_name(call.node.args[1], scope) or object_name(module, call.node.args[1], scope)
        if path is not None and endpoint:
            owner = object_name(module, call.receiver, scope) or ""
            return [
                (
                    ROUTE,
                    RouteFact(
                        framework_of(module),
                        owner,
                        path,
                        upper_methods(call.arg(keyword="methods")),
                        endpoint,
                        module.path,
                        line,
                    ),
                )
            ]
    if call.method == "current_user" and _cookie_users(module):
        # `current_web_user = fastapi_users.current_user(active=True)` beside a `CookieTransport`: a dependency
        # that reads the user's token from the cookie.
        name = owner_of(module, call)
        if name and call.scope.is_module:
            return [(SESSION_READER, name)]
    if last(callee) in _COOKIE_AUTH or (call.method == "set_cookie" and names_auth_cookie(module, call.arg(0, "key"))):
        return [(SESSION, SessionFact(framework_of(module), last(callee) or "set_cookie", module.path, line))]
    return []


#: The routers fastapi-users makes (`app.include_router(fastapi_users.get_auth_router(backend), prefix=...)`):
#: their paths and methods, and the name of the library's view, whose kind `routes.LIBRARY_ROUTE_KINDS` says.
LIBRARY_ROUTERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "get_auth_router": (("/login", "POST", "fastapi_users.login"), ("/logout", "POST", "fastapi_users.logout")),
    "get_register_router": (("/register", "POST", "fastapi_users.register"),),
    "get_reset_password_router": (
        ("/forgot-password", "POST", "fastapi_users.forgot_password"),
        ("/reset-password", "POST", "fastapi_users.reset_password"),
    ),
    "get_verify_router": (
        ("/request-verify-token", "POST", "fastapi_users.request_verify_token"),
        ("/verify", "POST", "fastapi_users.verify"),
    ),
}


def _library_router(node: ast.expr) -> bool:
    """`fastapi_users.get_auth_router(backend)`, on the `FastAPIUsers` object the project makes (often in another
    module): the method names are the library's own."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in LIBRARY_ROUTERS
        and isinstance(node.func.value, (ast.Name, ast.Attribute))
    )


def _cookie_users(module: Module) -> bool:
    """The module makes fastapi-users' cookie transport: its `current_user` dependencies read that cookie."""
    return module.imports_any("fastapi_users") and any(last(c.callee or "") == "CookieTransport" for c in module.calls)


def _library_routes(module: Module, call: Call, router: ast.expr) -> list[tuple[str, object]]:
    """The routes of a router a library makes, registered where the project includes it: at the include line,
    under its prefix, with the limits its dependencies name."""
    assert isinstance(router, ast.Call) and isinstance(router.func, ast.Attribute)
    parent = object_name(module, call.receiver, call.scope)
    if not parent:
        return []
    prefix = string(call.arg(keyword="prefix")) or ""
    deps = dependencies(module, call.arg(keyword="dependencies"), call.scope)
    limits = tuple(d for d in deps if is_limit_name(d))
    line = call.node.lineno
    return [
        (ROUTE, RouteFact("fastapi", parent, prefix + path, (verb,), view, module.path, line, limits=limits, deps=deps))
        for path, verb, view in LIBRARY_ROUTERS[router.func.attr]
    ]


def _middleware(module: Module, owner: str, name: str, keywords: list[ast.keyword], line: int) -> MiddlewareFact:
    options = tuple((kw.arg, value_of(kw.value)) for kw in keywords if kw.arg)
    return MiddlewareFact(framework_of(module), owner, name, options, module.path, line)


def _middleware_list(module: Module, call: Call, owner: str) -> list[tuple[str, object]]:
    """`FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=[...])])`."""
    node = call.arg(keyword="middleware")
    if isinstance(node, ast.Name) and len(module.assignments.get(node.id, ())) == 1:
        node = module.assignments[node.id][0]  # `middleware = [Middleware(...)]` kept in a name
    if not isinstance(node, (ast.List, ast.Tuple)):
        return []
    found: list[tuple[str, object]] = []
    for element in node.elts:
        if isinstance(element, ast.Call) and element.args:
            name = module.qualified_name(element.args[0], call.scope) or ast.unparse(element.args[0])
            found.append((MIDDLEWARE, _middleware(module, owner, name, element.keywords, element.lineno)))
            found.extend(_session(module, name, element.lineno))
    return found


def _session(module: Module, name: str, line: int) -> list[tuple[str, object]]:
    if last(name) == "SessionMiddleware":
        return [(SESSION, SessionFact(framework_of(module), "SessionMiddleware", module.path, line))]
    return []


def _middleware_function(module: Module, function: Function) -> list[tuple[str, object]]:
    """`@app.middleware("http")` functions: a CSRF or rate-limit check written by hand."""
    found: list[tuple[str, object]] = []
    for deco in decorator_list(function):
        if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) and deco.func.attr == "middleware":
            owner = object_name(module, deco.func.value, function.parent or module.module_function) or ""
            found.append(
                (
                    MIDDLEWARE,
                    MiddlewareFact(
                        framework_of(module), owner, module.global_name(function), (), module.path, function.line
                    ),
                )
            )
    return found
