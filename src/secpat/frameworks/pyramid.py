"""Pyramid: routes by name (`config.add_route("login", "/login")`) and the views attached to that name
(`@view_config(route_name="login", request_method="POST")`, `config.add_view(view, route_name=...)`).

A route's path and its views are often in different files; the project stage joins them by the
route's name. CSRF is checked only when `config.set_default_csrf_options(require_csrf=True)` says so
(or a view's own `require_csrf=True`); `require_csrf=False` on a view exempts it.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import (
    NAMED_VIEW,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    NamedViewFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import HTML_BY_DEFAULT, Framework
from secpat.frameworks.syntax import decorated, object_name, owner_of, string, strings
from secpat.model.module import Call, Module, literal_value

FRAMEWORK = Framework(
    name="pyramid",
    title="Pyramid",
    roots=("pyramid",),
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
    limits=("limiting tweens or a limit called in the view",),
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
    if not module.imports_any("pyramid"):
        return []
    found: list[tuple[str, object]] = list(_view_configs(module))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    return found


def _methods(node: ast.expr | None) -> tuple[str, ...]:
    """`request_method="POST"` or `request_method=("GET", "POST")`."""
    one = string(node)
    values = (one,) if one else strings(node)
    return tuple(sorted({v.upper() for v in values})) if values else ()


def _view_configs(module: Module) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for _node, name, deco in decorated(module):
        if (module.qualified_name(deco.func) or "") in ("pyramid.view.view_config", "pyramid.view.view_defaults"):
            fact = _named_view(module, name, deco.keywords, deco.lineno)
            if fact is not None:
                found.append((NAMED_VIEW, fact))
    return found


def _named_view(module: Module, view: str, keywords: list[ast.keyword], line: int) -> NamedViewFact | None:
    options = {k.arg: k.value for k in keywords if k.arg}
    route_name = string(options.get("route_name"))
    if not route_name:
        return None
    csrf = literal_value(options["require_csrf"]) if "require_csrf" in options else None
    return NamedViewFact(
        FRAMEWORK.name,
        route_name,
        view,
        _methods(options.get("request_method")),
        module.path,
        line,
        csrf_exempt=line if csrf is False else 0,
        csrf_required=csrf is True,
    )


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    if callee in FRAMEWORK.apps:
        name = owner_of(module, call)
        return [(OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, line))] if name else []
    if callee.startswith("pyramid") and callee.rsplit(".", 1)[-1] in COOKIE_SESSIONS:
        return [(SESSION, SessionFact(FRAMEWORK.name, callee.rsplit(".", 1)[-1], module.path, line))]
    owner = object_name(module, call.receiver, call.scope) if call.receiver is not None else None
    if not owner:
        return []
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


#: The view of a Pyramid route fact before the project stage joins it with the views of that name.
ROUTE_NAME = "route-name:"
