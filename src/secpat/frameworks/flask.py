"""Flask facts: apps, blueprints and their prefixes, routes, MethodView, Flask-RESTful / Flask-RESTX resources,
Flask-AppBuilder views (`frameworks/appbuilder.py`), flask-limiter, Flask-WTF.

The same code reads Quart, whose record (`frameworks/quart.py`) names its objects: what is Flask's here is
the family's, `FAMILY`. The decorator routes (`@app.route("/x")`) are read by `decorators.decorator_routes`,
shared with FastAPI.
"""

from __future__ import annotations

import ast
import dataclasses

from secpat.frameworks import appbuilder, bottle, chalice, quart
from secpat.frameworks.decorators import decorator_routes
from secpat.frameworks.facts import (
    ALIAS,
    ANY_CHILD,
    BOTTLE_PLUGIN,
    CONVERTER,
    CSRF_EXEMPT_TARGET,
    FORM,
    GATE,
    INSTANCE,
    LIMIT_TARGET,
    LIMITER,
    MOUNT,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    AliasFact,
    ConverterFact,
    GateFact,
    InstanceFact,
    LimiterFact,
    LimitTargetFact,
    MountFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.forms import template_forms
from secpat.frameworks.record import HTML_BY_DEFAULT, HTML_IF_SAID, Framework
from secpat.frameworks.syntax import (
    bound_value,
    class_routes,
    decorator_list,
    derives_from,
    has_default_limits,
    is_limit_name,
    is_staff_gate,
    last,
    object_name,
    owner_of,
    registered_objects,
    short_source,
    string,
    strings,
    upper_methods,
)
from secpat.model.module import Call, Function, Module

FRAMEWORK = Framework(
    name="flask",
    title="Flask",
    roots=("flask", "werkzeug", "flask_limiter", "flask_wtf", "flask_restful", "flask_restx", "flask_smorest"),
    apps=("flask.Flask",),
    routers=("flask.Blueprint", "flask.blueprints.Blueprint", "flask_smorest.Blueprint"),
    route_decorators=("route", "get", "post", "put", "patch", "delete", "head", "options", "websocket"),
    mount_prefix="replace",
    request_objects=(
        "flask.request",
        "werkzeug.wrappers.Request",
        "werkzeug.Request",
        "flask.Request",
    ),
    request_classes=("werkzeug.wrappers.Request", "flask.Request"),
    input_attributes=(
        "args",
        "form",
        "values",
        "json",
        "cookies",
        "headers",
        "data",
        "files",
        "view_args",
        "stream",
        "full_path",
        "path",
        "url",
        "base_url",
        "query_string",
        "authorization",
        "referrer",
        "environ",
        "user_agent",
        "host",
    ),
    input_methods=("get_json", "get_data", "json", "form", "stream"),
    responses=(
        ("flask.make_response", HTML_BY_DEFAULT),
        ("flask.Response", HTML_BY_DEFAULT),
        ("werkzeug.wrappers.Response", HTML_IF_SAID),
    ),
    body_keywords=("response",),
    # `self.make_response(body, 500)` in a Flask-RESTful `Api.handle_error`, `app.make_response(...)`.
    answer_methods=("make_response",),
    json_responses=("jsonify",),
    renderers=("render_template", "stream_template"),
    page_renderers=(
        "flask.render_template",
        "flask.templating.render_template",
    ),
    template_strings=(
        "flask.render_template_string",
        "flask.templating.render_template_string",
    ),
    tuple_responses=("flask.make_response",),
    answers=("flask.jsonify",),
    user_messages=("flask.flash", "flask.helpers.flash"),
    csrf=("Flask-WTF `CSRFProtect`", "a view that validates a `FlaskForm`", "SeaSurf", "a `before_request` CSRF check"),
    limits=("flask-limiter",),
    sessions=("`flask.session`", "Flask-Login", "Flask-Session", "Flask-Security-Too"),
    session_objects=("flask.session",),
    request_globals=("flask.g",),
)

#: Flask and the frameworks that follow it (Quart, Bottle): this module reads all of their names.
FAMILY = (FRAMEWORK, quart.FRAMEWORK, bottle.FRAMEWORK, appbuilder.FRAMEWORK, chalice.FRAMEWORK)
_ROOTS = tuple(root for f in FAMILY for root in f.roots) + ("flask_seasurf", "flask_login")
_APPS = frozenset(app for f in FAMILY for app in f.apps)
_ROUTERS = frozenset(router for f in FAMILY for router in f.routers)
_SESSIONS = frozenset(name for f in FAMILY for name in f.session_objects)
#: The packages whose app objects the family makes: a module importing one is a Flask-like app's.
APP_PACKAGES = tuple(dict.fromkeys(app.split(".")[0] for f in FAMILY for app in f.apps))

_INLINE_TEMPLATES = frozenset(
    {"render_template_string", "Template", "from_string", "HttpResponse", "HTMLResponse", "make_response", "Response"}
)


def facts(module: Module) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    found.extend(inline_forms(module))
    found.extend(appbuilder.facts(module))  # view classes, and their registrations wherever they are
    if not module.imports_any(*_ROOTS):
        # `def register_api(api, csrf): for bp in API_BLUEPRINTS: csrf.exempt(bp); api.register_blueprint(bp)`:
        # a module that imports no Flask may still mount blueprints on what it is handed.
        for call in module.calls:
            if call.method == "register_blueprint" or call.method == "exempt" and call.receiver is not None:
                found.extend(_call_facts(module, call))
        return found
    found.extend(decorator_routes(module, "flask"))
    default_app = [r for kind, r in found if kind == ROUTE and getattr(r, "owner", "") == bottle.DEFAULT_APP]
    if default_app:
        # `@route("/x")`: Bottle's module-level decorators register on its default app.
        first = min(r.line for r in default_app)  # type: ignore[attr-defined]
        found.append((OWNER, OwnerFact("bottle", "app", bottle.DEFAULT_APP, "", module.path, first)))
    for call in module.calls:
        found.extend(_call_facts(module, call))
    found.extend(_converters(module))
    found.extend(_namespace_routes(module))
    found.extend(_staff_hooks(module))
    found.extend(_factory_aliases(module, {getattr(x, "name", "") for kind, x in found if kind == OWNER}))
    evidence = _session_evidence(module)
    if evidence:
        found.append((SESSION, SessionFact("flask", evidence[0], module.path, evidence[1])))
    return found


def _staff_hooks(module: Module) -> list[tuple[str, object]]:
    """Blueprints whose `before_request` hook is decorated with a staff gate (`@admin_required`)."""
    found: list[tuple[str, object]] = []
    for function in module.functions.values():
        if not any(is_staff_gate(d) for d in function.decorators):
            continue
        for deco in decorator_list(function):
            if isinstance(deco, ast.Attribute) and deco.attr == "before_request":
                owner = object_name(module, deco.value, function.parent)
                if owner:
                    found.append((GATE, GateFact(owner, module.path, function.line)))
    return found


def _call_facts(module: Module, call: Call) -> list[tuple[str, object]]:
    callee = call.callee or ""
    line = call.node.lineno
    if callee in _APPS:
        name = owner_of(module, call)
        return [(OWNER, OwnerFact(_member(callee), "app", name, "", module.path, line))] if name else []
    if callee in _ROUTERS:
        name = owner_of(module, call)
        prefix = string(call.arg(keyword="url_prefix")) or ""
        return [(OWNER, OwnerFact(_member(callee), "blueprint", name, prefix, module.path, line))] if name else []
    if callee.startswith("flask_limiter") and last(callee) == "Limiter":
        name = owner_of(module, call) or f"{module.module_name}.<limiter>"
        return [(LIMITER, LimiterFact("flask-limiter", name, has_default_limits(call), module.path, line))]
    if callee == "quart_rate_limiter.RateLimiter":
        name = owner_of(module, call) or f"{module.module_name}.<limiter>"
        return [(LIMITER, LimiterFact("quart-rate-limiter", name, has_default_limits(call), module.path, line))]
    if last(callee) in ("CSRFProtect", "SeaSurf") and callee.startswith(("flask_wtf", "flask_seasurf", "quart_wtf")):
        name = owner_of(module, call) or ""
        active = bool(call.node.args or call.node.keywords)
        return [(PROTECTION, ProtectionFact(last(callee), name, module.path, line if active else 0))]
    scope = call.scope
    if _is_resource_api(module, callee):
        return _resource_api(module, call)
    if callee in _NAMESPACES:
        return _namespace(module, call)
    if call.method == "add_namespace" and call.receiver is not None and call.node.args:
        return _namespace_mount(module, call)
    if call.method in ("add_resource", "init_app") and call.receiver is not None:
        api = _resource_api_call(module, call.receiver, scope)
        if api is not None:
            return _resources(module, call, api) if call.method == "add_resource" else _api_mount(module, call)
    if call.method == "init_app" and call.receiver is not None:
        # `for extension in EXTENSIONS: extension.init_app(app)`: each extension the list names, or any when
        # which is decided at run time.
        extensions = registered_objects(module, call.receiver, scope)
        named = [ANY_CHILD] if extensions is None else [object_name(module, e, scope) for e in extensions]
        found: list[tuple[str, object]] = [
            (PROTECTION, ProtectionFact("init_app", name, module.path, line)) for name in named if name
        ]
        # `api.init_app(app)` with `api = Api()` made in another module: if it is a router (a flask-smorest or
        # Flask-RESTX `Api`), its blueprints are served by the app. Other extensions are no router, and a mount
        # of what is not one mounts nothing.
        app = object_name(module, call.node.args[0], scope) if call.node.args else None
        if app:
            found += [(MOUNT, MountFact("flask", app, name, "\0", module.path, line)) for name in named if name]
        return found
    if call.method == "register_blueprint" and call.node.args:
        parent = object_name(module, call.receiver, scope)
        children = registered_objects(module, call.node.args[0], scope)
        # `for bp in discovered: app.register_blueprint(bp)`: which blueprints is decided at run time.
        named = [_child_name(module, c, scope) for c in children] if children is not None else [ANY_CHILD]
        url_prefix = string(call.arg(keyword="url_prefix"))
        prefix = "\0" if url_prefix is None else url_prefix
        if parent:
            return [(MOUNT, MountFact("flask", parent, child, prefix, module.path, line)) for child in named if child]
    if call.method == "add_url_rule":
        return [(ROUTE, r) for r in _url_rule(module, call)]
    if call.method == "exempt" and call.receiver is not None and _names_csrf(call.receiver) and call.node.args:
        # `csrf.exempt(uploads_bp)`: Flask-WTF skips its check for the blueprint's views, or the view's; also
        # for each of a list the call loops over (`for bp in API_BLUEPRINTS: csrf.exempt(bp)`).
        exempted = registered_objects(module, call.node.args[0], scope) or []
        targets = [_child_name(module, e, scope) for e in exempted]
        return [(CSRF_EXEMPT_TARGET, GateFact(target, module.path, line)) for target in targets if target]
    installed = _installed_csrf_plugin(module, call) if call.method == "install" and call.node.args else None
    if installed is not None and module.imports_any("bottle"):
        # `app.install(CsrfPlugin())`: a Bottle plugin that wraps every route of the app in a token check.
        name = module.qualified_name(installed.func, scope) or ast.unparse(installed.func)
        owner = object_name(module, call.receiver, scope) if call.receiver is not None else None
        owners = [owner or ""]
        if not owner and call.receiver is not None:
            # `for m in (account, checkout): m.app.install(plugin)`: the apps the loop reaches, each by name;
            # a loop over what is known only at run time reaches apps not known by name.
            owners = [o for o in _looped_objects(module, call.receiver, scope) if o] or [ANY_CHILD]
        return [
            (PROTECTION, ProtectionFact(f"{BOTTLE_PLUGIN} {last(name)}", each, module.path, line)) for each in owners
        ]
    if call.method == "before_request" and call.node.args and _names_csrf(call.node.args[0]):
        # `api.before_request(csrf_request_handler)`: the app's own token check runs before every view.
        return [(PROTECTION, ProtectionFact(f"before_request {ast.unparse(call.node.args[0])}", "", module.path, line))]
    if callee.split(".", 1)[0] in module.project_roots and last(callee).lstrip("_")[:1].isupper():
        # `app = ShopFlask(__name__)`: an app if the project's class is built on Flask's (decided later).
        name = owner_of(module, call)
        prefix = string(call.arg(keyword="url_prefix")) or ""
        given = bool(call.node.args or call.node.keywords)
        made = [(INSTANCE, InstanceFact(name, callee, prefix, module.path, line, given))] if name else []
        return made + _limit_target(module, call)
    return _limit_target(module, call)


def _child_name(module: Module, expr: ast.expr, scope: Function | None) -> str | None:
    """The project-wide name of a registered blueprint; `pkg.views.make_bp()` for what a factory returns."""
    if isinstance(expr, ast.Call):
        callee = module.qualified_name(expr.func, scope)
        return f"{callee}()" if callee else None
    return object_name(module, expr, scope)


def _factory_aliases(module: Module, owners: set[str]) -> list[tuple[str, object]]:
    """`def construct_blueprint(store): bp = Blueprint(...); ...; return bp`: `pkg.mod.construct_blueprint()`
    is another name for `pkg.mod.construct_blueprint.bp`, so mounting what the factory returns mounts it."""
    found: list[tuple[str, object]] = []
    for function in module.functions.values():
        returned = {
            object_name(module, node.value, function)
            for node in ast.walk(function.node)
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Name)
        }
        made = sorted(name for name in returned if name in owners)
        if len(made) == 1:
            found.append((ALIAS, AliasFact(f"{module.global_name(function)}()", made[0])))
    return found


