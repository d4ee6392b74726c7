"""The framework model: facts about routes, views, protections and settings, read from code alone.

The per-file stage turns each Python file into plain, picklable facts
(`extract`) and each template into form facts (`templates.forms`); the project
stage joins them into one application model (`routes.build`). Nothing here
imports or runs the scanned project.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from secpat import names
from secpat.frameworks import known
from secpat.frameworks.facts import (
    AUTHENTICATES,
    CLASS,
    CREATES_USER,
    DEV_WORDS,
    ENV,
    EXPR,
    LIMITING,
    PROD_WORDS,
    SENDS_RESET,
    SETS_PASSWORD,
    STATE_CHANGING,
    VIEW,
    ClassFact,
    FormFact,
    LimitingFact,
    ViewFact,
)
from secpat.model.module import Call, ClassInfo, Function, Module, literal_value

# -- names and environments ----------------------------------------------------------------------


def environment_of_name(name: str) -> str:
    """`settings/development.py`, `TestingConfig` → dev; `production.py`, `ProdConfig` → prod."""
    words = set(names.words(name))
    if words & DEV_WORDS:
        return "dev"
    if words & PROD_WORDS:
        return "prod"
    return ""


def file_environment(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem == "__init__" and "/" in path:
        stem = path.rsplit("/", 2)[-2]
    found = environment_of_name(stem)
    if not found and "/" in path:
        # `testutils/settings.py`: a settings module kept with the test helpers runs the tests.
        folder = path.rsplit("/", 2)[-2]
        if any(w in DEV_WORDS or w.startswith("test") for w in names.words(folder)):
            return "dev"
    return found


def _string_environment(value: str) -> str:
    word = value.strip().lower()
    if word in DEV_WORDS or word in {"runserver", "pytest", "test"}:
        return "dev"
    if word in PROD_WORDS:
        return "prod"
    return ""


def _opposite(kind: str) -> str:
    return {"dev": "prod", "prod": "dev"}.get(kind, "other")


def _test_environment(test: ast.expr) -> str:
    """The environment the body of `if test:` runs in: dev, prod, or other."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _test_environment(test.operand)
        return _opposite(inner) if inner in ("dev", "prod") else "other"
    if isinstance(test, (ast.Name, ast.Attribute)):
        last = test.id if isinstance(test, ast.Name) else test.attr
        return "dev" if last.lower() in ("debug", "testing", "development") else "other"
    if isinstance(test, ast.Call):
        key = test.args[0] if test.args else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.upper() in ("DEBUG", "TESTING"):
            return "dev"
        return "other"
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compare_environment(test.left, test.ops[0], test.comparators[0])
    return "other"


def _compare_environment(left: ast.expr, op: ast.cmpop, right: ast.expr) -> str:
    if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
        literal = right if isinstance(right, ast.Constant) else left if isinstance(left, ast.Constant) else None
        if literal is None or not isinstance(literal.value, str):
            return "other"
        kind = _string_environment(literal.value) or "other"
        return _opposite(kind) if isinstance(op, (ast.NotEq, ast.IsNot)) else kind
    if isinstance(op, (ast.In, ast.NotIn)):
        if isinstance(left, ast.Constant) and isinstance(left.value, str):
            kind = _string_environment(left.value) or "other"  # `"test" in sys.argv`
        else:
            values = literal_value(right)
            if not isinstance(values, (list, tuple, set)) or not values:
                return "other"
            kinds = {_string_environment(v) if isinstance(v, str) else "" for v in values}
            kind = kinds.pop() if len(kinds) == 1 else ""
            kind = kind or "other"
        return _opposite(kind) if isinstance(op, ast.NotIn) else kind
    return "other"


def combine(outer: str, inner: str) -> str:
    """The environment of a block inside another: dev wins, then an unknown condition, then prod."""
    for kind in ("dev", "other", "prod"):
        if kind in (outer, inner):
            return kind
    return ""


def if_environments(node: ast.If) -> list[tuple[list[ast.stmt], str]]:
    """The blocks of an `if`/`elif`/`else` chain with the environment each runs in."""
    blocks: list[tuple[list[ast.stmt], str]] = []
    tested: list[str] = []
    current: ast.If | None = node
    while current is not None:
        kind = _test_environment(current.test)
        tested.append(kind)
        blocks.append((current.body, kind))
        orelse = current.orelse
        if len(orelse) == 1 and isinstance(orelse[0], ast.If):
            current = orelse[0]
            continue
        if orelse:
            # The `else:` of `if ENV == "production":` is development; of `if DEBUG:` it is production.
            blocks.append((orelse, "dev" if "prod" in tested else "prod" if "dev" in tested else "other"))
        current = None
    return blocks


def dev_ranges(module: Module) -> list[tuple[int, int]]:
    """Line ranges of development-only blocks anywhere in a file."""
    ranges: list[tuple[int, int]] = []
    for node in module.if_statements:
        for body, kind in if_environments(node):
            if kind == "dev" and body:
                ranges.append((body[0].lineno, body[-1].end_lineno or body[-1].lineno))
    return ranges


def in_ranges(line: int, ranges: list[tuple[int, int]]) -> bool:
    return any(first <= line <= last for first, last in ranges)


# -- module helpers ------------------------------------------------------------------------------


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


def assigned_names(module: Module) -> dict[int, tuple[str, Function]]:
    """id(value node) → (target name, scope) for every `name = <call>` in the file."""
    cached = module.__dict__.get("_fw_assigned")
    if cached is not None:
        return cached
    found: dict[int, tuple[str, Function]] = {}
    for function in module.all_functions():
        body = function.node.body if hasattr(function.node, "body") else []
        for stmt in _statements(body):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                found[id(stmt.value)] = (stmt.targets[0].id, function)
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                found[id(stmt.value)] = (stmt.target.id, function)
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):  # `with Configurator(...) as config:`
                for item in stmt.items:
                    if isinstance(item.optional_vars, ast.Name):
                        found[id(item.context_expr)] = (item.optional_vars.id, function)
    module.__dict__["_fw_assigned"] = found
    return found


def owner_of(module: Module, call: Call) -> str | None:
    """The name the object a constructor call makes is bound to (`app = Flask(__name__)` → `pkg.app`)."""
    hit = assigned_names(module).get(id(call.node))
    if hit is None:
        return None
    name, scope = hit
    return object_name(module, ast.Name(id=name), scope)


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt | ast.excepthandler]:
    """Statements of a body, descending into blocks but not into nested functions or classes."""
    stack: list[ast.stmt | ast.excepthandler] = list(reversed(body))
    while stack:
        stmt = stack.pop()
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody", "handlers"):
            block = getattr(stmt, name, None)
            if isinstance(block, list):
                stack.extend(reversed([s for s in block if isinstance(s, (ast.stmt, ast.excepthandler))]))


