"""Pyramid: routes by name (`config.add_route("login", "/login")`) and the views attached to that name
(`@view_config(route_name="login", request_method="POST")`, `config.add_view(view, route_name=...)`), and
Cornice's services and resources (`@token_service.post(validators=...)`), served by the app that includes
Cornice. A service path built from another module's constant keeps it as a placeholder (`{API_PREFIX}/token`).

A route's path and its views are often in different files; the project stage joins them by the
route's name. CSRF is checked only when `config.set_default_csrf_options(require_csrf=True)` says so
(or a view's own `require_csrf=True`); `require_csrf=False` on a view exempts it.
"""

from __future__ import annotations

import ast
import dataclasses

from secpat.frameworks.facts import (
    MOUNT,
    NAMED_VIEW,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    MountFact,
    NamedViewFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import HTML_BY_DEFAULT, Framework
from secpat.frameworks.syntax import decorated, is_limit_name, object_name, owner_of, short_source, string, strings
from secpat.model.module import Call, Module, keyword_argument, literal_value

FRAMEWORK = Framework(
    name="pyramid",
    title="Pyramid",
    roots=("pyramid", "cornice"),
    apps=("pyramid.config.Configurator",),
    request_classes=("pyramid.request.Request",),
    input_attributes=(
        "params",
        "GET",
        "POST",
        "json_body",
        "matchdict",
        "body",
        "text",
        "cookies",
        "headers",
        "path",
        "url",
        "path_qs",
        "query_string",
        "environ",
    ),
    responses=(("pyramid.response.Response", HTML_BY_DEFAULT),),
    body_keywords=("body", "text"),
    renderers=("render_to_response", "render"),
    csrf=("`config.set_default_csrf_options(require_csrf=True)`", "`@view_config(require_csrf=...)`"),
    limits=("limiting tweens or a limit called in the view", "a Cornice validator named for a limit"),
    sessions=("`SignedCookieSessionFactory`", "`AuthTktAuthenticationPolicy`", "`AuthTktCookieHelper`"),
)

#: Cookie sessions and authentication tickets: evidence that the app authenticates with a cookie.
COOKIE_SESSIONS = (
    "SignedCookieSessionFactory",
    "AuthTktAuthenticationPolicy",
    "AuthTktCookieHelper",
    "SessionAuthenticationPolicy",
    "SessionAuthenticationHelper",
)


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("pyramid", "cornice") and "includeme" not in module.functions:
        return []
    found: list[tuple[str, object]] = list(_view_configs(module))
    found.extend(_cornice_routes(module))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    return found


def _methods(node: ast.expr | None) -> tuple[str, ...]:
    """`request_method="POST"` or `request_method=("GET", "POST")`."""
    one = string(node)
    values = (one,) if one else strings(node)
    return tuple(sorted({v.upper() for v in values})) if values else ()


_VIEW_CONFIG = "pyramid.view.view_config"
_VIEW_DEFAULTS = "pyramid.view.view_defaults"


def _view_configs(module: Module) -> list[tuple[str, object]]:
    """`@view_config(route_name=...)` on functions and methods; a method's takes what its class's
    `@view_defaults(...)` says unless it says otherwise (`require_csrf=False` for every view of the class)."""
    defaults: dict[str, list[ast.keyword]] = {}
    for info in module.classes.values():
        for deco in info.node.decorator_list:
            if isinstance(deco, ast.Call) and module.qualified_name(deco.func) == _VIEW_DEFAULTS:
                defaults[info.qualname] = deco.keywords
    methods = {id(f.node): f.qualname.rsplit(".", 1)[0] for f in module.functions.values() if f.class_name}
    with_configured_methods = {methods[id(node)] for node, _, deco in decorated(module) if id(node) in methods}
    found: list[tuple[str, object]] = []
    for node, name, deco in decorated(module):
        callee = module.qualified_name(deco.func) or ""
        if callee == _VIEW_CONFIG:
            keywords = [*defaults.get(methods.get(id(node), ""), []), *deco.keywords]
        elif callee == _VIEW_DEFAULTS and not (isinstance(node, ast.ClassDef) and _in(node, with_configured_methods)):
            keywords = deco.keywords  # `@view_defaults(route_name="x")` on a class whose methods are its views
        else:
            continue
        fact = _named_view(module, name, keywords, deco.lineno)
        if fact is not None:
            found.append((NAMED_VIEW, fact))
    return found


#: Cornice's service class: `token_service = Service(name="api_token", path="/api/v1/auth/token")`.
CORNICE_SERVICES = frozenset({"cornice.Service", "cornice.service.Service"})
#: Cornice's class decorator: `@resource(collection_path="/customers", path="/customers/{id}")`.
CORNICE_RESOURCES = frozenset({"cornice.resource", "cornice.resource.resource"})
#: What serves Cornice's services: the app that includes it (`config.include("cornice")`) and scans them.
_CORNICE = "cornice.includeme"
_CORNICE_VERBS = frozenset({"get", "post", "put", "patch", "delete"})


def _cornice_routes(module: Module) -> list[tuple[str, object]]:
    """`@token_service.post(schema=..., validators=(...))` on a function, for a Cornice `Service` the module
    keeps: a route of the service's path, served by the app that includes Cornice. A validator named for a
    limit (`throttle_validator(...)`) limits it."""
    if not module.imports_any("cornice"):
        return []
    services: dict[str, str] = {}
    for name, bound in module.assignments.items():
        if len(bound) == 1 and isinstance(bound[0], ast.Call):
            if module.qualified_name(bound[0].func) in CORNICE_SERVICES:
                path = _service_path(module, keyword_argument(bound[0], "path"))
                if path:
                    services[name] = path
    found: list[tuple[str, object]] = []
    for _node, view, deco in decorated(module):
        func = deco.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            continue
        if func.value.id not in services or func.attr not in _CORNICE_VERBS:
            continue
        validators = keyword_argument(deco, "validators")
        items = validators.elts if isinstance(validators, (ast.Tuple, ast.List)) else [validators] if validators else []
        limits = tuple(
            "validators=" + short_source(item)
            for item in items
            if is_limit_name(ast.unparse(item.func if isinstance(item, ast.Call) else item))
        )
        route = RouteFact(
            FRAMEWORK.name, _CORNICE, services[func.value.id], (func.attr.upper(),), view, module.path, deco.lineno
        )
        found.append((ROUTE, dataclasses.replace(route, limits=limits)))
    for info in module.classes.values():
        for marker in info.node.decorator_list:
            if isinstance(marker, ast.Call) and module.qualified_name(marker.func) in CORNICE_RESOURCES:
                found.extend(_cornice_resource(module, info.qualname, marker))
    return found


def _cornice_resource(module: Module, qualname: str, deco: ast.Call) -> list[tuple[str, object]]:
    """A Cornice resource class: `collection_get`/`collection_post` answer its `collection_path`, `get`, `put`,
    `patch`, `delete` (and `post`) its `path`."""
    info = module.classes[qualname]
    paths = {
        "collection_": _service_path(module, keyword_argument(deco, "collection_path")),
        "": _service_path(module, keyword_argument(deco, "path")),
    }
    cls = f"{module.module_name}.{qualname}" if module.module_name else qualname
    found: list[tuple[str, object]] = []
    for method, function in info.methods.items():
        prefix = "collection_" if method.startswith("collection_") else ""
        verb = method.removeprefix(prefix)
        if verb in _CORNICE_VERBS and paths[prefix]:
            route = RouteFact(
                FRAMEWORK.name, _CORNICE, paths[prefix], (verb.upper(),), f"{cls}.{method}", module.path, function.line
            )
            found.append((ROUTE, route))
    return found


def _service_path(module: Module, given: ast.expr | None) -> str:
    """A service's path: a literal, a constant, or an f-string of constants (`f"{API_PREFIX}/auth/token"`); a
    part not known here is kept as a placeholder segment."""
    text = module.constant(given) if given is not None else None
    if isinstance(text, str):
        return text
    if isinstance(given, ast.BinOp) and isinstance(given.op, ast.Add):  # `API_PREFIX + "/customers/{id}"`
        return _service_path(module, given.left) + _service_path(module, given.right)
    if isinstance(given, (ast.Name, ast.Attribute)):
        return "{" + ast.unparse(given).rsplit(".", 1)[-1] + "}"  # a constant of another module
    if not isinstance(given, ast.JoinedStr):
        return ""
    return "".join(
        str(value.value) if isinstance(value, ast.Constant) else _service_path(module, value.value)
        for value in given.values
        if isinstance(value, (ast.Constant, ast.FormattedValue))
    )


def _in(node: ast.ClassDef, qualnames: set[str]) -> bool:
    return node.name in qualnames or any(q.endswith("." + node.name) for q in qualnames)


def _named_view(module: Module, view: str, keywords: list[ast.keyword], line: int) -> NamedViewFact | None:
    options = {k.arg: k.value for k in keywords if k.arg}
    route_name = string(options.get("route_name"))
    if not route_name:
        return None
    csrf = literal_value(options["require_csrf"]) if "require_csrf" in options else None
    csrf_line = next((k.value.lineno for k in reversed(keywords) if k.arg == "require_csrf"), line)
    return NamedViewFact(
        FRAMEWORK.name,
        route_name,
        view,
        _methods(options.get("request_method")),
        module.path,
        line,
        csrf_exempt=csrf_line if csrf is False else 0,
        csrf_required=csrf is True,
        limits=_limits(options.get("decorator")),
        permission=_permission(module, options.get("permission")),
    )


def _permission(module: Module, given: ast.expr | None) -> str:
    """`permission="edit"`; Pyramid's `NO_PERMISSION_REQUIRED` (and a name not known here) is none."""
    name = module.constant(given)
    return name if isinstance(name, str) and name != "__no_permission_required__" else ""


def _limits(decorators: ast.expr | None) -> tuple[str, ...]:
    """`decorator=rate_limited("10/minute")` or a tuple of decorators: those named for a limit."""
    items = decorators.elts if isinstance(decorators, (ast.Tuple, ast.List)) else [decorators] if decorators else []
    return tuple(
        "decorator=" + short_source(item)
        for item in items
        if is_limit_name(ast.unparse(item.func if isinstance(item, ast.Call) else item))
    )


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    if callee in FRAMEWORK.apps:
        name = owner_of(module, call)
        return [(OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, line))] if name else []
    if callee.startswith("pyramid") and callee.rsplit(".", 1)[-1] in COOKIE_SESSIONS:
        return [(SESSION, SessionFact(FRAMEWORK.name, callee.rsplit(".", 1)[-1], module.path, line))]
    owner = _configurator(module, call)
    if not owner:
        return []
    if call.method == "include" and call.node.args:
        child = _included(module, call)
        prefix = string(call.arg(keyword="route_prefix")) or ""
        if child:
            prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
            return [(MOUNT, MountFact(FRAMEWORK.name, owner, child, prefix, module.path, line))]
    if call.method == "add_route" and len(call.node.args) >= 2:
        name, pattern = string(call.node.args[0]), string(call.node.args[1])
        if name and pattern is not None:
            path = pattern if pattern.startswith("/") else "/" + pattern
            return [
                (
                    ROUTE,
                    RouteFact(
                        FRAMEWORK.name,
                        owner,
                        path,
                        _methods(call.arg(keyword="request_method")),
                        f"{ROUTE_NAME}{name}",
                        module.path,
                        line,
                    ),
                )
            ]
    if call.method == "add_view" and call.node.args:
        view = module.qualified_name(call.node.args[0], call.scope) or object_name(
            module, call.node.args[0], call.scope
        )
        fact = _named_view(module, view, call.node.keywords, line) if view else None
        return [(NAMED_VIEW, fact)] if fact else []
    required = call.arg(keyword="require_csrf")
    if call.method == "set_default_csrf_options" and required is not None and literal_value(required) is True:
        return [(PROTECTION, ProtectionFact("require_csrf", owner, module.path, line))]
    return []


