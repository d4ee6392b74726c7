"""Starlette: apps built from `Route` / `Mount` lists.

`Starlette(routes=[Route("/login", login, methods=["POST"]), Mount("/api", routes=[...])])`,
also with the list kept in a name (`routes = [...]`, `Starlette(routes=routes)`) or a
`Router(routes=...)` mounted with `Mount("/x", app=router)`. Middleware, sessions and
limits of a Starlette app are read by the FastAPI module, which shares them.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import MOUNT, ROUTE, MountFact, RouteFact
from secpat.frameworks.record import ALWAYS_HTML, HTML_IF_SAID, Framework
from secpat.frameworks.syntax import object_name, string, upper_methods
from secpat.model.module import Module, keyword_argument

FRAMEWORK = Framework(
    name="starlette",
    title="Starlette",
    roots=("starlette",),
    apps=("starlette.applications.Starlette",),
    routers=("starlette.routing.Router",),
    route_decorators=("route", "websocket_route"),
    request_classes=("starlette.requests.Request",),
    input_attributes=("query_params", "path_params", "cookies", "headers", "url", "base_url"),
    input_methods=("json", "form", "body", "stream"),
    responses=(("starlette.responses.HTMLResponse", ALWAYS_HTML), ("starlette.responses.Response", HTML_IF_SAID)),
    json_responses=("JSONResponse",),
    answers=("starlette.responses.JSONResponse", "starlette.responses.PlainTextResponse"),
    error_answers=("starlette.exceptions.HTTPException",),
    renderers=("TemplateResponse",),
    debug_switches=(("starlette.applications.Starlette", "debug"),),
    csrf=("CSRF middleware (starlette-csrf, any middleware named for CSRF)",),
    limits=("slowapi with `SlowAPIMiddleware`", "limiting middleware"),
    sessions=("`SessionMiddleware`", "`request.session`"),
)

_ROUTE = ("starlette.routing.Route", "fastapi.routing.APIRoute", "starlette.routing.WebSocketRoute")
_MOUNT = ("starlette.routing.Mount", "starlette.routing.Host")
_HOLDERS = FRAMEWORK.apps + FRAMEWORK.routers + ("fastapi.FastAPI", "fastapi.APIRouter", "fastapi.routing.APIRouter")


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("starlette", "fastapi"):
        return []
    found: list[tuple[str, object]] = []
    scope = module.module_function
    for call in module.calls:
        if call.callee not in _HOLDERS:
            continue
        routes = call.arg(keyword="routes")
        owner = _assigned_name(module, call.node)
        if routes is None or not owner:
            continue
        framework = "fastapi" if call.callee.startswith("fastapi") else FRAMEWORK.name
        if isinstance(routes, ast.Name):
            listed = object_name(module, routes, call.scope)
            if listed:
                found.append((MOUNT, MountFact(framework, owner, listed, "", module.path, call.node.lineno)))
            continue
        found.extend(_entries(module, routes, owner, "", framework))
    # Lists kept in a module-level name (`routes = [...]`) belong to whatever app takes that name.
    for statement in module.tree.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, (ast.List, ast.Tuple))
        ):
            owner = object_name(module, statement.targets[0], scope) or ""
            found.extend(_entries(module, statement.value, owner, "", FRAMEWORK.name))
    return found


def _assigned_name(module: Module, node: ast.Call) -> str:
    from secpat.frameworks.syntax import assigned_names

    hit = assigned_names(module).get(id(node))
    if hit is None:
        return ""
    name, scope = hit
    return object_name(module, ast.Name(id=name), scope) or ""


def _entries(module: Module, node: ast.expr, owner: str, prefix: str, framework: str) -> list[tuple[str, object]]:
    """Routes of one list, with the prefix of the mounts it sits in."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return []
    scope = module.module_function
    found: list[tuple[str, object]] = []
    for element in node.elts:
        if isinstance(element, ast.Starred) and owner:
            # `routes = [Route("/", home), *auth_routes]`: another list's routes, spliced in at this prefix.
            child = object_name(module, element.value, scope)
            if child:
                found.append((MOUNT, MountFact(framework, owner, child, prefix, module.path, element.lineno)))
            continue
        if not isinstance(element, ast.Call):
            continue
        callee = module.qualified_name(element.func, scope)
        path = string(element.args[0]) if element.args else string(keyword_argument(element, "path"))
        if path is None:
            continue
        if callee in _ROUTE:
            endpoint = element.args[1] if len(element.args) > 1 else keyword_argument(element, "endpoint")
            view = module.qualified_name(endpoint, scope) or object_name(module, endpoint, scope) if endpoint else None
            if view:
                methods = upper_methods(keyword_argument(element, "methods")) or ("GET",)
                found.append(
                    (ROUTE, RouteFact(framework, owner, prefix + path, methods, view, module.path, element.lineno))
                )
        elif callee in _MOUNT:
            inner = keyword_argument(element, "routes")
            if inner is None and len(element.args) > 2:
                inner = element.args[2]
            app = keyword_argument(element, "app")
            if app is None and len(element.args) > 1:
                app = element.args[1]
            if isinstance(inner, (ast.List, ast.Tuple)):
                found.extend(_entries(module, inner, owner, prefix + path, framework))
            elif app is not None or inner is not None:
                child = object_name(module, app if app is not None else inner, scope)
                if child and owner:
                    found.append(
                        (MOUNT, MountFact(framework, owner, child, prefix + path, module.path, element.lineno))
                    )
    return found
