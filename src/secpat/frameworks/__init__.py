"""The framework model: facts about routes, views, protections and settings, read from code alone.

The per-file stage turns each Python file into plain, picklable facts
(`extract`) and each template into form facts (`forms.template_forms`); the
project stage joins them into one application model (`routes.build`). Nothing
here imports or runs the scanned project.

Layout: `record` and `known` hold what each framework is (one record per
framework module: `flask`, `django`, ...); `facts` the facts they file;
`syntax`, `environments` and `decorators` the readers they share; `views`
what a view does whatever its framework; `routes` the project stage. The
framework modules import only those shared readers, never this package or
`known`, so the registry can list them without an import circle.
"""

from __future__ import annotations

import ast

from secpat import names
from secpat.frameworks import known
from secpat.frameworks.facts import (
    ALIAS,
    ARGUMENT,
    DEPENDENCY_ALIAS,
    HEADER_READER,
    IDENTITY_FUNCTION_WORDS,
    INSTANCE,
    LIMITING,
    MOUNT,
    OWNER,
    PARAMETER,
    REQUEST_IDENTITY,
    ROUTE,
    SENDING,
    SEQUENCE,
    SESSION_READER,
    AliasFact,
    ArgumentFact,
    LimitingFact,
    ParameterFact,
    SendingFact,
    SequenceFact,
    SessionRelay,
)
from secpat.frameworks.syntax import is_limit_call, last, object_name, project_callee, short_source
from secpat.frameworks.views import annotated_dependency, destroying_facts, is_sender, view_facts
from secpat.model.module import Function, Module


def is_web_module(module: Module) -> bool:
    return module.imports_any(*known.union("roots"))


def serves_an_app(module: Module) -> bool:
    """The module makes an application object (`Flask(__name__)`, `FastAPI()`) or registers a route on
    one (`@app.route("/")`): it is the app, whatever its file name says (`debug_console.py`)."""
    if not is_web_module(module):
        return False
    if module.calls_to(*known.union("apps")):
        return True
    route_methods = known.union("route_decorators")
    return any(
        base and method in route_methods
        for function in module.functions.values()
        for base, _, method in (d.rpartition(".") for d in function.decorators)
    )


def limiting_facts(module: Module) -> list[tuple[str, object]]:
    """A LimitingFact for each function of the file that calls a rate limiter, or that locks an account or
    token once its failed attempts reach a maximum (`if user.failed_logins >= MAX_FAILED_LOGINS:`)."""
    found: dict[str, LimitingFact] = {}
    for call in module.calls:
        if not call.scope.is_module and is_limit_call(call.callee or "", call.method or "", call.node):
            name = module.global_name(call.scope)
            found.setdefault(name, LimitingFact(name, short_source(call.node), module.path, call.node.lineno))
    lowered = module.source.lower()
    if "fail" in lowered or "attempt" in lowered:
        for node in module.nodes:
            if isinstance(node, ast.Compare) and _counts_failures_to_a_limit(node):
                function = _innermost_function(module, node.lineno)
                if function is not None:
                    name = module.global_name(function)
                    what = f"lockout `{short_source(node)}`"
                    found.setdefault(name, LimitingFact(name, what, module.path, node.lineno))
    return [(LIMITING, fact) for fact in found.values()]


