"""Django Ninja: an API object (`api = NinjaAPI()`) and routers (`router = Router()`) whose views are registered
by FastAPI-style decorators (`@router.post("/token")`), routers added to the API with a prefix
(`api.add_router("/auth", router)`), and throttles given to the API, a router or one operation
(`throttle=[AnonRateThrottle("10/m")]`).

The API is served under a Django URL conf (`path("api/", api.urls)`); that prefix is not joined, so its routes
are listed from the API's root. A view takes the request first, then its parameters: path and query values and
`Schema` bodies, which are JSON unless `Form(...)` says otherwise, as FastAPI's are.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import MOUNT, OWNER, ROUTE, MountFact, OwnerFact, RouteFact
from secpat.frameworks.record import Framework
from secpat.frameworks.syntax import decorator_list, object_name, owner_of, short_source, string, upper_methods
from secpat.model.module import Call, Module

FRAMEWORK = Framework(
    name="ninja",
    title="Django Ninja",
    roots=("ninja",),
    apps=("ninja.NinjaAPI", "ninja.main.NinjaAPI"),
    routers=("ninja.Router", "ninja.router.Router"),
    route_decorators=("get", "post", "put", "patch", "delete", "api_operation"),
    request_classes=("django.http.HttpRequest",),
    error_answers=("ninja.errors.HttpError",),
    answer_methods=("create_response",),
    body_is_json=True,
    parameters_are_input=True,
    api_by_default=True,
    # Its cookie authentication (`APIKeyCookie`, `django_auth`) checks the CSRF token unless told not to.
    csrf_builtin=True,
    csrf=("`NinjaAPI(csrf=True)`", "cookie authentication (`APIKeyCookie`, `django_auth`), which checks the token"),
    limits=("`throttle=[...]` on the API, a router or an operation", "django-ratelimit on the view"),
)

_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}
#: The dependency an operation's own `auth=...` stands for: its caller is authenticated.
OPERATION_AUTH = "ninja.operation_auth"


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any(*FRAMEWORK.roots):
        return []
    found: list[tuple[str, object]] = list(_operations(module))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    return found


def _operations(module: Module) -> list[tuple[str, object]]:
    """`@router.post("/token", auth=None, throttle=[...])`, `@api.api_operation(["GET", "POST"], "/x")`."""
    found: list[tuple[str, object]] = []
    for function in module.functions.values():
        scope = function.parent or module.module_function
        for deco in decorator_list(function):
            if not (isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute)):
                continue
            verb = deco.func.attr
            if verb == "api_operation":
                methods = upper_methods(deco.args[0] if deco.args else None) or ()
                path = string(deco.args[1]) if len(deco.args) > 1 else None
            elif verb in _VERBS:
                methods = (_VERBS[verb],)
                path = string(deco.args[0]) if deco.args else None
            else:
                continue
            path = string(next((k.value for k in deco.keywords if k.arg == "path"), None)) or path
            owner = object_name(module, deco.func.value, scope)
            if path is None or not owner:
                continue
            throttle = next((k.value for k in deco.keywords if k.arg == "throttle"), None)
            limits = (f"throttle={short_source(throttle)}",) if throttle is not None and _throttles(throttle) else ()
            auth = next((k.value for k in deco.keywords if k.arg == "auth"), None)
            # `auth=StaffBearer()`: only a caller the class authenticates gets in (`auth=None`: anyone).
            deps = (OPERATION_AUTH,) if auth is not None and not _is_none(auth) else ()
            route = RouteFact(
                FRAMEWORK.name,
                owner,
                "/" + path.lstrip("/") if path else "",
                methods,
                module.global_name(function),
                module.path,
                deco.lineno,
                limits=limits,
                deps=deps,
            )
            found.append((ROUTE, route))
    return found


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _throttles(node: ast.expr | None) -> bool:
    """`throttle=[AnonRateThrottle("10/m")]` or a throttle object; `throttle=[]` switches throttling off."""
    if node is None or isinstance(node, ast.Constant):
        return False
    return not (isinstance(node, (ast.List, ast.Tuple)) and not node.elts)


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    if callee in FRAMEWORK.apps or callee in FRAMEWORK.routers:
        name = owner_of(module, call)
        if not name:
            return []
        throttle = call.arg(keyword="throttle")
        limits = (f"throttle={short_source(throttle)}",) if throttle is not None and _throttles(throttle) else ()
        kind = "app" if callee in FRAMEWORK.apps else "router"
        return [(OWNER, OwnerFact(FRAMEWORK.name, kind, name, "", module.path, line, limits=limits))]
    if call.method == "add_router" and call.receiver is not None and len(call.node.args) >= 2:
        parent = object_name(module, call.receiver, call.scope)
        child = object_name(module, call.node.args[1], call.scope)
        prefix = string(call.node.args[0]) or ""
        if parent and child:
            return [(MOUNT, MountFact(FRAMEWORK.name, parent, child, prefix.rstrip("/"), module.path, line))]
    return []
