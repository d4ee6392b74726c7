"""Django (and Flask config) facts: settings modules and config classes, URL confs, DRF routers.

Settings are read, never imported: each statement is recorded with the branch
it sits under (`if ENV == "production":`, `if DEBUG:`), `from .base import *`
is recorded as a parent, and the project stage evaluates the chain per
environment (`effective`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from secpat.frameworks import flask
from secpat.frameworks.environments import (
    combine,
    dev_ranges,
    environment_of_name,
    file_environment,
    if_environments,
    in_ranges,
)
from secpat.frameworks.facts import (
    EXPR,
    MOUNT,
    OWNER,
    ROUTE,
    SETTINGS,
    SETTINGS_MODULE,
    FromEnvironment,
    MountFact,
    OwnerFact,
    Parent,
    RouteFact,
    Setting,
    SettingsFact,
    SettingsModuleFact,
)
from secpat.frameworks.record import HTML_BY_DEFAULT, URLCONF, Framework
from secpat.frameworks.syntax import block_statements, is_limit_name, last, object_name, string, value_of
from secpat.model.module import ClassInfo, Function, Module, literal_value

FRAMEWORK = Framework(
    name="django",
    title="Django / Django REST framework",
    roots=("django", "rest_framework"),
    routing=URLCONF,
    request_classes=("django.http.HttpRequest", "rest_framework.request.Request"),
    input_attributes=(
        "GET",
        "POST",
        "COOKIES",
        "FILES",
        "META",
        "body",
        "headers",
        "path",
        "path_info",
        "query_params",
        "data",
    ),
    input_methods=("get_full_path", "build_absolute_uri", "get_host", "read"),
    responses=tuple(
        (f"{where}.{name}", HTML_BY_DEFAULT)
        for where in ("django.http", "django.http.response")
        for name in (
            "HttpResponse",
            "HttpResponseBadRequest",
            "HttpResponseNotFound",
            "HttpResponseForbidden",
            "HttpResponseServerError",
            "HttpResponseGone",
        )
    ),
    json_responses=("JsonResponse",),
    page_renderers=("django.template.loader.render_to_string", "django.shortcuts.render"),
    template_strings=("django.template.Template",),
    answers=("django.http.JsonResponse", "rest_framework.response.Response"),
    user_messages=tuple(
        f"django.contrib.messages.{where}{name}"
        for where in ("", "api.")
        for name in ("add_message", "debug", "info", "success", "warning", "error")
    ),
    renderers=(
        "render",
        "render_to_string",
        "get_template",
        "select_template",
        "render_to_response",
        "TemplateResponse",
    ),
    csrf_builtin=True,
    csrf=("`CsrfViewMiddleware`", "`@csrf_exempt` and `csrf_exempt(view)`", "DRF `SessionAuthentication`"),
    limits=("django-ratelimit", "DRF throttles", "django-axes for logins", "limiting middleware"),
    sessions=("Django sessions and auth",),
)

#: Settings secpat reads; other names in a settings module are ignored.
KNOWN_SETTINGS = frozenset(
    {
        "DEBUG",
        "TESTING",
        "ALLOWED_HOSTS",
        "SECRET_KEY",
        "MIDDLEWARE",
        "MIDDLEWARE_CLASSES",
        "INSTALLED_APPS",
        "ROOT_URLCONF",
        "DATABASES",
        "TEMPLATES",
        "WSGI_APPLICATION",
        "AUTHENTICATION_BACKENDS",
        "SESSION_ENGINE",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "CSRF_TRUSTED_ORIGINS",
        "REMEMBER_COOKIE_SECURE",
        "REMEMBER_COOKIE_HTTPONLY",
        "QUART_AUTH_COOKIE_SECURE",
        "QUART_AUTH_COOKIE_HTTP_ONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
        "CORS_ALLOW_ALL_ORIGINS",
        "CORS_ORIGIN_ALLOW_ALL",
        "CORS_ALLOW_CREDENTIALS",
        "CORS_ALLOWED_ORIGINS",
        "CORS_ORIGIN_WHITELIST",
        "REST_FRAMEWORK",
        "ACCOUNT_RATE_LIMITS",  # django-allauth's own limits, on unless set to False
        "WTF_CSRF_ENABLED",
        "JWT_TOKEN_LOCATION",
        "JWT_COOKIE_CSRF_PROTECT",
        "JWT_COOKIE_SAMESITE",
        "RATELIMIT_DEFAULT",
        "RATELIMIT_APPLICATION",
        "RATELIMIT_ENABLE",
        "RATELIMIT_ENABLED",
        "AXES_ENABLED",
        "PREFERRED_URL_SCHEME",
        "ENV",
    }
)
#: Names that make a module look like Django settings even without a telling file name.
DJANGO_MARKERS = frozenset(
    {
        "INSTALLED_APPS",
        "MIDDLEWARE",
        "ROOT_URLCONF",
        "DATABASES",
        "TEMPLATES",
        "WSGI_APPLICATION",
        "ALLOWED_HOSTS",
        "MIDDLEWARE_CLASSES",
    }
)
_NOT_CONFIG_BASES = frozenset(
    {
        "BaseSettings",
        "BaseModel",
        "Model",
        "Form",
        "ModelForm",
        "Serializer",
        "ModelSerializer",
        "AppConfig",
        "TestCase",
        "Schema",
        "Enum",
    }
)
_URL_FUNCTIONS = frozenset({"path", "re_path", "url"})
_ROUTERS = frozenset(
    {
        "DefaultRouter",
        "SimpleRouter",
        "ExtendedSimpleRouter",
        "ExtendedDefaultRouter",
        "NestedSimpleRouter",
        "NestedDefaultRouter",
    }
)


# -- settings ------------------------------------------------------------------------------------


def settings_facts(module: Module, serves_app: bool) -> list[tuple[str, object]]:
    """A SettingsFact for a settings module, each config class, and `app.config` writes; settings-module names.
    `serves_app`: the module makes or routes an app, so its `app.config` is in force whatever its file name."""
    facts: list[tuple[str, object]] = []
    items = list(_module_items(module, module.tree.body, ""))
    if any(isinstance(i, Setting) for i in items) or any(isinstance(i, Parent) for i in items):
        facts.append(
            (
                SETTINGS,
                _settings_fact(module.module_name or module.path, module.path, 1, file_environment(module.path), items),
            )
        )
    for info in module.classes.values():
        fact = _config_class(module, info)
        if fact is not None:
            facts.append((SETTINGS, fact))
    app_config = list(_app_config_items(module))
    if app_config:
        name = f"{module.module_name or module.path}:app.config"
        # A module that makes the app configures it, whatever its name (`debug_console.py`).
        environment = "" if serves_app else file_environment(module.path)
        facts.append((SETTINGS, _settings_fact(name, module.path, app_config[0].line, environment, app_config)))
    for call in module.calls_to("os.environ.setdefault", "os.putenv"):
        key, value = string(call.arg(0)), string(call.arg(1))
        if key == "DJANGO_SETTINGS_MODULE" and value:
            facts.append((SETTINGS_MODULE, SettingsModuleFact(value, module.path, call.node.lineno)))
    return facts


def _settings_fact(
    name: str, path: str, line: int, environment: str, items: list, *, is_class: bool = False
) -> SettingsFact:
    return SettingsFact(
        name=name,
        file=path,
        line=line,
        environment=environment,
        items=tuple(items),
        is_class=is_class,
        has_prod_branch=any(getattr(i, "branch", "") == "prod" for i in items),
    )


def _module_items(module: Module, body: list[ast.stmt], branch: str) -> Iterator[object]:
    for stmt in body:
        if isinstance(stmt, ast.If):
            for block, kind in if_environments(stmt):
                yield from _module_items(module, block, combine(branch, kind))
        elif isinstance(stmt, ast.Try):
            yield from _module_items(module, stmt.body + stmt.orelse + stmt.finalbody, branch)
            for handler in stmt.handlers:
                yield from _module_items(module, handler.body, combine(branch, "other"))
        elif isinstance(stmt, ast.With):
            yield from _module_items(module, stmt.body, branch)
        elif isinstance(stmt, ast.ImportFrom) and any(a.name == "*" for a in stmt.names):
            target = module.resolve_relative(stmt.module, stmt.level)
            yield Parent(target, stmt.lineno, combine(branch, file_branch(target)))
        else:
            yield from _statement_settings(stmt, branch)


def file_branch(module_name: str) -> str:
    """A star import of `local_settings` / `settings.dev` only ever matters in development."""
    return "dev" if environment_of_name(module_name.rsplit(".", 1)[-1]) == "dev" else ""


def _statement_settings(stmt: ast.stmt, branch: str) -> Iterator[Setting]:
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            if isinstance(target, ast.Name) and target.id in KNOWN_SETTINGS:
                yield Setting(target.id, "set", value_of(stmt.value), stmt.lineno, branch)
            elif (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and target.value.id in KNOWN_SETTINGS
            ):
                key = string(target.slice)
                if key is not None:
                    yield Setting(target.value.id, "item", (key, value_of(stmt.value)), stmt.lineno, branch)
    elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id in KNOWN_SETTINGS:
        yield Setting(stmt.target.id, "add", value_of(stmt.value), stmt.lineno, branch)
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in KNOWN_SETTINGS:
            args = stmt.value.args
            if func.attr in ("append", "insert") and args:
                yield Setting(func.value.id, "add", [value_of(args[-1])], stmt.lineno, branch)
            elif func.attr == "extend" and args:
                yield Setting(func.value.id, "add", value_of(args[0]), stmt.lineno, branch)
            elif func.attr == "remove" and args:
                yield Setting(func.value.id, "remove", value_of(args[0]), stmt.lineno, branch)
            elif func.attr in ("update", "setdefault", "pop", "clear"):
                yield Setting(func.value.id, "unknown", EXPR, stmt.lineno, branch)


def _config_class(module: Module, info: ClassInfo) -> SettingsFact | None:
    """A Flask-style config class (`class ProductionConfig(Config): DEBUG = False`)."""
    if any(last(b) in _NOT_CONFIG_BASES for b in info.bases):
        return None
    items: list[object] = []
    for base in info.bases:
        if base not in ("object",):
            items.append(Parent(_class_name(module, base), info.line, ""))
    for stmt in info.node.body:
        items.extend(_statement_settings(stmt, ""))
    if not any(isinstance(i, Setting) for i in items):
        return None
    return _settings_fact(
        _class_name(module, info.qualname),
        module.path,
        info.line,
        environment_of_name(info.name) or file_environment(module.path),
        items,
        is_class=True,
    )


def _class_name(module: Module, name: str) -> str:
    if "." in name or not module.module_name:
        return name
    return f"{module.module_name}.{name}"


#: Names of the functions that make a project's application object.
_APP_FACTORIES = frozenset({"create_app", "make_app", "build_app", "app_factory", "create_application"})


def _made_by_app_factory(module: Module) -> bool:
    """`app = create_app()`: the module holds the app its project's factory makes."""
    return any(
        isinstance(stmt, ast.Assign)
        and isinstance(stmt.value, ast.Call)
        and _called_name(stmt.value.func) in _APP_FACTORIES
        for stmt in module.tree.body
    )