def local_names(function: Function) -> frozenset[str]:
    """Names a function assigns itself (its locals)."""
    cached = function.__dict__.get("_fw_locals")
    if cached is None:
        found = set(function.params)
        if not function.is_module:
            for stmt in _statements(function.body):
                targets = (
                    stmt.targets
                    if isinstance(stmt, ast.Assign)
                    else [stmt.target]
                    if isinstance(stmt, (ast.AnnAssign, ast.AugAssign))
                    else [item.optional_vars for item in stmt.items]
                    if isinstance(stmt, (ast.With, ast.AsyncWith))
                    else []
                )
                found.update(t.id for t in targets if isinstance(t, ast.Name))
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    found.add(stmt.name)  # a handler defined inside an app factory
        cached = function.__dict__["_fw_locals"] = frozenset(found)
    return cached


def object_name(module: Module, expr: ast.expr | None, scope: Function | None) -> str | None:
    """A stable project-wide name for the object an expression names: `pkg.app.app`, `pkg.create_app.app`."""
    if isinstance(expr, ast.Name):
        scope_fn = scope
        while scope_fn is not None and not scope_fn.is_module:
            if expr.id in local_names(scope_fn):
                return f"{module.global_name(scope_fn)}.{expr.id}"
            scope_fn = scope_fn.parent
        if expr.id in module.assignments:
            return f"{module.module_name}.{expr.id}" if module.module_name else expr.id
        return module.binding(expr.id, scope)
    if isinstance(expr, ast.Attribute):
        return module.qualified_name(expr, scope)
    return None


def decorated(module: Module) -> list[tuple[ast.AST, str, ast.Call]]:
    """(definition, project-wide name, decorator call) for every function and class decorated with a call."""
    targets = [(f.node, module.global_name(f), decorator_list(f)) for f in module.functions.values()]
    targets += [
        (c.node, f"{module.module_name}.{c.qualname}" if module.module_name else c.qualname, c.node.decorator_list)
        for c in module.classes.values()
    ]
    return [
        (node, name, deco) for node, name, decorators in targets for deco in decorators if isinstance(deco, ast.Call)
    ]


def decorator_list(function: Function) -> list[ast.expr]:
    """The decorators of a function as written (the module body has none)."""
    node = function.node
    return node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []


def parameters(function: Function) -> ast.arguments:
    """The parameters of a function as written (the module body has none)."""
    node = function.node
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return node.args
    return ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])


def header_value(headers: ast.AST | None, name: str) -> str | None:
    """The literal value of a header in a headers dict display (`{"Content-Type": "text/html"}`), any case."""
    if not isinstance(headers, ast.Dict):
        return None
    for key, value in zip(headers.keys, headers.values):
        found = literal_value(key) if key is not None else None
        if isinstance(found, str) and found.lower() == name.lower():
            text = literal_value(value)
            return text if isinstance(text, str) else None
    return None


def string(node: ast.AST | None) -> str | None:
    value = literal_value(node) if node is not None else None
    return value if isinstance(value, str) else None


def strings(node: ast.AST | None) -> tuple[str, ...] | None:
    value = literal_value(node) if node is not None else None
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def upper_methods(node: ast.AST | None) -> tuple[str, ...]:
    values = strings(node)
    return tuple(sorted({v.upper() for v in values})) if values else ()


def last(name: str | None) -> str:
    return name.rsplit(".", 1)[-1] if name else ""


def is_limit_name(name: str | None) -> bool:
    """`ratelimit`, `rate_limit`, `throttle`, `limiter.limit`, `RateLimiter`: names that promise a rate limit."""
    words = names.words(last(name) or "")
    joined = "".join(words)
    return (
        "ratelimit" in joined
        or "throttl" in joined
        or joined in ("limit", "sharedlimit", "ratelimiter", "limiter", "limits", "ratelimited")
    )


def has_default_limits(call: Call) -> bool:
    """A limiter constructed with limits for every route (`Limiter(default_limits=["100/hour"])`)."""
    for keyword in ("default_limits", "application_limits"):
        node = call.arg(keyword=keyword)
        if node is not None and literal_value(node, object()) not in ([], (), "", None):
            return True
    return False


#: Library calls that refuse an attempt while a lockout or throttle is in force (django-otp devices).
_LOCKOUT_CALLS = frozenset({"verify_is_allowed"})


def is_limit_call(callee: str, method: str, node: ast.Call) -> bool:
    """A call that applies a rate limit: `rate_limit(...)`, `is_ratelimited(...)`, `throttle(...)`,
    `limiter.hit(...)`. A bare `.limit(n)` is a query limit, not a rate limit."""
    name = last(callee) or method
    lowered = name.lower()
    if "limit" in lowered or "throttl" in lowered or name in _LOCKOUT_CALLS:
        words = names.words(name)
        joined = "".join(words)
        if set(words) & {"reset", "clear", "remove", "delete", "disable", "exempt", "classes"}:
            return False  # `throttle_reset()`, `get_throttle_classes()`: managing a limit, not applying one
        if "ratelimit" in joined or "throttl" in joined or name in _LOCKOUT_CALLS:
            return True
    if method not in ("hit", "test", "check", "limit", "consume", "acquire"):
        return False
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    return receiver is not None and "limiter" in ast.unparse(receiver).lower().replace("_", "")


def limiting_facts(module: Module) -> list[tuple[str, object]]:
    """A LimitingFact for each function of the file that calls a rate limiter."""
    found: dict[str, LimitingFact] = {}
    for call in module.calls:
        if not call.scope.is_module and is_limit_call(call.callee or "", call.method or "", call.node):
            name = module.global_name(call.scope)
            found.setdefault(name, LimitingFact(name, _short_source(call.node), module.path, call.node.lineno))
    return [(LIMITING, fact) for fact in found.values()]


def extract(module: Module) -> list[tuple[str, object]]:
    """Every framework fact of one Python file."""
    from secpat.frameworks import aiohttp, django, fastapi, flask, httpserver, litestar, pyramid, starlette

    facts: list[tuple[str, object]] = []
    facts.extend(django.settings_facts(module))
    facts.extend(limiting_facts(module))
    if not is_web_module(module) and not module.imports_any("jinja2", "itsdangerous"):
        return facts
    facts.extend(view_facts(module))
    facts.extend(flask.facts(module))
    facts.extend(fastapi.facts(module))
    facts.extend(starlette.facts(module))
    facts.extend(django.facts(module))
    facts.extend(aiohttp.facts(module))
    facts.extend(httpserver.facts(module))
    facts.extend(litestar.facts(module))
    facts.extend(pyramid.facts(module))
    return facts


# -- views ---------------------------------------------------------------------------------------