def _innermost_function(module: Module, line: int) -> Function | None:
    spans = [
        (f.node.lineno, getattr(f.node, "end_lineno", None) or f.node.lineno, f)
        for f in module.functions.values()
        if isinstance(f.node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    inside = [(start, f) for start, end, f in spans if start <= line <= end]
    return max(inside, key=lambda item: item[0])[1] if inside else None


def sending_facts(module: Module) -> list[tuple[str, object]]:
    """A SendingFact for each function of the file that sends mail or a text message, and for each that
    calls project functions named for sending (`mailer.send_reset_link(user)`): it sends if one of them
    does, which the project stage decides."""
    senders: set[str] = set()
    relays: dict[str, set[str]] = {}
    for call in module.calls:
        if call.scope.is_module or not any(w in (call.callee or call.method or "").lower() for w in _SENDING_WORDS):
            continue
        if is_sender(call.callee or "", call.method or "", call.node):
            senders.add(module.global_name(call.scope))
            continue
        func = call.node.func
        if isinstance(func, ast.Attribute) and func.attr in _TASK_QUEUE_METHODS:
            func = func.value  # `tasks.send_reset_code.delay(...)`: the task runs that function
        callee = project_callee(module, call.scope, func)
        if callee and any(w in last(callee).lower() for w in _SENDING_WORDS):
            relays.setdefault(module.global_name(call.scope), set()).add(callee)
    found: list[tuple[str, object]] = [(SENDING, SendingFact(name)) for name in sorted(senders)]
    found += [
        (SENDING, SendingFact(name, tuple(sorted(callees))))
        for name, callees in sorted(relays.items())
        if name not in senders
    ]
    return found


def session_reader_facts(module: Module) -> list[tuple[str, object]]:
    """The functions that read the session or the cookies of a request they are given (`async def
    get_admin_user(request: Request): return request.session.get("admin_user")`): a route that depends on
    one authenticates by cookie, whatever its own body reads."""
    found: list[tuple[str, object]] = _session_relays(module)
    if "session" not in module.source and "cookies" not in module.source and "cookie" not in module.source:
        return found
    for function in module.functions.values():
        node = function.node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not function.mentions(
            ("session", "cookies")
        ):
            continue
        args = node.args
        requests = {
            a.arg
            for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)
            if a.arg in ("request", "req") or _annotation_name(a.annotation) in _REQUEST_TYPES
        }
        reads = any(
            isinstance(n, ast.Attribute)
            and n.attr in ("session", "cookies", "COOKIES")  # Django's `request.COOKIES`
            and isinstance(n.value, ast.Name)
            and n.value.id in requests
            or isinstance(n, ast.Name)
            and n.id == "session"
            and module.binding("session", function) in _SESSION_OBJECTS
            for n in ast.walk(node)
        )
        if reads:
            found.append((SESSION_READER, module.global_name(function)))
            if function.name == "__init__" and function.class_name:
                # `Cart(request)`: a class that keeps the request's session reads it for whoever makes one.
                found.append((SESSION_READER, module.global_name(function).removesuffix(".__init__")))
    known_readers = {name for _, name in found}
    found.extend((SESSION_READER, name) for name in _flask_cookie_readers(module) if name not in known_readers)
    return found


#: The request objects of frameworks whose cookies a module reads through a global: `request.cookies`,
#: Bottle's `request.get_cookie(name)`.
_COOKIE_REQUESTS = frozenset({"flask.request", "quart.request", "bottle.request"})


def _session_relays(module: Module) -> list[tuple[str, object]]:
    """The module's top-level functions (with what their nested wrappers call) that call another module's
    project function named for the user or the session."""
    top = {id(f): f for f in _top_functions(module).values()}
    through: dict[int, set[str]] = {}
    for call in module.calls:
        if call.callee is None or not IDENTITY_FUNCTION_WORDS & set(names.words(last(call.callee))):
            continue
        scope: Function | None = call.scope
        while scope is not None and not scope.is_module and id(scope) not in top:
            scope = scope.parent
        if scope is None or scope.is_module:
            continue
        callee = project_callee(module, call.scope, call.node.func)
        if callee and module.local_function(callee) is None:
            through.setdefault(id(scope), set()).add(callee)
    return [
        (SESSION_READER, SessionRelay(module.global_name(top[key]), tuple(sorted(callees))))
        for key, callees in through.items()
    ]


def _flask_cookie_readers(module: Module) -> list[str]:
    """The module's top-level functions that, themselves, in a nested wrapper or through the module's own
    helpers, read the cookies of Flask's, Quart's or Bottle's `request` or Flask-Login's `current_user`: an
    API decorator that falls back to the browser's session (`resolve_api_user`) authenticates by cookie."""
    if "cookie" not in module.source and "current_user" not in module.source:
        return []
    top = _top_functions(module)

    def reads(function: Function) -> bool:
        for node in ast.walk(function.node):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("cookies", "get_cookie")
                and isinstance(node.value, ast.Name)
            ):
                if module.binding(node.value.id, function) in _COOKIE_REQUESTS:
                    return True
            elif isinstance(node, ast.Name) and node.id == "current_user":
                if module.binding("current_user", function) in (
                    "flask_login.current_user",
                    "quart_auth.current_user",
                    "flask_security.current_user",
                ):
                    return True
        return False

    return _with_callers(module, top, {name for name, f in top.items() if reads(f)})


def _top_functions(module: Module) -> dict[str, Function]:
    """The module's own functions, not methods or nested functions."""
    return {
        f.name: f for f in module.functions.values() if not f.class_name and (f.parent is None or f.parent.is_module)
    }