def _called_name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _app_config_items(module: Module) -> Iterator[Setting]:
    """`app.config["DEBUG"] = True`, `app.config.update(DEBUG=True)`, `app.debug = True` (Flask), also on an app
    the project's factory makes (`app = create_app()`, whatever the framework)."""
    if not module.imports_any(*flask.APP_PACKAGES) and not _made_by_app_factory(module):
        return
    ranges = dev_ranges(module)
    functions = sorted((f.line, getattr(f.node, "end_lineno", None) or f.line) for f in module.functions.values())
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            name = None
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Attribute)
                and target.value.attr == "config"
            ):
                name = string(target.slice)
            elif (
                isinstance(target, ast.Attribute)
                and target.attr in ("debug", "testing")
                and isinstance(target.value, ast.Name)
                and "app" in target.value.id
            ):
                name = target.attr.upper()
            if name in KNOWN_SETTINGS:
                # The innermost function around the write (0 at module level) groups it with its neighbours.
                around = max((start for start, end in functions if start <= node.lineno <= end), default=0)
                yield Setting(
                    name,
                    "set",
                    value_of(node.value),
                    node.lineno,
                    "dev" if in_ranges(node.lineno, ranges) else "",
                    around,
                )
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "from_mapping")
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "config"
        ):
            branch = "dev" if in_ranges(node.lineno, ranges) else ""
            for kw in node.keywords:
                if kw.arg in KNOWN_SETTINGS:
                    yield Setting(kw.arg, "set", value_of(kw.value), kw.value.lineno, branch, node.lineno)
            if node.args and isinstance(node.args[0], ast.Dict):
                for key, value in zip(node.args[0].keys, node.args[0].values):
                    setting = string(key)
                    if setting in KNOWN_SETTINGS:
                        yield Setting(setting, "set", value_of(value), value.lineno, branch, node.lineno)