def _converters(module: Module) -> list[tuple[str, object]]:
    """`app.url_map.converters["uuid_str"] = StrictUUIDConverter`: the class that reads `<uuid_str:x>`."""
    found: list[tuple[str, object]] = []
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Attribute)
            and target.value.attr == "converters"
            and isinstance(target.value.value, ast.Attribute)
            and target.value.value.attr == "url_map"
        ):
            name = string(target.slice)
            cls = module.qualified_name(node.value) or ""
            if name and cls:
                found.append((CONVERTER, ConverterFact(name, cls if "." in cls else f"{module.module_name}.{cls}")))
    return found


def _member(constructor: str) -> str:
    """The family member whose constructor made an app or blueprint: its owner carries that name."""
    return next(f.name for f in FAMILY if constructor in f.apps or constructor in f.routers)


#: Flask-RESTful and Flask-RESTX: an `Api` wraps an app or blueprint, and `add_resource` routes a class's
#: `get`/`post`/... methods, as `add_url_rule(..., view_func=Resource.as_view(...))` would.
RESOURCE_APIS = frozenset({"flask_restful.Api", "flask_restx.Api", "flask_restplus.Api", "flask_smorest.Api"})
#: flask-smorest's blueprints route `MethodView` classes as well as functions: `@blp.route("/")` on a class.
_CLASS_ROUTERS = frozenset({"flask_smorest.Blueprint"})