def _with_callers(module: Module, top: dict[str, Function], readers: set[str]) -> list[str]:
    """`readers` and the module's top-level functions that use one of them, directly or through another, or
    are made by one (`jwt_required = _require("access")`), as project-wide names."""
    made = {
        name: value.func.id
        for name, values in module.assignments.items()
        for value in values[-1:]
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
    }
    while True:
        readers |= {name for name, maker in made.items() if maker in readers}
        more = {
            name
            for name, f in top.items()
            if name not in readers and any(isinstance(n, ast.Name) and n.id in readers for n in ast.walk(f.node))
        }
        if not more:
            break
        readers |= more
    return [f"{module.module_name}.{name}" if module.module_name else name for name in sorted(readers)]


def request_identity_facts(module: Module) -> list[tuple[str, object]]:
    """Request attributes a middleware or hook of the project sets from the request's cookies or session
    (`request.subscriber = _load_subscriber(request)`, where `_load_subscriber` reads `request.COOKIES`): a
    view that reads one acts as the user the cookie names, as with Django's `request.user`."""
    if "cookie" not in module.source.lower() and "session" not in module.source:
        return []
    found: list[tuple[str, object]] = []
    for function in module.all_functions():
        if function.is_module or not {"request", "req"} & set(function.params):
            continue
        assigned = {
            t.id: node.value
            for node in ast.walk(function.node)
            if isinstance(node, ast.Assign)
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        for node in ast.walk(function.node):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in ("request", "req")
                    and _from_cookies(module, function, node.value, assigned)
                ):
                    found.append((REQUEST_IDENTITY, target.attr))
    return found


def _from_cookies(module: Module, function: Function, value: ast.expr, assigned: dict[str, ast.expr]) -> bool:
    """The value is read from the request's cookies or session: directly, through a local name bound once to
    such a read, or by a helper of the module that reads them (`_load_subscriber(request)`)."""
    for node in ast.walk(value):
        if _cookie_read(node):
            return True
        if isinstance(node, ast.Name) and node.id in assigned and assigned[node.id] is not value:
            if any(_cookie_read(n) for n in ast.walk(assigned[node.id])):
                return True
        if isinstance(node, ast.Call):
            helper = module.local_function(module.qualified_name(node.func, function))
            if helper is not None and any(_cookie_read(n) for n in ast.walk(helper.node)):
                return True
    return False


def _cookie_read(node: ast.AST) -> bool:
    """`request.COOKIES`, `request.cookies`, `request.session`, `request.get_cookie(...)`."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in ("COOKIES", "cookies", "session", "get_cookie", "get_signed_cookie")
        and isinstance(node.value, ast.Name)
        and node.value.id in ("request", "req")
    )


def header_reader_facts(module: Module) -> list[tuple[str, object]]:
    """The module's top-level functions that, themselves or in a function nested in them (a decorator's
    wrapper), read the request's Authorization header: a view they guard authenticates by header."""
    if "uthorization" not in module.source and "jwt" not in module.source.lower():
        return []
    top = _top_functions(module)
    readers = {name for name, f in top.items() if any(_reads_authorization(n) for n in ast.walk(f.node))}
    # Through the module's own helpers and decorators: `admin_required` wraps `jwt_required`, which reads it.
    return [(HEADER_READER, name) for name in _with_callers(module, top, readers)]


#: Flask-JWT-Extended's checks of the token a request carries in its header (or cookie, as configured).
_JWT_CHECKS = frozenset({"verify_jwt_in_request", "get_jwt_identity", "jwt_required"})


def _reads_authorization(node: ast.AST) -> bool:
    """`request.headers.get("Authorization")`, `request.headers["Authorization"]`, `request.authorization`,
    `verify_jwt_in_request()`."""
    if isinstance(node, ast.Attribute) and node.attr == "authorization":
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() == "authorization":
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in _JWT_CHECKS
    return False


def dependency_alias_facts(module: Module) -> list[tuple[str, object]]:
    """`CurrentUser = Annotated[User, Depends(get_current_user)]` at the top of a module: a route whose parameter
    is annotated with the alias depends on that function (`views._dependency_aliases`)."""
    if "Annotated" not in module.source:
        return []
    found: list[tuple[str, object]] = []
    for name, values in module.assignments.items():
        dependency = annotated_dependency(module, values[0]) if len(values) == 1 else None
        if dependency is not None:
            found.append((DEPENDENCY_ALIAS, AliasFact(f"{module.module_name}.{name}", dependency)))
    return found


