"""Decorator routes shared by Flask, Quart, Bottle and FastAPI (`@app.get("/x")`), told apart by what the module
imports."""

from __future__ import annotations

import ast
import re

from secpat.frameworks import bottle
from secpat.frameworks.facts import ROUTE, RouteFact
from secpat.frameworks.syntax import (
    bound_value,
    decorator_list,
    is_limit_name,
    object_name,
    short_source,
    string,
    upper_methods,
)
from secpat.model.module import Function, Module

_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}


def decorator_routes(module: Module, framework: str) -> list[tuple[str, object]]:
    """`@app.route("/x", methods=[...])`, `@bp.post("/x")`, `@router.get("/x", dependencies=[...])`."""
    found: list[tuple[str, object]] = []
    for function in module.functions.values():
        decorators = decorator_list(function)
        for index, deco in enumerate(decorators):
            outer = function.parent or module.module_function
            route = _default_app_route(module, deco, outer) or _route_decorator(deco)
            if route is None:
                continue
            call, receiver, path, verb = route
            owner = (object_name(module, receiver, outer) or "") if receiver is not None else bottle.DEFAULT_APP
            keywords = {kw.arg: kw.value for kw in call.keywords if kw.arg}
            methods = (
                (verb,)
                if verb
                else upper_methods(keywords.get("methods") or keywords.get("method"))
                or (("GET",) if framework == "flask" else ())
            )
            deps = dependencies(module, keywords.get("dependencies"), outer)
            misplaced = ""
            if framework == "fastapi":
                above = [d for d in decorators[:index] if _is_limit_decorator(module, d, outer)]
                misplaced = "@" + short_source(above[0]) if above else ""
            found.append(
                (
                    ROUTE,
                    RouteFact(
                        framework,
                        owner,
                        path,
                        methods,
                        module.global_name(function),
                        module.path,
                        call.lineno,
                        limits=tuple(d for d in deps if is_limit_name(d)),
                        deps=deps,
                        limit_misplaced=misplaced,
                        # Flask's `endpoint=`, FastAPI's `name=`: what templates reverse the route by
                        url_name=string(keywords.get("endpoint") or keywords.get("name")) or "",
                        # Bottle's `skip=["csrf"]`, or route config a CSRF plugin reads (`csrf_exempt=True`):
                        # the app's CSRF plugin does not check this route.
                        csrf_exempt=call.lineno if _skips_csrf(keywords.get("skip")) or _csrf_off(keywords) else 0,
                    ),
                )
            )
    return found


def _skips_csrf(skip: ast.expr | None) -> bool:
    """`skip=["csrf"]`, `skip=[CsrfPlugin]`: a Bottle route left out of a CSRF plugin."""
    items = skip.elts if isinstance(skip, (ast.List, ast.Tuple)) else [skip] if skip is not None else []
    return any(re.search(r"csrf|xsrf", ast.unparse(item), re.IGNORECASE) for item in items)


def _csrf_off(keywords: dict[str, ast.expr]) -> bool:
    """`csrf_exempt=True`, `csrf=False`: route config that tells the app's CSRF check to leave the route out."""
    for name, value in keywords.items():
        words = re.findall(r"[a-z]+", name.lower())
        if not {"csrf", "xsrf"} & set(words) or not isinstance(value, ast.Constant):
            continue
        exempting = bool({"exempt", "skip", "off", "disable", "disabled", "no"} & set(words))
        if exempting and value.value is True or not exempting and value.value is False:
            return True
    return False


def _route_decorator(deco: ast.expr) -> tuple[ast.Call, ast.expr, str, str] | None:
    """(the call, its receiver, path and verb or "") for `@app.get("/x")`, `@bp.route(path="/x")`."""
    if not isinstance(deco, ast.Call) or not isinstance(deco.func, ast.Attribute):
        return None
    attr = deco.func.attr
    if attr not in ("route", "api_route", *_VERBS):
        return None
    path = (
        string(deco.args[0]) if deco.args else string(next((k.value for k in deco.keywords if k.arg == "path"), None))
    )
    if path is None or (path and not path.startswith("/")):
        return None
    return deco, deco.func.value, path, _VERBS.get(attr, "")


def _default_app_route(module: Module, deco: ast.expr, scope: Function) -> tuple[ast.Call, None, str, str] | None:
    """`@route("/x", method="POST")`, `@bottle.post("/x")`: Bottle's module-level decorators, which register on
    its default app."""
    if not isinstance(deco, ast.Call) or module.qualified_name(deco.func, scope) not in bottle.MODULE_ROUTES:
        return None
    path = (
        string(deco.args[0]) if deco.args else string(next((k.value for k in deco.keywords if k.arg == "path"), None))
    )
    if path is None or not path.startswith("/"):
        return None
    name = module.qualified_name(deco.func, scope) or ""
    return deco, None, path, _VERBS.get(name.rsplit(".", 1)[-1], "")


def dependencies(module: Module, node: ast.expr | None, scope: Function) -> tuple[str, ...]:
    """Names of the callables in `dependencies=[Depends(x), Depends(RateLimiter(...))]`, also where the list is
    kept in a name (`CsrfChecked = [Depends(verify_csrf)]`, `dependencies=CsrfChecked`)."""
    node = bound_value(module, scope, node) if isinstance(node, ast.Name) else node
    if not isinstance(node, (ast.List, ast.Tuple)):
        return ()
    names = []
    for element in node.elts:
        if not isinstance(element, ast.Call) or not element.args:
            continue
        inner = element.args[0]
        if isinstance(inner, ast.Call):
            names.append(module.qualified_name(inner.func, scope) or ast.unparse(inner.func))
        else:
            names.append(object_name(module, inner, scope) or ast.unparse(inner))
    return tuple(names)


def _is_limit_decorator(module: Module, deco: ast.expr, scope: Function) -> bool:
    target = deco.func if isinstance(deco, ast.Call) else deco
    name = module.qualified_name(target, scope) or ast.unparse(target)
    return is_limit_name(name) and not name.endswith("exempt")