def _resource_api_call(module: Module, receiver: ast.expr, scope: Function) -> ast.Call | None:
    """The `Api(...)` call that made the object a name holds, when one call made it: in the function that
    uses it (an app factory's `api = Api(app)`), else at module level."""
    if not isinstance(receiver, ast.Name):
        return None
    value = bound_value(module, scope, receiver)
    if isinstance(value, ast.Call) and _is_resource_api(module, module.qualified_name(value.func, scope)):
        return value
    return None


def _is_resource_api(module: Module, callee: str | None) -> bool:
    """`Api(...)`, or the project's own subclass of it made in this module (`class SurveyApi(Api)` that
    overrides `handle_error`)."""
    if not callee:
        return False
    if callee in RESOURCE_APIS:
        return True
    prefix = f"{module.module_name}." if module.module_name else ""
    cls = module.classes.get(callee[len(prefix) :]) if callee.startswith(prefix) else None
    return cls is not None and derives_from(module, cls, tuple(RESOURCE_APIS))


def _resource_api(module: Module, call: Call) -> list[tuple[str, object]]:
    """`api = Api(blueprint, prefix="/v1", decorators=[limiter.limit("5/minute")])`: a router mounted on what it
    wraps, with the limits its decorators put on every resource."""
    name = owner_of(module, call)
    if not name:
        return []
    line = call.node.lineno
    prefix = string(call.arg(keyword="prefix")) or ""
    decorators = call.arg(keyword="decorators")
    limits = tuple(
        short_source(d)
        for d in (decorators.elts if isinstance(decorators, (ast.List, ast.Tuple)) else ())
        if is_limit_name(ast.unparse(d.func if isinstance(d, ast.Call) else d))
    )
    found: list[tuple[str, object]] = [
        (OWNER, OwnerFact("flask", "blueprint", name, prefix, module.path, line, limits=limits))
    ]
    wrapped = call.arg(0, "app")
    parent = object_name(module, wrapped, call.scope) if wrapped is not None else None
    if parent:
        found.append((MOUNT, MountFact("flask", parent, name, "\0", module.path, line)))
    return found