_BODY_ATTRIBUTES = frozenset({"POST", "FILES", "body", "form", "json", "get_json", "files", "data", "values", "stream"})
_REQUEST_NAMES = frozenset({"request", "req"})
_SENDERS = frozenset(
    {"send_mail", "send_mass_mail", "mail_admins", "sendmail", "send_message", "send_email", "send_sms"}
)
_SEND_OBJECTS = frozenset(
    {
        "mail",
        "email",
        "sms",
        "message",
        "messages",
        "code",
        "otp",
        "link",
        "reset",
        "verification",
        "invite",
        "invitation",
        "text",
        "magic",
        "activation",
        "confirmation",
    }
)
_SIGNATURE_WORDS = ("compare_digest", "signature", "construct_event", "verify_webhook", "webhook")
_PASSWORD_FORMS = {
    "OAuth2PasswordRequestForm": ("username", "password"),
    "OAuth2PasswordRequestFormStrict": ("username", "password"),
    "AuthenticationForm": ("username", "password"),
    "UserCreationForm": ("username", "password1", "password2"),
    "PasswordResetForm": ("email",),
    "SetPasswordForm": ("new_password1", "new_password2"),
    "PasswordChangeForm": ("old_password", "new_password1", "new_password2"),
}
_ENV_CALLS = ("getenv", "environ", "env", "config", "get_env", "getenv_bool")


@dataclass
class _ViewScan:
    writes: bool = False
    reads: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    sends: bool = False
    templates: list[str] = field(default_factory=list)
    session: bool = False
    signature: bool = False
    header_auth: bool = False
    csrf: bool = False
    json: bool = False
    form: bool = False
    limits: list[str] = field(default_factory=list)
    acts: set[str] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)
    identity: bool = False
    user_on_g: bool = False


#: Request attributes that name the logged-in user (Django's and Starlette's `user`, Pyramid's `identity`).
_IDENTITY_ATTRIBUTES = frozenset({"user", "auth", "identity", "authenticated_userid", "unauthenticated_userid"})


def _is_request(module: Module, expr: ast.expr, scope: Function) -> bool:
    if isinstance(expr, ast.Attribute) and expr.attr == "request":  # `self.request`
        return True
    if not isinstance(expr, ast.Name):
        return False
    if expr.id in _REQUEST_NAMES:
        return True
    bound = module.binding(expr.id, scope)
    return bound in ("flask.request", "quart.request")


def _is_flask_g(module: Module, expr: ast.expr, scope: Function) -> bool:
    """`g` in `g.user`: where a before_request hook keeps the user the session names."""
    return isinstance(expr, ast.Name) and module.binding(expr.id, scope) in ("flask.g", "quart.g")


def _scan_body(module: Module, function: Function) -> _ViewScan:
    scan = _ViewScan()
    # The body and parameter defaults; decorators belong to the route, not to what the view does.
    roots = [*function.body, parameters(function)]
    nodes = [n for root in roots for n in ast.walk(root)]
    # `request.session[k] = v` only stores into the session: it does not act as the user the cookie names.
    stored = {id(n.value) for n in nodes if isinstance(n, ast.Subscript) and isinstance(n.ctx, (ast.Store, ast.Del))}
    for node in nodes:
        if isinstance(node, ast.Attribute):
            _scan_attribute(module, function, node, scan)
            request = node.attr in _IDENTITY_ATTRIBUTES or node.attr == "session"
            if id(node) not in stored and (
                request and _is_request(module, node.value, function) or node.attr in ("COOKIES", "cookies")
            ):
                scan.identity = True
            elif "user" in node.attr and _is_flask_g(module, node.value, function):
                scan.user_on_g = True
        elif isinstance(node, ast.Call):
            _scan_call(module, function, node, scan)
        elif isinstance(node, ast.Subscript):
            key = string(node.slice)
            if key:
                scan.reads.add(key)
                if key in ("HTTP_AUTHORIZATION", "Authorization", "authorization"):
                    scan.header_auth = True
                if "csrf" in key.lower() or "xsrf" in key.lower():
                    scan.csrf = True
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "method":
            if any(string(c) in STATE_CHANGING for c in node.comparators) or any(
                (strings(c) or ()) and set(strings(c) or ()) & STATE_CHANGING for c in node.comparators
            ):
                scan.writes = True
        elif isinstance(node, ast.Name) and module.binding(node.id, function) in (
            "flask.session",
            "quart.session",
            "flask_login.current_user",
            "flask_login.login_user",
            "django.contrib.auth.login",
        ):
            scan.session = True
            scan.identity = scan.identity or id(node) not in stored
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
            scan.json = True
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in ("Authorization", "HTTP_AUTHORIZATION", "authorization")
        ):
            scan.header_auth = True
    return scan


def _switches(function: Function) -> tuple[str, ...]:
    """`if not settings.REGISTRATION: raise PermissionDenied` at the top of a view: the settings that switch
    the feature on. Without them the view refuses before doing anything."""
    found: list[str] = []
    for stmt in function.body[:3]:
        if not isinstance(stmt, ast.If) or not stmt.body or not isinstance(stmt.body[-1], (ast.Raise, ast.Return)):
            continue
        tests = (
            stmt.test.values if isinstance(stmt.test, ast.BoolOp) and isinstance(stmt.test.op, ast.Or) else [stmt.test]
        )
        for test in tests:
            if (
                isinstance(test, ast.UnaryOp)
                and isinstance(test.op, ast.Not)
                and isinstance(test.operand, ast.Attribute)
                and isinstance(test.operand.value, ast.Name)
                and test.operand.value.id == "settings"
                and test.operand.attr.isupper()
            ):
                found.append(test.operand.attr)
    return tuple(found)


def _scan_attribute(module: Module, function: Function, node: ast.Attribute, scan: _ViewScan) -> None:
    if _is_request(module, node.value, function):
        if node.attr in _BODY_ATTRIBUTES:
            scan.writes = True
        elif node.attr in ("user", "session", "auth", "cookies", "COOKIES"):
            scan.session = True
    elif node.attr == "data" and isinstance(node.value, ast.Attribute):
        scan.reads.add(node.value.attr)  # `form.password.data`
    elif node.attr == "COOKIES" or node.attr == "cookies":
        scan.session = True