def _configurator(module: Module, call: Call) -> str | None:
    """The configurator a call is made on: `config` of the app's `main()`, or the one an `includeme(config)`
    is handed, named for that function (what `config.include("pkg.routes")` mounts)."""
    if call.receiver is None:
        return None
    scope = call.scope
    if (
        isinstance(call.receiver, ast.Name)
        and scope.name == "includeme"
        and scope.params[:1] == [call.receiver.id]
        and not scope.class_name
    ):
        return module.global_name(scope)
    return object_name(module, call.receiver, call.scope)


def _included(module: Module, call: Call) -> str | None:
    """`config.include(".routes")`, `config.include("pkg.views")`, `config.include(routes)`: the `includeme`
    Pyramid runs with the configurator, or the function itself (`config.include(add_routes)`)."""
    target = call.node.args[0]
    name = string(target)
    if name is None:
        qualified = module.qualified_name(target, call.scope)
        if not qualified:
            return None
        local = module.local_function(qualified)
        return (
            qualified if local is not None or qualified.rsplit(".", 1)[-1] == "includeme" else f"{qualified}.includeme"
        )
    name = name.split(":", 1)[0]  # `"pkg.routes:includeme"` names the function too
    if name.startswith("."):
        package = module.module_name if module.is_package else module.module_name.rpartition(".")[0]
        dots = len(name) - len(name.lstrip("."))
        for _ in range(dots - 1):
            package = package.rpartition(".")[0]
        name = f"{package}.{name.lstrip('.')}" if package else name.lstrip(".")
    return f"{name}.includeme"


#: The view of a Pyramid route fact before the project stage joins it with the views of that name.
ROUTE_NAME = "route-name:"