def _api_mount(module: Module, call: Call) -> list[tuple[str, object]]:
    """`api.init_app(app)`: the Api's resources are served by that app."""
    api = object_name(module, call.receiver, call.scope) if call.receiver is not None else None
    parent = object_name(module, call.node.args[0], call.scope) if call.node.args else None
    if not api or not parent:
        return []
    return [(MOUNT, MountFact("flask", parent, api, "\0", module.path, call.node.lineno))]


def _resources(module: Module, call: Call, api: ast.Call) -> list[tuple[str, object]]:
    """`api.add_resource(ProjectHandler, "/projects/<id>", "/p/<id>")`: one route per path to the class."""
    owner = object_name(module, call.receiver, call.scope) if call.receiver is not None else None
    resource = call.node.args[0] if call.node.args else None
    if not owner or resource is None:
        return []
    view = module.qualified_name(resource, call.scope) or object_name(module, resource, call.scope) or ""
    paths = [string(a) for a in call.node.args[1:]] + list(strings(call.arg(keyword="urls")) or ())
    decorators = next((k.value for k in api.keywords if k.arg == "decorators"), None)
    exempt = api.lineno if decorators is not None and _names_csrf_exemption(decorators) else 0
    return [
        (ROUTE, RouteFact("flask", owner, path, (), view, module.path, call.node.lineno, csrf_exempt=exempt))
        for path in paths
        if path is not None and view
    ]