def _scan_call(module: Module, function: Function, node: ast.Call, scan: _ViewScan) -> None:
    callee = module.qualified_name(node.func, function) or ""
    method = (
        node.func.attr
        if isinstance(node.func, ast.Attribute)
        else node.func.id
        if isinstance(node.func, ast.Name)
        else ""
    )
    lowered = (callee or method).lower()
    if method in ("get", "getlist", "pop", "get_all") and node.args:
        key = string(node.args[0])
        if key:
            scan.reads.add(key)
            if key.lower() == "cookie":  # `self.headers.get("Cookie")`: the request's cookies, read by hand
                scan.session = scan.identity = True
            if "csrf" in key.lower() or "xsrf" in key.lower():
                scan.csrf = True
    if method in known.union("renderers"):
        scan.templates.extend(_template_names(node))
    if method in known.union("json_responses") or last(callee) in known.union("json_responses"):
        scan.json = True
    if _is_sender(callee, method, node):
        scan.sends = True
    if any(word in lowered for word in _SIGNATURE_WORDS) or callee in ("hmac.new", "hmac.digest"):
        scan.signature = True
    if "csrf" in lowered or "xsrf" in lowered or method == "validate_on_submit":
        scan.csrf = True
    if last(callee) in ("Depends", "Security") and node.args:
        dependency = module.qualified_name(node.args[0], function) or ast.unparse(node.args[0])
        if "csrf" in dependency.lower():
            scan.csrf = True
        if _header_dependency(module, node.args[0]):
            scan.header_auth = True
        if dependency.split(".", 1)[0] in module.project_roots:
            scan.calls.add(dependency)  # what the dependency does, the route does
    if (
        last(callee) == "RateLimiter"
        or (callee.startswith("fastapi_limiter") and is_limit_name(callee))
        or is_limit_call(callee, method, node)
    ):
        scan.limits.append(_short_source(node))
    act = _act(callee, method, node)
    if act:
        scan.acts.add(act)
    if callee and callee.split(".", 1)[0] in module.project_roots:
        scan.calls.add(callee)
    # `tasks.add_task(send_reset_email, ...)`, `send_mail.delay(...)`: a sender handed on to run later
    for arg in (
        *node.args,
        node.func.value if method in ("delay", "apply_async") and isinstance(node.func, ast.Attribute) else None,
    ):
        if isinstance(arg, (ast.Name, ast.Attribute)):
            target = module.qualified_name(arg, function) or ast.unparse(arg)
            if _is_sender_name(last(target)):
                scan.sends = True
                reset = _act(target, last(target), None)
                if reset:
                    scan.acts.add(reset)
    if last(callee) in ("Cookie", "APIKeyCookie") or callee in _COOKIE_SESSION_READERS:
        scan.session = scan.identity = True
    if (
        last(callee) in ("Form", "File", "UploadFile")
        or method == "form"
        or last(callee) == "Body"
        and any(kind in ast.unparse(node) for kind in ("URL_ENCODED", "MULTI_PART"))
    ):  # Litestar's form bodies
        scan.form = True
    if method in ("authenticate", "login", "login_user", "check_password", "verify_password") or last(callee) in (
        "authenticate",
        "login_user",
    ):
        scan.session = scan.session or last(callee) in ("login", "login_user")
        scan.reads.update(kw.arg for kw in node.keywords if kw.arg)
    name = last(callee) or method
    if name[:1].isupper() and callee:
        if callee.split(".", 1)[0] in module.project_roots or "." not in callee:
            scan.models.add(callee)  # a project form or serializer: its fields are read
        scan.reads.update(_PASSWORD_FORMS.get(name, ()))
    if method == "is_valid" or method == "validate_on_submit":
        scan.writes = True


#: Calls that read the user the request's cookie names (aiohttp-session, aiohttp-security, the standard library).
_COOKIE_SESSION_READERS = frozenset(
    {
        "aiohttp_session.get_session",
        "aiohttp_security.authorized_userid",
        "aiohttp_security.check_authorized",
        "http.cookies.SimpleCookie",
    }
)
_HEADER_SCHEMES = frozenset(
    {
        "HTTPBearer",
        "OAuth2PasswordBearer",
        "OAuth2AuthorizationCodeBearer",
        "APIKeyHeader",
        "HTTPBasic",
        "HTTPDigest",
        "OpenIdConnect",
    }
)


def _header_dependency(module: Module, expr: ast.expr, depth: int = 0) -> bool:
    """`Depends(bearer)` where `bearer = HTTPBearer()`, or `Depends(current_user)` whose own parameters
    depend on one: the route authenticates from the Authorization header, not a cookie."""
    if depth > 3 or not isinstance(expr, ast.Name):
        return False
    for value in module.assignments.get(expr.id, ()):
        if isinstance(value, ast.Call) and last(module.qualified_name(value.func) or "") in _HEADER_SCHEMES:
            return True
    function = module.functions.get(expr.id)
    if function is None:
        return False
    args = parameters(function)
    for default in (*args.defaults, *(d for d in args.kw_defaults if d is not None)):
        if (
            isinstance(default, ast.Call)
            and default.args
            and last(module.qualified_name(default.func) or "") in ("Depends", "Security")
            and _header_dependency(module, default.args[0], depth + 1)
        ):
            return True
    return False


_SEND_VERBS = frozenset({"send", "queue", "enqueue", "deliver", "schedule"})
_AUTH_CALLS = frozenset(
    {
        "check_password",
        "check_password_hash",
        "verify_password",
        "check_login",
        "login_user",
        "verify_token",
        "check_credentials",
        "verify_credentials",
        "authenticate_user",
    }
)
_HASHER_WORDS = frozenset({"pwd", "password", "passwd", "hasher", "crypt", "bcrypt", "argon2", "ph", "passlib"})
_USER_WORDS = frozenset({"user", "users", "account", "accounts", "member", "customer"})
_RESET_WORDS = frozenset({"reset", "forgot", "forgotten", "recover", "recovery"})
#: Library forms and what handling one does.
_PASSWORD_SETTERS = frozenset(
    {"generate_password_hash", "make_password", "set_password", "hash_password", "hashpw", "get_password_hash"}
)
_FORM_ACTS = {
    "AuthenticationForm": AUTHENTICATES,
    "OAuth2PasswordRequestForm": AUTHENTICATES,
    "OAuth2PasswordRequestFormStrict": AUTHENTICATES,
    "UserCreationForm": CREATES_USER,
    "PasswordResetForm": SENDS_RESET,
}


def _act(callee: str, method: str, node: ast.Call | None) -> str:
    """What a call shows the view doing: checking credentials, creating a user, sending a reset token."""
    name = last(callee) or method
    if name in _FORM_ACTS:
        return _FORM_ACTS[name]
    words = set(names.words(name))
    if name in _AUTH_CALLS or "authenticate" in words:
        return AUTHENTICATES
    if (
        method == "verify"
        and node is not None
        and isinstance(node.func, ast.Attribute)
        and set(names.words(ast.unparse(node.func.value).replace(".", "_"))) & _HASHER_WORDS
    ):
        return AUTHENTICATES  # `pwd_context.verify(password, hashed)`, argon2's `ph.verify(hashed, password)`
    if words & _RESET_WORDS and words & {"token", "link", "code", "mail", "email", "password", "key"}:
        return SENDS_RESET
    if name in _PASSWORD_SETTERS:
        return SETS_PASSWORD  # hashes a password to store it: the view sets one, it does not check one
    if words & {"create", "register", "signup"} and words & _USER_WORDS or "signup" in words:
        return CREATES_USER
    if node is not None and method in ("create", "create_user") and isinstance(node.func, ast.Attribute):
        parts = ast.unparse(node.func.value).split(".")
        if parts[-1] == "objects" and len(parts) > 1:
            parts = parts[:-1]
        receiver = names.words(parts[-1])
        if receiver and (
            receiver[-1] in ("user", "users", "account", "accounts")
            or receiver[-1] in ("manager", "model", "service", "repository", "db")
            and set(receiver) & {"user", "users", "account", "accounts"}
        ):
            return CREATES_USER  # `User.objects.create(...)`, `user_manager.create(...)`, not `user.tokens.create()`
    return ""