def _annotation_name(annotation: ast.expr | None) -> str:
    """`Request` for `request: Request` or `request: web.Request`."""
    if isinstance(annotation, ast.Name):
        return annotation.id
    return annotation.attr if isinstance(annotation, ast.Attribute) else ""


#: The session objects frameworks hand out as globals: Flask's and Quart's `session`.
_SESSION_OBJECTS = frozenset({"flask.session", "quart.session"})
#: Annotations of a request object that carries the session and cookies.
_REQUEST_TYPES = frozenset({"Request", "HTTPConnection", "WebSocket"})


#: Words one of which every sending call's name holds (a cheap test before `is_sender`).
_SENDING_WORDS = ("send", "mail", "sms", "message", "queue", "deliver", "schedule", "twilio")
#: How task queues run a function later (Celery, RQ, Dramatiq, Huey): the function is what is called.
_TASK_QUEUE_METHODS = frozenset({"delay", "apply_async", "send_with_options", "enqueue", "schedule"})


_FAILURE_TALLIES = ("count", "attempt", "attemp", "tries", "times", "counter")
_MAXIMA = ("max", "limit", "threshold", "allowed")
#: What makes a tally of attempts one of logins, not of retries (`login_attempts`, not `attempt`).
_LOGIN_WORDS = ("login", "logon", "signin", "auth", "password")


def _counts_failures_to_a_limit(node: ast.Compare) -> bool:
    """A tally of failed attempts compared with a maximum: `failcount < maxfail`,
    `login_failed_attempts >= MAX_LOGIN_FAILED_ATTEMPTS`, `get_failcount() >= 5`."""
    if not all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq)) for op in node.ops):
        return False
    operands = [node.left, *node.comparators]
    texts = [_operand_text(o).lower() for o in operands]
    tally = [
        i
        for i, t in enumerate(texts)
        if ("fail" in t or "attempt" in t and any(w in t for w in _LOGIN_WORDS))
        and any(w in t for w in _FAILURE_TALLIES)
        and not any(w in t for w in _MAXIMA)
    ]
    if not tally:
        return False
    others = [o for i, o in enumerate(operands) if i not in tally]
    # `login_attempts >= MAX_LOGIN_ATTEMPTS`: login attempts (not said to be failed ones) against a named
    # maximum; `attempt < max_attempts` of a retry loop is not one.
    failed = any("fail" in texts[i] for i in tally)
    return any(
        any(w in _operand_text(o).lower() for w in _MAXIMA)
        or failed
        and isinstance(o, ast.Constant)
        and isinstance(o.value, int)
        and o.value >= 2
        for o in others
    )