# -- effective settings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A setting's value in one environment, and the statement that decided it."""

    value: object
    file: str
    line: int
    certain: bool  # False when an unknown condition or an unevaluated change may alter it
    #: A module star-imported after this value that secpat cannot see: it may replace the value, which
    #: is then only a default (`from superset_config import *` at the end of a defaults module).
    override: str = ""


@dataclass
class Environment:
    """The settings one environment runs with: a settings module or config class and what it inherits."""

    unit: SettingsFact
    values: dict[str, Value] = field(default_factory=dict)
    complete: bool = True  # every parent was found (so a missing setting is really missing)
    production: bool = False  # named as production, or has a production branch

    @property
    def name(self) -> str:
        return self.unit.name

    def get(self, name: str) -> Value | None:
        if name == "MIDDLEWARE" and name not in self.values:
            return self.values.get("MIDDLEWARE_CLASSES")  # Django before 1.10 reads only this one
        return self.values.get(name)


def settings_units(facts: Sequence[tuple[str, object]], settings_modules: set[str]) -> dict[str, SettingsFact]:
    """The facts that really are settings: named so, pointed at, related to another, or Django-shaped."""
    units = {f.name: f for _, f in facts if isinstance(f, SettingsFact)}
    related = {p.name for u in units.values() for p in u.items if isinstance(p, Parent)}
    chosen: dict[str, SettingsFact] = {}
    for name, unit in units.items():
        names_set = {i.name for i in unit.items if isinstance(i, Setting)}
        looks = (
            unit.is_class
            or ":app.config" in name
            or len(names_set & DJANGO_MARKERS) >= 1
            or len(names_set) >= 2
            or _settings_named(name)
            or name in settings_modules
            or name in related
            or any(isinstance(i, Parent) and i.name in units for i in unit.items)
        )
        if looks:
            chosen[name] = unit
    return chosen