#: Flask-RESTX namespaces: `ns = Namespace("fuel")`, resources routed on it by `@ns.route("/cards/<n>")`,
#: the namespace added to an `Api` by `api.add_namespace(ns, path="/fuel")`.
_NAMESPACES = frozenset({"flask_restx.Namespace", "flask_restplus.Namespace"})


def _namespace(module: Module, call: Call) -> list[tuple[str, object]]:
    """`ns = Namespace("fuel", path="/fuel")`: a router whose own prefix is its path, "/" and its name by
    default."""
    name = owner_of(module, call)
    if not name:
        return []
    path = string(call.arg(keyword="path"))
    if path is None:
        first = string(call.arg(0, "name"))
        path = f"/{first}" if first else ""
    return [(OWNER, OwnerFact("flask", "blueprint", name, path.rstrip("/"), module.path, call.node.lineno))]


def _namespace_mount(module: Module, call: Call) -> list[tuple[str, object]]:
    """`api.add_namespace(ns, path="/fuel")`: the namespace's resources are the Api's, under the path given
    (which replaces the namespace's own)."""
    api = object_name(module, call.receiver, call.scope) if call.receiver is not None else None
    child = object_name(module, call.node.args[0], call.scope)
    if not api or not child:
        return []
    path = string(call.arg(1, "path"))
    prefix = "\0" if path is None else path.rstrip("/")
    return [(MOUNT, MountFact("flask", api, child, prefix, module.path, call.node.lineno))]