def _is_sender_name(name: str) -> bool:
    words = names.words(name)
    return name in _SENDERS or bool(words) and words[0] in _SEND_VERBS and bool(set(words[1:]) & _SEND_OBJECTS)


def _is_sender(callee: str, method: str, node: ast.Call) -> bool:
    name = last(callee) or method
    if name in _SENDERS or callee.startswith(("django.core.mail.", "flask_mail.", "smtplib.", "sendgrid.", "twilio.")):
        return True
    if _is_sender_name(name):
        return True
    # `client.messages.create(...)` (Twilio), `EmailMessage(...).send()`, `mail.send(msg)`
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    if method == "create" and isinstance(receiver, ast.Attribute) and receiver.attr == "messages":
        return True
    if method == "send" and isinstance(receiver, (ast.Name, ast.Call, ast.Attribute)):
        text = ast.unparse(receiver).lower()
        return "mail" in text or "sms" in text or "message" in text
    return False


def _template_names(node: ast.Call) -> list[str]:
    found = []
    for arg in [*node.args[:2], *(kw.value for kw in node.keywords if kw.arg in ("template_name", "name"))]:
        value = string(arg)
        if value and "." in value and " " not in value:
            found.append(value)
        elif isinstance(arg, (ast.List, ast.Tuple)):
            found.extend(v for v in strings(arg) or () if "." in v)
    return found


def _param_reads(module: Module, function: Function) -> tuple[set[str], set[str], bool]:
    """Parameter names a view reads (FastAPI), the models their annotations name, and whether one of
    them is a body model (a class-typed parameter that is not a dependency or a form, query, … field)."""
    reads: set[str] = set()
    models: set[str] = set()
    body = False
    args = parameters(function)
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip(map(id, positional[len(positional) - len(args.defaults) :]), args.defaults))
    defaults.update((id(a), d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None)
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        if arg.arg in ("self", "cls", "request", "req", "response", "db", "session", "background_tasks"):
            continue
        reads.add(arg.arg)
        annotation = arg.annotation
        if isinstance(annotation, ast.Subscript):  # Annotated[Model, ...] / Optional[Model]
            annotation = annotation.slice.elts[0] if isinstance(annotation.slice, ast.Tuple) else annotation.slice
        name = module.qualified_name(annotation, function) if annotation is not None else None
        if name and last(name)[:1].isupper():
            if name.split(".", 1)[0] in module.project_roots or "." not in name:
                models.add(name)
                default = defaults.get(id(arg))
                marker = default.func if isinstance(default, ast.Call) else None
                body = (
                    body
                    or marker is None
                    and not _field_marker(arg.annotation)
                    or marker is not None
                    and last(module.qualified_name(marker, function) or "") == "Body"
                )
            reads.update(_PASSWORD_FORMS.get(last(name), ()))
    return reads, models, body


def _field_marker(annotation: ast.expr | None) -> bool:
    """`Annotated[User, Depends(current_user)]`, `Annotated[Filters, Query()]`: not a body."""
    return (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.slice, ast.Tuple)
        and any(isinstance(e, ast.Call) for e in annotation.slice.elts[1:])
    )


@dataclass
class _Decorations:
    methods: tuple[str, ...] = ()
    limits: list[str] = field(default_factory=list)
    limit_exempt: bool = False
    csrf_exempt: int = 0
    drf: bool = False
    drf_throttles: tuple[str, ...] | None = None
    session: bool = False
    staff: bool = False
    calls: set[str] = field(default_factory=set)


#: Words of a decorator, mixin or permission class that admits only staff, admins or permission holders.
STAFF_WORDS = frozenset({"staff", "admin", "administrator", "superuser", "permission", "permissions", "role", "roles"})


def is_staff_gate(name: str) -> bool:
    """`staff_member_required`, `permission_required`, `PermissionRequiredMixin`, `IsAdminUser`, `roles_required`."""
    words = set(names.words(last(name)))
    return bool(words & STAFF_WORDS) and not words & {"login", "any", "allow"}


def decorations(module: Module, function: Function) -> _Decorations:
    """What a function's decorators say: accepted methods, rate limits, exemptions."""
    found = _Decorations()
    for deco, name in zip(decorator_list(function), function.decorators):
        _read_decorator(module, function, deco, name, found)
    return found


def _unwrap_method_decorator(module: Module, deco: ast.expr, name: str, scope: Function) -> tuple[ast.expr, str]:
    if last(name) == "method_decorator" and isinstance(deco, ast.Call) and deco.args:
        inner = deco.args[0]
        target = inner.func if isinstance(inner, ast.Call) else inner
        return inner, module.qualified_name(target, scope) or ast.unparse(target)
    return deco, name


def _read_decorator(module: Module, function: Function, deco: ast.expr, name: str, found: _Decorations) -> None:
    deco, name = _unwrap_method_decorator(module, deco, name, function.parent or function)
    call = deco if isinstance(deco, ast.Call) else None
    short = last(name)
    receiver = name.rsplit(".", 1)[0].lower() if "." in name else ""
    if short in ("require_POST", "require_GET", "require_safe"):
        found.methods = {"require_POST": ("POST",), "require_GET": ("GET", "HEAD"), "require_safe": ("GET", "HEAD")}[
            short
        ]
    elif short == "require_http_methods" and call is not None and call.args:
        found.methods = upper_methods(call.args[0])
    elif short == "api_view":
        found.drf = True
        found.methods = upper_methods(call.args[0]) if call is not None and call.args else ("GET",)
    elif short == "permission_classes":  # DRF `@permission_classes([IsAdminUser])`
        values = call.args[0] if call is not None and call.args else None
        found.staff = isinstance(values, (ast.List, ast.Tuple)) and any(
            is_staff_gate(ast.unparse(e)) for e in values.elts
        )
    elif short == "throttle_classes":
        values = call.args[0] if call is not None and call.args else None
        found.drf_throttles = (
            tuple(last(ast.unparse(e)) for e in values.elts) if isinstance(values, (ast.List, ast.Tuple)) else ("?",)
        )
    elif short == "csrf_exempt" or (short == "exempt" and "csrf" in receiver):
        found.csrf_exempt = deco.lineno
    elif short == "exempt" and "limit" in receiver or name == "quart_rate_limiter.rate_exempt":
        found.limit_exempt = True
    elif short in ("login_required", "permission_required", "fresh_login_required") or "login_required" in short:
        found.session = True
        found.staff = found.staff or is_staff_gate(short)
    elif is_limit_name(name) and short not in ("limits",):
        found.limits.append("@" + _short_source(deco))
    elif is_staff_gate(short):
        found.session = found.staff = True
    elif name.split(".", 1)[0] in module.project_roots:
        found.calls.add(name)  # a project decorator: a limit inside it counts