def _settings_named(name: str) -> bool:
    parts = name.lower().replace("/", ".").split(".")
    return any(p in ("settings", "config", "conf", "configuration") or p.startswith("settings") for p in parts)


def environments(units: dict[str, SettingsFact]) -> list[Environment]:
    """Every environment that is not development-only and that no other such environment builds on, and every
    production one.

    `settings/base.py` is judged through `production.py` when one imports it; with only
    `development.py` on top of it, base itself is what production would run.
    """
    inherited: set[str] = set()
    for unit in units.values():
        if unit.environment == "dev":
            continue
        for item in unit.items:
            if isinstance(item, Parent) and item.branch != "dev":
                inherited.add(item.name)
    found = []
    for name in sorted(units):
        unit = units[name]
        # A production module another builds on (`staging.py` importing `production.py`) is still what
        # production runs.
        if unit.environment == "dev" or name in inherited and unit.environment != "prod":
            continue
        env = Environment(unit=unit)
        _evaluate(units, unit, env, set())
        env.production = unit.environment == "prod" or _has_prod_branch(units, unit, set())
        found.append(env)
    return found


def _has_prod_branch(units: dict[str, SettingsFact], unit: SettingsFact, seen: set[str]) -> bool:
    if unit.name in seen:
        return False
    seen.add(unit.name)
    if unit.has_prod_branch:
        return True
    return any(
        isinstance(p, Parent) and p.name in units and _has_prod_branch(units, units[p.name], seen) for p in unit.items
    )