def _operand_text(node: ast.expr) -> str:
    """The name a compared value goes by: `failcount` for `self.token.failcount` and `get_failcount()`."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def alias_facts(module: Module) -> list[tuple[str, object]]:
    """What a package's `__init__.py` re-exports from the project: a blueprint or router imported from the
    package is the object its own module made."""
    if not module.is_package or not module.module_name:
        return []
    return [
        (ALIAS, AliasFact(f"{module.module_name}.{local}", target))
        for local, target in module.imports.items()
        if target.split(".", 1)[0] in module.project_roots and target != f"{module.module_name}.{local}"
    ]


def sequence_facts(module: Module) -> list[tuple[str, object]]:
    """`ROUTE_TABLES = [auth.routes, account.routes]`: the objects of the project a module lists, for a loop in
    another module that registers each (`for table in ROUTE_TABLES: app.router.add_routes(table)`)."""
    if not module.module_name:
        return []
    found: list[tuple[str, object]] = []
    for name, values in module.assignments.items():
        value = values[0] if len(values) == 1 else None
        if not isinstance(value, (ast.List, ast.Tuple)) or not value.elts:
            continue
        if not all(isinstance(e, (ast.Name, ast.Attribute)) for e in value.elts):
            continue
        items = [object_name(module, e, None) for e in value.elts]
        if all(items) and all(i.split(".", 1)[0] in module.project_roots for i in items if i):
            found.append((SEQUENCE, SequenceFact(f"{module.module_name}.{name}", tuple(i for i in items if i))))
    return found


def extract(module: Module) -> list[tuple[str, object]]:
    """Every framework fact of one Python file."""
    from secpat.frameworks import (
        aiohttp,
        connexion,
        django,
        falcon,
        fastapi,
        flask,
        httpserver,
        litestar,
        ninja,
        pyramid,
        sanic,
        starlette,
        tornado,
    )

    facts: list[tuple[str, object]] = []
    facts.extend(django.settings_facts(module, serves_an_app(module)))
    facts.extend(limiting_facts(module))
    facts.extend(sending_facts(module))
    facts.extend(destroying_facts(module))
    facts.extend(alias_facts(module))
    facts.extend(sequence_facts(module))
    # A helper of views may live in a module that imports no framework (`Cart(request)` keeping its session).
    facts.extend(session_reader_facts(module))
    # A module that imports no web framework may still mount blueprints on an app or Api it is handed, or
    # register view classes with the AppBuilder it is handed.
    if (
        not is_web_module(module)
        and not module.imports_any("jinja2", "itsdangerous")
        and "register_blueprint" not in module.source
        and "add_view" not in module.source  # Flask-AppBuilder's `appbuilder.add_view(...)`, `add_view_no_menu`
        and "add_api" not in module.source
        and "includeme" not in module.functions  # Pyramid's `config.include()` hands it the configurator
        and not _takes_body_first(module)  # Connexion's operations: the document names them, not the module
    ):
        return facts
    facts.extend(view_facts(module))
    facts.extend(header_reader_facts(module))
    facts.extend(request_identity_facts(module))
    facts.extend(dependency_alias_facts(module))
    facts.extend(flask.facts(module))
    facts.extend(fastapi.facts(module))
    facts.extend(starlette.facts(module))
    facts.extend(django.facts(module))
    facts.extend(aiohttp.facts(module))
    facts.extend(httpserver.facts(module))
    facts.extend(litestar.facts(module))
    facts.extend(ninja.facts(module))
    facts.extend(pyramid.facts(module))
    facts.extend(tornado.facts(module))
    facts.extend(sanic.facts(module))
    facts.extend(falcon.facts(module))
    facts.extend(connexion.facts(module))
    facts.extend(passing_facts(module, facts))
    return facts


def _takes_body_first(module: Module) -> bool:
    """A module function handed a request's body as its first parameter (`def register(body)`), as Connexion
    calls the operations an OpenAPI document names."""
    return any(
        f.params[:1] == ["body"] and f.parent is not None and f.parent.is_module and not f.class_name
        for f in module.functions.values()
    )


def passing_facts(module: Module, facts: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Apps, blueprints and routers this file hands to project functions, and the parameters its own
    functions receive them by: `_register_blueprints(app)` in `create_app` mounts on that app."""
    receivers = {getattr(x, "parent", None) for kind, x in facts if kind == MOUNT}
    receivers |= {getattr(x, "owner", None) for kind, x in facts if kind == ROUTE}
    # Objects of the project's own classes may be apps too (`app = ShopFlask(__name__)`).
    owners = {getattr(x, "name", None) for kind, x in facts if kind in (OWNER, INSTANCE, ALIAS)}
    found: list[tuple[str, object]] = []
    received = {r.rsplit(".", 1)[-1] for r in receivers if r}  # the parameter names that may receive one
    for function in module.functions.values():
        if received.isdisjoint(function.params):
            continue
        # `cls._configure_blueprints(app)` passes `app` to the method's second parameter: `self` or `cls`
        # is bound first. A static method's parameters line up with the call's arguments.
        skipped = 1 if function.class_name and not _static(function) else 0
        if skipped and function.params[:1] not in (["self"], ["cls"]):
            continue
        name = module.global_name(function)
        found.extend(
            (PARAMETER, ParameterFact(name, param, position - skipped))
            for position, param in enumerate(function.params)
            if position >= skipped and f"{name}.{param}" in receivers
        )
    for call in module.calls:
        callee = call.callee
        if not callee or callee.split(".", 1)[0] not in module.project_roots:
            func = call.node.func
            own_method = (
                call.scope.class_name
                and isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id in ("self", "cls")
            )
            callee = project_callee(module, call.scope, func) if own_method else None  # `cls._register(app)`
            if not callee:
                continue
        passed = [(i, "", arg) for i, arg in enumerate(call.node.args)]
        passed += [(-1, kw.arg, kw.value) for kw in call.node.keywords if kw.arg]
        for position, keyword, arg in passed:
            if not isinstance(arg, ast.Name):
                continue
            value = object_name(module, arg, call.scope)
            if value and (value in owners or arg.id in module.imports):
                found.append((ARGUMENT, ArgumentFact(callee, position, keyword, value)))
    return found


def _static(function: Function) -> bool:
    node = function.node
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
        isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list
    )