def _namespace_routes(module: Module) -> list[tuple[str, object]]:
    """`@ns.route("/cards/<card_number>")` (or `@api.route(...)` on the Api itself) on a `Resource` class: one
    route per path to the class, whose `get`/`post`/... methods answer it."""
    found: list[tuple[str, object]] = []
    scope = module.module_function
    for cls in module.classes.values():
        for deco, receiver, rules in class_routes(cls):
            made = bound_value(module, scope, receiver) if isinstance(receiver, ast.Name) else None
            if not (
                isinstance(made, ast.Call)
                and module.qualified_name(made.func, scope) in _NAMESPACES | RESOURCE_APIS | _CLASS_ROUTERS
            ):
                continue
            owner = object_name(module, receiver, scope)
            view = f"{module.module_name}.{cls.qualname}" if module.module_name else cls.qualname
            if owner:
                found.extend(
                    (ROUTE, RouteFact("flask", owner, rule, (), view, module.path, deco.lineno)) for rule in rules
                )
    return found


def _names_csrf_exemption(decorators: ast.expr) -> bool:
    """`decorators=[csrf.exempt]`: every resource is exempt from Flask-WTF's CSRF check."""
    return any(
        isinstance(d, ast.Attribute)
        and d.attr == "exempt"
        and _names_csrf(d.value)
        or _names_csrf(d)
        and "exempt" in ast.unparse(d)
        for d in (decorators.elts if isinstance(decorators, (ast.List, ast.Tuple)) else ())
    )


def _loop_items(module: Module, name: str, scope: Function | None) -> list[ast.expr] | None:
    """The items `for name in (...)` runs over in the scope: a tuple or list written there or bound once to a
    name (`for m in STOREFRONT_MODULES:`); None when the loop runs over anything else, or there is none."""
    if scope is None:
        return None
    for loop in ast.walk(scope.node):
        if not (isinstance(loop, ast.For) and isinstance(loop.target, ast.Name) and loop.target.id == name):
            continue
        items = loop.iter
        if isinstance(items, ast.Name):
            bound = module.bound_value(items.id, scope)
            items = bound[0] if bound is not None else items
        return list(items.elts) if isinstance(items, (ast.Tuple, ast.List)) else None
    return None


def _looped_objects(module: Module, expr: ast.expr, scope: Function | None) -> list[str | None]:
    """`m.app` where `for m in STOREFRONT_MODULES:`: the object names of `account.app`, `checkout.app`, ... for
    each item."""
    base = expr
    attrs: list[str] = []
    while isinstance(base, ast.Attribute):
        attrs.append(base.attr)
        base = base.value
    items = _loop_items(module, base.id, scope) if isinstance(base, ast.Name) else None
    found = []
    for item in items or ():
        rebuilt: ast.expr = item
        for attr in reversed(attrs):
            rebuilt = ast.Attribute(value=rebuilt, attr=attr, ctx=ast.Load())
        found.append(object_name(module, rebuilt, scope))
    return found


