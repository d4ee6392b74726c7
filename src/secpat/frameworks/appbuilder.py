"""Flask-AppBuilder: view classes whose methods are routed by `@expose("/path", methods=[...])`, each class a
Flask blueprint under its `route_base` (`/` and the class name, lower case, by default; `/api/v1/` and its
`resource_name` for a `BaseApi`), served once the project registers it with `appbuilder.add_view(...)`,
`add_view_no_menu(...)` or `add_api(...)`.

Its routes, sessions and protections are Flask's (`family="flask"`): Flask-WTF's `CSRFProtect` protects the
views, `csrf.exempt(view.blueprint)` exempts one class's, flask-limiter limits them. `@has_access` admits a
user of the cookie session holding the view's permission; `@protect()` a caller with a JWT (or the cookie too,
with `allow_browser_login=True`). `self.response_500(message=...)` and the other `response_<status>` methods of
a `BaseApi` answer with what they are given.

Partial: routes a class inherits from a project base class of another module, and the library's own
model views (`ModelView`'s list, add, edit and delete pages), are not in the route table.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import (
    CSRF_EXEMPT_TARGET,
    MOUNT,
    OWNER,
    ROUTE,
    SESSION,
    GateFact,
    MountFact,
    OwnerFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import VIEW_CLASSES, Framework
from secpat.frameworks.syntax import bound_value, last, object_name, string, upper_methods
from secpat.model.module import ClassInfo, Function, Module

FRAMEWORK = Framework(
    name="appbuilder",
    title="Flask-AppBuilder",
    family="flask",
    roots=("flask_appbuilder",),
    routing=VIEW_CLASSES,
    answer_methods=tuple(f"response_{status}" for status in (400, 401, 403, 404, 405, 409, 422, 500)),
    csrf=("Flask-WTF `CSRFProtect`", "`csrf.exempt(view.blueprint)` exempts a view class"),
    limits=("flask-limiter",),
    sessions=("the security manager's Flask-Login session (`@has_access`)",),
)

EXPOSE = frozenset(
    {
        "flask_appbuilder.expose",
        "flask_appbuilder.views.expose",
        "flask_appbuilder.baseviews.expose",
        "flask_appbuilder.api.expose",
    }
)
_BUILDERS = frozenset({"flask_appbuilder.AppBuilder", "flask_appbuilder.base.AppBuilder"})
#: The registrations that serve a view class: with a menu entry, without one, and an API.
_REGISTRATIONS = frozenset({"add_view", "add_view_no_menu", "add_api"})
#: The project's AppBuilder, wherever it is reached from (`appbuilder`, `self.appbuilder`, `current_app.appbuilder`):
#: a project has one, and every view class it registers is served by the app it is initialised with.
BUILDER = "flask_appbuilder.<appbuilder>"
#: Decorators that admit only the user of the cookie session holding the view's permission.
ACCESS_GATES = frozenset(
    {
        "flask_appbuilder.has_access",
        "flask_appbuilder.security.decorators.has_access",
        "flask_appbuilder.has_access_api",
        "flask_appbuilder.security.decorators.has_access_api",
    }
)
#: `@protect()`: a caller with the API's JWT, or also the cookie session's user with `allow_browser_login=True`.
TOKEN_GATES = frozenset({"flask_appbuilder.api.protect", "flask_appbuilder.security.decorators.protect"})


def facts(module: Module) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    if module.imports_any(*FRAMEWORK.roots):
        for info in module.classes.values():
            found.extend(_exposed(module, info))
    for call in module.calls:
        if not call.node.args:
            continue
        if call.callee in _BUILDERS or call.method == "init_app" and _names_builder(call.receiver):
            # `AppBuilder(app, db.session)`, `appbuilder.init_app(app, db.session)`: the app that serves its views.
            app = object_name(module, call.node.args[0], call.scope)
            if app:
                line = call.node.lineno
                found.append((MOUNT, MountFact("flask", app, BUILDER, "\0", module.path, line)))
                # Its security manager signs users in with Flask-Login: the app keeps them in a cookie session.
                found.append((SESSION, SessionFact("flask", "AppBuilder", module.path, line)))
        elif call.method in _REGISTRATIONS and _names_builder(call.receiver):
            view = _view_class(module, call.node.args[0], call.scope)
            if view:
                found.append((MOUNT, MountFact("flask", BUILDER, view, "\0", module.path, call.node.lineno)))
        elif call.method == "exempt" and call.receiver is not None and "csrf" in ast.unparse(call.receiver).lower():
            # `csrf.exempt(reports.blueprint)`: Flask-WTF skips the check for that view class's routes.
            target = call.node.args[0]
            if isinstance(target, ast.Attribute) and target.attr == "blueprint":
                view = _view_class(module, target.value, call.scope)
                if view:
                    found.append((CSRF_EXEMPT_TARGET, GateFact(view, module.path, call.node.lineno)))
    return found


def _names_builder(receiver: ast.expr | None) -> bool:
    """`appbuilder`, `self.appbuilder`, `current_app.appbuilder`, `app_builder`."""
    if receiver is None:
        return False
    text = ast.unparse(receiver).rsplit(".", 1)[-1].lower().replace("_", "")
    return text == "appbuilder"


def _view_class(module: Module, expr: ast.expr, scope: Function | None) -> str | None:
    """The qualified name of the class a registration names: `ShipmentView`, `ShipmentView()`, or a name bound
    once to `ShipmentView()`."""
    if isinstance(expr, ast.Name) and scope is not None:
        made = bound_value(module, scope, expr)
        if isinstance(made, ast.Call):
            expr = made
    if isinstance(expr, ast.Call):
        expr = expr.func
    name = module.qualified_name(expr, scope)
    if name and "." not in name and module.module_name:
        name = f"{module.module_name}.{name}"  # a class of this module
    return name


def _exposed(module: Module, info: ClassInfo) -> list[tuple[str, object]]:
    """A class with `@expose` methods: a blueprint at its route base, one route per `@expose`."""
    routes: list[tuple[str, object]] = []
    owner = f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname
    for method in info.methods.values():
        for deco in getattr(method.node, "decorator_list", ()):
            if not isinstance(deco, ast.Call) or module.qualified_name(deco.func, method) not in EXPOSE:
                continue
            path = string(deco.args[0]) if deco.args else "/"
            if path is None:
                continue
            methods = upper_methods(next((k.value for k in deco.keywords if k.arg == "methods"), None)) or ("GET",)
            view = f"{owner}.{method.name}"
            routes.append((ROUTE, RouteFact("flask", owner, path, methods, view, module.path, deco.lineno)))
    if not routes:
        return []
    return [(OWNER, OwnerFact("flask", "blueprint", owner, _route_base(info), module.path, info.line)), *routes]


#: Library view classes that serve at the site's root: a subclass's `@expose("/login/")` answers `/login/`.
_ROOT_VIEWS = frozenset(
    {
        "AuthView",
        "AuthDBView",
        "AuthLDAPView",
        "AuthOAuthView",
        "AuthOIDView",
        "AuthRemoteUserView",
        "AuthSAMLView",
        "IndexView",
        "UtilView",
    }
)


def _route_base(info: ClassInfo) -> str:
    given = string(info.attributes.get("route_base"))
    if given is not None:
        return given.rstrip("/")
    if any(last(base) in _ROOT_VIEWS for base in info.bases):
        return ""
    if any("Api" in last(base) for base in info.bases):
        version = string(info.attributes.get("version")) or "v1"
        resource = string(info.attributes.get("resource_name")) or info.name.lower()
        return f"/api/{version}/{resource}"
    return f"/{info.name.lower()}"