def _short_source(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


def describe_view(module: Module, function: Function, framework: str = "") -> ViewFact:
    scan = _scan_body(module, function)
    reads, models, json_body = _param_reads(module, function)
    deco = decorations(module, function)
    # A Flask login decorator admits the user the app's auth layer names: the cookie's user only in an app
    # that keeps a cookie session (Flask-Login, `flask.session`), else a bearer token's (see `user_on_g`).
    flask = framework == "flask"
    return ViewFact(
        name=module.global_name(function),
        path=module.path,
        line=function.line,
        methods=deco.methods,
        writes=scan.writes,
        reads=tuple(sorted(scan.reads | reads)),
        models=tuple(sorted(scan.models | models)),
        sends=scan.sends,
        templates=tuple(dict.fromkeys(scan.templates)),
        session=scan.session or deco.session,
        acts=tuple(sorted(scan.acts)),
        calls=tuple(sorted(scan.calls | deco.calls)),
        staff=deco.staff,
        identity=scan.identity or deco.session and not flask,
        user_on_g=scan.user_on_g or deco.session and flask,
        switched_by=_switches(function),
        signature=scan.signature,
        header_auth=scan.header_auth,
        csrf_checked=scan.csrf,
        json=scan.json,
        form=scan.form,
        json_body=json_body and framework == "fastapi",
        limits=tuple(deco.limits + scan.limits),
        limit_exempt=deco.limit_exempt,
        csrf_exempt=deco.csrf_exempt,
        drf=deco.drf,
        drf_throttles=deco.drf_throttles,
        framework=framework,
    )


def module_framework(module: Module) -> str:
    for framework in known.frameworks():
        if module.imports_any(*framework.roots):
            return framework.name
    return ""


_ROUTING_CALLS = frozenset(
    {
        "add_url_rule",
        "path",
        "re_path",
        "url",
        "Route",
        "add_api_route",
        "add_route",
        "api_route",
        "as_view",
        "register",
        "add_get",
        "add_post",
        "add_put",
        "add_patch",
        "add_delete",
        "add_head",
        "add_view",
    }
)
#: aiohttp's route definitions in an `add_routes([...])` list: `web.get("/x", handler)`.
_ROUTE_DEFINITIONS = frozenset(
    f"aiohttp.web.{verb}" for verb in ("get", "post", "put", "patch", "delete", "head", "route", "view")
)
_VIEW_CLASS_WORDS = ("View", "ViewSet", "Resource", "Endpoint", "Handler", "API")


def _view_candidates(module: Module) -> list[tuple[Function, bool]]:
    """Functions that can serve a request, each with whether a routing call in this module names it:
    decorated ones (routes), those taking the request first, methods of view classes, and functions a
    routing call names. Describing every
    helper of a large code base as a possible view would cost more than the whole rest of the scan."""
    named: set[str] = set()
    for call in module.calls:
        if call.method in _ROUTING_CALLS or call.callee in _ROUTE_DEFINITIONS:
            for arg in (*call.node.args, *(k.value for k in call.node.keywords)):
                if isinstance(arg, ast.Name):
                    named.add(arg.id)
    view_classes = {
        c.qualname
        for c in module.classes.values()
        if any(base.rsplit(".", 1)[-1].endswith(_VIEW_CLASS_WORDS) for base in c.bases)
    }
    found = []
    for function in module.functions.values():
        params = [p for p in function.params if p not in ("self", "cls")]
        owner = function.qualname.rsplit(".", 1)[0] if function.class_name else None
        if (
            decorator_list(function)
            or function.name in named
            or (params and params[0] in ("request", "req"))
            or owner in view_classes
        ):
            found.append((function, function.name in named))
    return found


def view_facts(module: Module) -> list[tuple[str, object]]:
    """A ViewFact for every function that can serve a request, a ClassFact for every class."""
    framework = module_framework(module)
    facts: list[tuple[str, object]] = []
    for function, routed in _view_candidates(module):
        nested = function.parent is not None and not function.parent.is_module
        if nested and not decorator_list(function) and not routed:
            continue  # nested helpers are not views; decorated or routed ones are (routes inside an app factory)
        facts.append((VIEW, describe_view(module, function, framework)))
    for info in module.classes.values():
        facts.append((CLASS, class_fact(module, info)))
    return facts


_DIGESTED = (
    "throttle_classes",
    "throttle_scope",
    "authentication_classes",
    "template_name",
    "http_method_names",
    "methods",
    "serializer_class",
    "form_class",
    "permission_classes",
)


def class_fact(module: Module, info: ClassInfo) -> ClassFact:
    attributes: list[tuple[str, object]] = []
    for key in _DIGESTED:
        value = info.attributes.get(key)
        if value is None:
            continue
        if isinstance(value, (ast.List, ast.Tuple)):
            digested: object = tuple(module.qualified_name(e) or ast.unparse(e) for e in value.elts)
        else:
            literal = literal_value(value, EXPR)
            digested = literal if literal is not EXPR else (module.qualified_name(value) or EXPR)
        attributes.append((key, digested))
    fields = [
        stmt.target.id
        for stmt in info.node.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    ]
    fields.extend(name for name in info.attributes if not name.startswith("_"))
    limited: list[tuple[str, str]] = []
    exempt = 0
    for deco, name in zip(info.node.decorator_list, info.decorators):
        if last(name) != "method_decorator" or not isinstance(deco, ast.Call) or not deco.args:
            continue
        inner = deco.args[0]
        inner_name = module.qualified_name(inner.func if isinstance(inner, ast.Call) else inner) or ""
        target = string(next((kw.value for kw in deco.keywords if kw.arg == "name"), None)) or "*"
        if last(inner_name) == "csrf_exempt":
            exempt = deco.lineno
        elif is_limit_name(inner_name):
            limited.append(("*" if target == "dispatch" else target, "@" + _short_source(inner)))
    return ClassFact(
        name=f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname,
        path=module.path,
        line=info.line,
        bases=tuple(info.bases),
        methods=tuple(info.methods),
        fields=tuple(dict.fromkeys(fields)),
        attributes=tuple(attributes),
        actions=_actions(module, info),
        limited_methods=tuple(limited),
        exempt_line=exempt,
        csrf_off=_csrf_off(info),
        permission_gate=_permission_gate(info),
    )


_LOGIN_STATES = frozenset({"is_anonymous", "is_authenticated"})


def _permission_gate(info: ClassInfo) -> bool:
    """A DRF permission class that lets in only some logged-in users: `has_permission` looks at whether the
    user is logged in, and what it returns is more than that (`if request.user.is_anonymous: return False`
    then `return request.user.profile.can_add_user`). One that returns only the login state (`IsAuthenticated`)
    or always True admits anyone who signs up."""
    method = info.methods.get("has_permission")
    if method is None:
        return False
    nodes = list(ast.walk(method.node))
    if not any(isinstance(n, ast.Attribute) and n.attr in _LOGIN_STATES for n in nodes):
        return False
    returned = [n.value for n in nodes if isinstance(n, ast.Return) and n.value is not None]
    return any(not _login_state_only(value) for value in returned) and not any(
        isinstance(v, ast.Constant) and v.value is True for v in returned
    )


def _login_state_only(value: ast.expr) -> bool:
    """`False`, `request.user.is_authenticated`, `bool(request.user and request.user.is_authenticated)`."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "bool" and value.args:
        return _login_state_only(value.args[0])
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
        return _login_state_only(value.operand)
    if isinstance(value, ast.BoolOp):  # `request.user and request.user.is_authenticated`
        return all(_login_state_only(v) or isinstance(v, ast.Attribute) and v.attr == "user" for v in value.values)
    if isinstance(value, ast.Compare):  # `request.method in SAFE_METHODS`: read-only requests, whoever sends them
        return isinstance(value.left, ast.Attribute) and value.left.attr == "method"
    return isinstance(value, ast.Attribute) and value.attr in _LOGIN_STATES


def _actions(module: Module, info: ClassInfo) -> tuple[tuple[str, tuple[str, ...], bool, str], ...]:
    found = []
    for method in info.methods.values():
        for deco, name in zip(decorator_list(method), method.decorators):
            if last(name) != "action" or not isinstance(deco, ast.Call):
                continue
            keywords = {kw.arg: kw.value for kw in deco.keywords if kw.arg}
            verbs = upper_methods(keywords.get("methods")) or ("GET",)
            detail = literal_value(keywords["detail"]) is True if "detail" in keywords else False
            url_path = string(keywords.get("url_path")) or method.name
            found.append((method.name, verbs, detail, url_path))
    return tuple(found)


def _csrf_off(info: ClassInfo) -> int:
    """A `SessionAuthentication` subclass whose `enforce_csrf` returns without checking."""
    if not any(last(b) == "SessionAuthentication" for b in info.bases):
        return 0
    method = info.methods.get("enforce_csrf")
    if method is None:
        return 0
    body = [s for s in method.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if all(isinstance(s, (ast.Pass, ast.Return)) and getattr(s, "value", None) is None for s in body):
        return method.line
    return 0


def value_of(node: ast.expr) -> object:
    """A settings value: its literal, ENV when it is read from the environment, EXPR otherwise."""
    value = literal_value(node, EXPR)
    if value is not EXPR and _plain(value):
        return value
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            func = sub.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            text = ast.unparse(func).lower()
            if name in _ENV_CALLS or "environ" in text or "getenv" in text or text.startswith("env."):
                return ENV
        elif isinstance(sub, ast.Attribute) and sub.attr == "environ":
            return ENV
    return EXPR


def _plain(value: object) -> bool:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple, set)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


# -- templates -----------------------------------------------------------------------------------

_FORM_OPEN = re.compile(r"<form\b([^>]*)>", re.IGNORECASE)
_FORM_CLOSE = re.compile(r"</form\s*>", re.IGNORECASE)
_METHOD = re.compile(r"""\bmethod\s*=\s*["']?\s*([A-Za-z]+|\x00)""", re.IGNORECASE)
_ACTION = re.compile(r"""\baction\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_HIDDEN_TOKEN = re.compile(r"""name\s*=\s*["']?[\w-]*(csrf|xsrf)""", re.IGNORECASE)
_MARK = re.compile(r"\x00(\d+)\x00")
_TOKEN_WORDS = ("csrf_token", "hidden_tag", "csrf_input", "xsrf_form_html", "csrf")
_DJANGO_TAGS = frozenset(
    {
        "load",
        "url",
        "csrf_token",
        "static",
        "trans",
        "blocktrans",
        "blocktranslate",
        "translate",
        "verbatim",
        "empty",
        "ifequal",
        "now",
        "cycle",
        "firstof",
        "spaceless",
        "widthratio",
    }
)
_JINJA_TAGS = frozenset({"macro", "call", "set", "import", "from", "do", "endmacro"})
_HARMLESS_CALLS = ("url_for", "static", "gettext", "_", "ngettext", "url(", "range", "len", "get_flashed_messages")
_FALLBACK_TOKENS = re.compile(r"({%-?.*?-?%}|{{-?.*?-?}}|{#.*?#})", re.DOTALL)


@dataclass(frozen=True)
class _Piece:
    kind: str  # data | tag | var
    text: str  # data text, or the tag / expression source
    line: int
    start: int  # offset in the skeleton


def _lex(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, line) pieces of a template: data, `{% tag %}` and `{{ expression }}` (comments dropped)."""
    try:
        from jinja2 import Environment, TemplateSyntaxError
    except ImportError:  # pragma: no cover - jinja2 is a dependency
        return _lex_fallback(text)
    pieces: list[tuple[str, str, int]] = []
    current: list[str] | None = None
    kind, start_line = "", 1
    try:
        for line, token, value in Environment().lex(text):
            if token in ("block_begin", "variable_begin"):
                current, kind, start_line = [], "tag" if token == "block_begin" else "var", line
            elif token in ("block_end", "variable_end") and current is not None:
                pieces.append((kind, "".join(current).strip(), start_line))
                current = None
            elif current is not None:
                current.append(value)
            elif token == "data":
                pieces.append(("data", value, line))
    except TemplateSyntaxError:
        return _lex_fallback(text)
    return pieces


def _lex_fallback(text: str) -> list[tuple[str, str, int]]:
    """A plain split for templates the Jinja lexer refuses (some Django syntax): same pieces, same lines."""
    pieces: list[tuple[str, str, int]] = []
    line = 1
    for part in _FALLBACK_TOKENS.split(text):
        if part.startswith("{%"):
            pieces.append(("tag", part.strip("{%-} \n\t"), line))
        elif part.startswith("{{"):
            pieces.append(("var", part.strip("{}- \n\t"), line))
        elif part and not part.startswith("{#"):
            pieces.append(("data", part, line))
        line += part.count("\n")
    return pieces


def _skeleton(text: str) -> tuple[str, list[_Piece]]:
    """The template's HTML with each tag and expression replaced by a marker `\\0<index>\\0`."""
    out: list[str] = []
    pieces: list[_Piece] = []
    offset = 0
    for kind, value, line in _lex(text):
        chunk = value if kind == "data" else f"\x00{len(pieces)}\x00"
        pieces.append(_Piece(kind, value, line, offset))
        out.append(chunk)
        offset += len(chunk)
    return "".join(out), pieces


def _line_at(pieces: list[_Piece], offset: int, skeleton: str) -> int:
    index = bisect.bisect_right([p.start for p in pieces], offset) - 1
    piece = pieces[max(index, 0)]
    if piece.kind != "data":
        return piece.line
    return piece.line + skeleton.count("\n", piece.start, offset)


def _dialect(pieces: list[_Piece]) -> str:
    tags = {p.text.split(None, 1)[0] for p in pieces if p.kind == "tag" and p.text}
    if tags & _DJANGO_TAGS or any(p.kind == "var" and re.search(r"\|\s*\w+\s*:", p.text) for p in pieces):
        return "django"
    if tags & _JINJA_TAGS or any(p.kind == "var" and "(" in p.text for p in pieces):
        return "jinja"
    return ""


def _inside_says(body: str, pieces: list[_Piece]) -> tuple[bool, bool]:
    """(token, maybe_token) for the part of a template between `<form ...>` and `</form>`."""
    if _HIDDEN_TOKEN.search(_MARK.sub("", body)):
        return True, False
    maybe = False
    for match in _MARK.finditer(body):
        piece = pieces[int(match.group(1))]
        text = piece.text
        first = text.split(None, 1)[0] if text else ""
        if (
            piece.kind == "tag"
            and first == "csrf_token"
            or piece.kind == "var"
            and any(word in text for word in _TOKEN_WORDS)
        ):
            return True, False
        if piece.kind == "tag" and first in ("include", "call", "import", "from", "extends", "block"):
            maybe = True  # another template or block may hold the token
        elif piece.kind == "tag" and first == "for" and re.search(r"\bin\s+form\b", text):
            maybe = True
        elif piece.kind == "var" and "(" in text and not text.startswith(_HARMLESS_CALLS):
            maybe = True  # a macro such as `render_form(form)` renders the hidden fields itself
        elif piece.kind == "tag" and first not in _DJANGO_TAGS | _BLOCK_TAGS and _FORM_WORD.search(text[len(first) :]):
            maybe = True  # a tag given the whole form (`{% crispy form %}`) may render the token with the fields
    return False, maybe


# A name for a whole form given to a tag: `form`, `userform`, `form_activities`, `profile_form`;
# not one field (`form.email`) nor another word (`formula`).
_FORM_WORD = re.compile(r"(?<![\w.])\w*form(?:s|_\w+)?\b(?!\.)")

_BLOCK_TAGS = frozenset(
    {
        "if",
        "elif",
        "else",
        "endif",
        "for",
        "endfor",
        "with",
        "endwith",
        "trans",
        "blocktrans",
        "endblocktrans",
        "set",
        "filter",
        "endfilter",
        "autoescape",
        "endautoescape",
        "comment",
        "endcomment",
    }
)
_SUBMIT = re.compile(
    r"""<button\b(?![^>]*\btype\s*=\s*["']?(?:button|reset)\b)|<input\b[^>]*\btype\s*=\s*["']?"""
    r"""(?:submit|image)\b""",
    re.IGNORECASE,
)
_SCRIPT_BUTTON = re.compile(r"""<(?:button|input)\b[^>]*\btype\s*=\s*["']?button\b""", re.IGNORECASE)
_FIELD = re.compile(
    r"""<(?:textarea|select)\b|<input\b(?![^>]*\btype\s*=\s*["']?"""
    r"""(?:hidden|button|reset|checkbox|radio|file)\b)""",
    re.IGNORECASE,
)


def _submittable(body: str, pieces: list[_Piece]) -> bool:
    """A user can submit the form: a submit button, a text field (Enter submits), or template code in the
    form's content that may render either. A form with neither is submitted only by script, and so is one
    whose only buttons are `type="button"`: they do nothing until a script sends the form."""
    if _SUBMIT.search(body):
        return True
    if _SCRIPT_BUTTON.search(body):
        return False
    if _FIELD.search(body):
        return True
    for match in _MARK.finditer(body):
        piece = pieces[int(match.group(1))]
        first = piece.text.split(None, 1)[0] if piece.text else ""
        in_markup = body.rfind("<", 0, match.start()) > body.rfind(">", 0, match.start())
        if in_markup or piece.kind == "tag" and (first in _DJANGO_TAGS | _BLOCK_TAGS or first.startswith("end")):
            continue  # an attribute value, a condition, a translation: renders no control
        if not re.search(
            r"form|field|widget|input|button|submit" + (r"|\(" if piece.kind == "var" else ""), piece.text, re.I
        ):
            continue  # a data value or a component that names no form, field or button
        return True
    return False


def _action_tag(attributes: str, pieces: list[_Piece]) -> bool:
    """`action="{% eventurl ... %}"`: a project tag builds the URL, which may point to another origin."""
    action = re.search(r"""\baction\s*=\s*["']([^"']*)["']""", attributes, re.IGNORECASE)
    for match in _MARK.finditer(action.group(1) if action else ""):
        piece = pieces[int(match.group(1))]
        first = piece.text.split(None, 1)[0] if piece.text else ""
        if piece.kind == "tag" and first not in _DJANGO_TAGS | _BLOCK_TAGS and not first.startswith("end"):
            return True
    return False


def template_forms(text: str, path: str, *, first_line: int = 1, owner_module: str = "") -> list[FormFact]:
    """Every POST form of a template, with whether a CSRF token is inside it."""
    if "<form" not in text.lower():
        return []
    skeleton, pieces = _skeleton(text)
    if not pieces:
        return []
    dialect = _dialect(pieces)
    forms: list[FormFact] = []
    for match in _FORM_OPEN.finditer(skeleton):
        method = _METHOD.search(match.group(1))
        if method is None or method.group(1).lower() != "post":
            continue  # GET forms (search, filters) need no token; a templated method is not judged
        close = _FORM_CLOSE.search(skeleton, match.end())
        body = skeleton[match.end() : close.start() if close else len(skeleton)]
        token, maybe = _inside_says(body, pieces)
        action = _ACTION.search(_MARK.sub("", match.group(1)))
        forms.append(
            FormFact(
                file=path,
                line=_line_at(pieces, match.start(), skeleton) + first_line - 1,
                token=token,
                maybe_token=maybe,
                action=action.group(1) if action else "",
                dialect=dialect,
                owner_module=owner_module,
                submittable=_submittable(body, pieces),
                action_tag=_action_tag(match.group(1), pieces),
            )
        )
    return forms