def _evaluate(units: dict[str, SettingsFact], unit: SettingsFact, env: Environment, seen: set[str]) -> None:
    seen = seen | {unit.name}
    parents = [i for i in unit.items if isinstance(i, Parent)]
    if unit.is_class:
        # The first base wins in the MRO: apply the bases last-to-first, then the class body.
        for parent in reversed(parents):
            _apply_parent(units, parent, env, seen)
    for item in unit.items:
        if isinstance(item, Parent):
            if not unit.is_class:
                _apply_parent(units, item, env, seen)
        elif isinstance(item, Setting) and item.branch != "dev":
            _apply(env, unit, item)


def _apply_parent(units: dict[str, SettingsFact], parent: Parent, env: Environment, seen: set[str]) -> None:
    if parent.branch == "dev":
        return
    target = units.get(parent.name)
    if target is None or target.name in seen:
        if target is None:
            env.complete = False
            for name, value in env.values.items():
                if not value.override:
                    env.values[name] = replace(value, override=parent.name)
        return
    _evaluate(units, target, env, seen)


def _apply(env: Environment, unit: SettingsFact, item: Setting) -> None:
    certain = item.branch in ("", "prod")
    current = env.values.get(item.name)
    if item.op == "set":
        env.values[item.name] = Value(item.value, unit.file, item.line, certain)
    elif current is None:
        env.values[item.name] = Value(EXPR, unit.file, item.line, False)
    elif item.op == "add" and isinstance(current.value, (list, tuple)) and isinstance(item.value, (list, tuple)):
        env.values[item.name] = Value(
            [*current.value, *item.value], current.file, current.line, current.certain and certain, current.override
        )
    elif item.op == "add" and isinstance(current.value, (list, tuple)) and isinstance(item.value, FromEnvironment):
        # `ALLOWED_HOSTS += os.environ.get("EXTRA_HOSTS", "*").split(",")`: where the variable is not set, the
        # list holds the default too.
        default = item.value.default
        added = list(default) if isinstance(default, (list, tuple)) else [default]
        env.values[item.name] = Value(
            FromEnvironment([*current.value, *added]),
            unit.file,
            item.line,
            current.certain and certain,
            current.override,
        )
    elif item.op == "remove" and isinstance(current.value, (list, tuple)):
        kept = [v for v in current.value if v != item.value]
        env.values[item.name] = Value(kept, unit.file, item.line, current.certain and certain, current.override)
    elif item.op == "item" and isinstance(current.value, dict) and isinstance(item.value, tuple):
        key, value = item.value
        env.values[item.name] = Value(
            {**current.value, key: value}, current.file, current.line, current.certain and certain, current.override
        )
    else:
        env.values[item.name] = Value(EXPR, unit.file, item.line, False)


# -- URL confs -----------------------------------------------------------------------------------


def facts(module: Module) -> list[tuple[str, object]]:
    """Routes of a URL conf (`urlpatterns`), DRF routers and their registrations."""
    if not module.imports_any("django", "rest_framework"):
        return []
    found: list[tuple[str, object]] = []
    scope = module.module_function
    for call in module.calls:
        if last(call.callee) in _ROUTERS and call.scope.is_module:
            name = _assigned(module, call.node)
            if name:
                found.append((OWNER, OwnerFact("django", "drf-router", name, "", module.path, call.node.lineno)))
        elif call.method == "register" and call.scope.is_module and len(call.node.args) >= 2:
            prefix = string(call.arg(0))
            router = object_name(module, call.receiver, scope)
            viewset = module.qualified_name(call.arg(1), scope) or _local(module, call.arg(1))
            if prefix is not None and router and viewset:
                found.append((MOUNT, MountFact("django", router, viewset, prefix, module.path, call.node.lineno)))
    # `urlpatterns` may be set inside an `if` (a URL prefix from settings, DEBUG-only routes).
    for stmt in block_statements(module.tree.body):
        value = None
        if isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "urlpatterns" for t in stmt.targets
        ):
            value = stmt.value
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == "urlpatterns":
            value = stmt.value
        if value is not None:
            found.extend((ROUTE, r) for r in _patterns(module, value, ""))
    found.extend((ROUTE, r) for r in _named_pattern_lists(module))
    return found


#: How the URL conf of a list of patterns kept under another name is named: `accounts.urls:api_urlpatterns`.
#: Such a list is served only where some conf includes it (`include((api_urlpatterns, "accounts"))`).
NAMED_LIST = ":"