def _installed_csrf_plugin(module: Module, call: Call) -> ast.Call | None:
    """The CSRF plugin an `install(...)` call is given: `install(CsrfPlugin())`, or `install(plugin)` inside
    `for plugin in (DbPlugin(db), CSRFPlugin()):`."""
    given = call.node.args[0]
    if isinstance(given, ast.Call):
        return given if _names_csrf(given.func) else None
    items = _loop_items(module, given.id, call.scope) if isinstance(given, ast.Name) else None
    return next((e for e in items or () if isinstance(e, ast.Call) and _names_csrf(e.func)), None)


def _names_csrf(node: ast.expr) -> bool:
    text = ast.unparse(node).lower()
    return "csrf" in text or "xsrf" in text


def _limit_target(module: Module, call: Call) -> list[tuple[str, object]]:
    """`limiter.limit("10/minute")(auth_bp)` and `limiter.exempt(health_bp)`."""
    func = call.node.func
    if (
        isinstance(func, ast.Call)
        and isinstance(func.func, ast.Attribute)
        and func.func.attr in ("limit", "shared_limit")
    ):
        exempt = False
    elif isinstance(func, ast.Attribute) and func.attr == "exempt" and "limit" in ast.unparse(func.value).lower():
        exempt = True
    else:
        return []
    if not call.node.args:
        return []
    target = object_name(module, call.node.args[0], call.scope)
    return [(LIMIT_TARGET, LimitTargetFact(target, exempt, module.path, call.node.lineno))] if target else []


def _url_rule(module: Module, call: Call) -> list[RouteFact]:
    rule = string(call.arg(0, "rule"))
    view = call.arg(2, "view_func")
    if rule is None or view is None:
        return []
    owner = object_name(module, call.receiver, call.scope) or ""
    endpoint = string(call.arg(1, "endpoint"))
    if isinstance(view, ast.Call) and isinstance(view.func, ast.Attribute) and view.func.attr == "as_view":
        endpoint = endpoint or string(view.args[0] if view.args else None)
        view = view.func.value
    name = module.qualified_name(view, call.scope) or object_name(module, view, call.scope) or ""
    methods = upper_methods(call.arg(keyword="methods"))
    fact = RouteFact("flask", owner, rule, methods, name, module.path, call.node.lineno, url_name=endpoint or "")
    return [fact] if name else []


def _session_evidence(module: Module) -> tuple[str, int] | None:
    for call in module.calls:
        if call.callee in (
            "flask_login.login_user",
            "flask_login.LoginManager",
            "flask_session.Session",
            "flask_security.Security",  # Flask-Security-Too: Flask-Login's session underneath
        ):
            return f"{last(call.callee)}()", call.node.lineno
    for function in module.all_functions():
        for node in ast.walk(function.node) if not function.is_module else ():
            if not isinstance(node, ast.Name):
                continue
            bound = module.binding(node.id, function)
            if bound is not None and bound in _SESSIONS:
                return bound, node.lineno
    return None


def inline_forms(module: Module) -> list[tuple[str, object]]:
    """POST forms inside template strings in Python (`render_template_string("<form ...")`)."""
    found: list[tuple[str, object]] = []
    for call in module.calls:
        name = last(call.callee) or call.method or ""
        if name not in _INLINE_TEMPLATES or not call.node.args:
            continue
        arg = call.node.args[0]
        if isinstance(arg, ast.Name):
            values = module.assignments.get(arg.id, [])
            arg = values[-1] if len(values) == 1 else arg
        text = string(arg)
        if text and "<form" in text.lower():
            dialect = "django" if module.imports_any("django") else "jinja"
            for form in template_forms(text, module.path, first_line=arg.lineno, owner_module=module.module_name):
                found.append((FORM, dataclasses.replace(form, dialect=dialect)))
    return found