def _named_pattern_lists(module: Module) -> Iterator[RouteFact]:
    """Lists of URL patterns kept at module level under a name other than `urlpatterns` (`api_urlpatterns =
    [path("register/", ...)]`), each a URL conf of its own for another module to include by name."""
    for name, bound in module.assignments.items():
        if name == "urlpatterns" or len(bound) != 1 or not isinstance(bound[0], (ast.List, ast.Tuple)):
            continue
        if not any(
            isinstance(e, ast.Call) and last(module.qualified_name(e.func, module.module_function)) in _URL_FUNCTIONS
            for e in bound[0].elts
        ):
            continue
        owner = f"{module.module_name}{NAMED_LIST}{name}"
        for fact in _patterns(module, bound[0], ""):
            yield replace(fact, owner=owner)


def _assigned(module: Module, node: ast.Call) -> str | None:
    from secpat.frameworks.syntax import assigned_names

    hit = assigned_names(module).get(id(node))
    if hit is None:
        return None
    name, scope = hit
    return object_name(module, ast.Name(id=name), scope)


def _local(module: Module, expr: ast.expr | None) -> str | None:
    if isinstance(expr, ast.Name):
        return f"{module.module_name}.{expr.id}" if module.module_name else expr.id
    return None


def _patterns(module: Module, value: ast.expr, prefix: str, views: str = "") -> Iterator[RouteFact]:
    """Routes of a `urlpatterns` value. `views` is the prefix of the dotted view names of Django 1.x's
    `patterns("app.views", url(r"^x/$", "view"), (r"^y/$", "other"))`."""
    scope = module.module_function
    if isinstance(value, ast.BinOp):
        yield from _patterns(module, value.left, prefix, views)
        yield from _patterns(module, value.right, prefix, views)
    elif isinstance(value, ast.Call) and last(module.qualified_name(value.func, scope)) == "patterns" and value.args:
        views = string(value.args[0]) or ""
        for element in value.args[1:]:
            if isinstance(element, ast.Tuple) and element.elts and string(element.elts[0]) is not None:
                yield from _url_entry(
                    module,
                    ast.Call(func=value.func, args=list(element.elts), keywords=[], lineno=element.lineno),
                    prefix,
                    views,
                )
            else:
                yield from _patterns(module, element, prefix, views)
    elif isinstance(value, (ast.List, ast.Tuple)):
        for element in value.elts:
            yield from _patterns(module, element, prefix, views)
    elif isinstance(value, ast.Name) and value.id != "urlpatterns":
        # `urlpatterns = site_urls`: a list built under another name in this module
        bound = module.assignments.get(value.id, ())
        if len(bound) == 1 and isinstance(bound[0], (ast.List, ast.Tuple, ast.BinOp)):
            yield from _patterns(module, bound[0], prefix, views)
    elif isinstance(value, ast.Call) and last(module.qualified_name(value.func, scope)) == "i18n_patterns":
        # The same patterns under a language prefix (`/en/...`), which the client picks from a fixed set.
        for element in value.args:
            yield from _patterns(module, element, prefix, views)
    elif isinstance(value, ast.Attribute) and value.attr == "urls":
        router = object_name(module, value.value, scope)
        if router:
            yield RouteFact("django", module.module_name, prefix, (), "", module.path, value.lineno, include=router)
    elif isinstance(value, ast.Call) and last(module.qualified_name(value.func, scope)) in _URL_FUNCTIONS:
        yield from _url_entry(module, value, prefix, views)


def _url_entry(module: Module, call: ast.Call, prefix: str, views: str = "") -> Iterator[RouteFact]:
    scope = module.module_function
    route = _route_text(
        module, call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "route"), None)
    )
    view = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "view"), None)
    if route is None or view is None:
        return
    path = prefix + _clean(route)
    if isinstance(view, ast.Call) and last(module.qualified_name(view.func, scope)) == "include":
        yield from _include(module, view, path, call.lineno)
        return
    target = _view_target(module, view)
    dotted = string(view)
    if dotted:  # Django 1.x: the view named by its dotted path, after the `patterns()` prefix
        target.name = f"{views}.{dotted}" if views else dotted
    if target.name:
        yield RouteFact(
            "django",
            module.module_name,
            path,
            target.methods,
            target.name,
            module.path,
            call.lineno,
            action_map=target.action_map,
            limits=tuple(target.limits),
            csrf_exempt=target.exempt,
            url_name=string(next((k.value for k in call.keywords if k.arg == "name"), None)) or "",
        )


def _include(module: Module, call: ast.Call, path: str, line: int) -> Iterator[RouteFact]:
    scope = module.module_function
    arg = call.args[0] if call.args else None
    if isinstance(arg, ast.Tuple) and arg.elts:
        arg = arg.elts[0]
    target = string(arg)
    if target is None and isinstance(arg, ast.Attribute) and arg.attr == "urls":
        target = object_name(module, arg.value, scope)  # a DRF router, or an admin site
    elif target is None and isinstance(arg, (ast.Name, ast.Attribute)):
        target = module.qualified_name(arg, scope)
    elif isinstance(arg, ast.List):
        yield from _patterns(module, arg, path)
        return
    if (
        isinstance(arg, ast.Name)
        and len(module.assignments.get(arg.id, ())) == 1
        and isinstance(module.assignments[arg.id][0], (ast.List, ast.Tuple))
    ):
        yield from _patterns(module, module.assignments[arg.id][0], path)  # `include(patterns_user)`: a list here
        return
    if target and not target.startswith("django.contrib.admin"):
        yield RouteFact("django", module.module_name, path, (), "", module.path, line, include=target)


#: Django's translation functions: a URL pattern translated (`path(_("about/"), ...)`) keeps the groups
#: of the text it translates.
_TRANSLATIONS = frozenset(
    {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ugettext", "ugettext_lazy", "gettext_noop"}
)


def _route_text(module: Module, node: ast.expr | None) -> str | None:
    """A URL pattern's text: a literal, a translation of one (`pgettext("urls", "signin/")`), or literals
    joined by `%`, `+` or an f-string (`r"^%s$" % _("register/")`)."""
    text = string(node)
    if text is not None or node is None:
        return text
    if isinstance(node, ast.Call) and last(module.qualified_name(node.func, module.module_function)) in _TRANSLATIONS:
        return string(node.args[-1]) if node.args else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _route_text(module, node.left), _route_text(module, node.right)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        template = string(node.left)
        parts = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        texts = [_route_text(module, part) for part in parts]
        if template is None or None in texts or template.count("%s") != len(texts) or "%" in template.replace("%s", ""):
            return None
        return template % tuple(texts)
    if isinstance(node, ast.JoinedStr):
        pieces = [_route_text(module, v.value if isinstance(v, ast.FormattedValue) else v) for v in node.values]
        return None if None in pieces else "".join(p or "" for p in pieces)
    return None


def _clean(route: str) -> str:
    return route.lstrip("^").rstrip("$")


@dataclass
class _Target:
    name: str = ""
    methods: tuple[str, ...] = ()
    action_map: tuple[tuple[str, str], ...] = ()
    limits: list[str] = field(default_factory=list)
    exempt: int = 0


def _view_target(module: Module, view: ast.expr) -> _Target:
    """Unwrap `csrf_exempt(...)`, `ratelimit(...)(...)`, `X.as_view(...)` around a view in a URL conf."""
    scope: Function = module.module_function
    target = _Target()
    node = view
    while isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "as_view":
            mapping = literal_value(node.args[0]) if node.args else None
            if isinstance(mapping, dict):
                target.action_map = tuple(sorted((str(k).upper(), str(v)) for k, v in mapping.items()))
            node = func.value
            break
        if isinstance(func, ast.Call):  # `ratelimit(key="ip", rate="5/m")(view)`
            name = module.qualified_name(func.func, scope) or ""
            if is_limit_name(name):
                target.limits.append(ast.unparse(func))
        else:
            name = last(module.qualified_name(func, scope))
            if name == "csrf_exempt":
                target.exempt = node.lineno
            elif name in ("require_POST",):
                target.methods = ("POST",)
        if not node.args:
            return target
        node = node.args[0]
    target.name = module.qualified_name(node, scope) or _local(module, node) or ""
    return target
