"""Small readers of the syntax tree that the framework modules share: literal strings, object names,
decorators, limiter calls and settings values. They know no framework, so any framework module may use them."""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterator
from http import HTTPStatus

from secpat import names
from secpat.frameworks.facts import (
    ENV,
    EXPR,
    FromEnvironment,
)
from secpat.model.module import Call, ClassInfo, Function, Module, literal_value


def assigned_names(module: Module) -> dict[int, tuple[str, Function]]:
    """id(value node) → (target name, scope) for every `name = <call>` in the file."""
    cached = module.__dict__.get("_fw_assigned")
    if cached is not None:
        return cached
    found: dict[int, tuple[str, Function]] = {}
    for function in module.all_functions():
        body = function.node.body if hasattr(function.node, "body") else []
        for stmt in block_statements(body):
            first = stmt.targets[0] if isinstance(stmt, ast.Assign) else None
            if (
                isinstance(stmt, ast.Assign)
                and isinstance(first, ast.Name)
                and all(isinstance(t, ast.Name) for t in stmt.targets)
            ):
                # `app = flask_app = Flask(__name__)`: the first name stands for the object.
                found[id(stmt.value)] = (first.id, function)
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                found[id(stmt.value)] = (stmt.target.id, function)
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):  # `with Configurator(...) as config:`
                for item in stmt.items:
                    if isinstance(item.optional_vars, ast.Name):
                        found[id(item.context_expr)] = (item.optional_vars.id, function)
    module.__dict__["_fw_assigned"] = found
    return found


def registered_objects(module: Module, expr: ast.expr, scope: Function | None) -> list[ast.expr] | None:
    """The objects a registration names (`register_blueprint(expr)`, `include_router(expr)`): `bp`,
    `construct_blueprint(store)` (a project function that makes one), or each of `for bp in (a, b):`. None
    for an object the code looks up at run time: `routers[1]`, `getattr(module, name)`, a name a loop binds
    from anything but a literal sequence."""
    if isinstance(expr, ast.Call):
        callee = module.qualified_name(expr.func, scope) or ""
        return [expr] if callee.split(".", 1)[0] in module.project_roots else None
    if isinstance(expr, ast.Subscript):
        return None
    if isinstance(expr, ast.Attribute):
        # `for module in (auth, courses): app.include_router(module.router)`: that attribute of each.
        base: ast.expr = expr
        while isinstance(base, ast.Attribute):
            base = base.value
        if not isinstance(base, ast.Name):
            return [expr]
        bases = registered_objects(module, base, scope)
        if bases is None:
            return None
        return [expr if b is base else _with_base(expr, b) for b in bases]
    if not isinstance(expr, ast.Name):
        return [expr]
    nodes = block_statements(module.tree.body) if scope is None or scope.is_module else ast.walk(scope.node)
    for node in nodes:
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and any(
            isinstance(t, ast.Name) and t.id == expr.id for t in ast.walk(node.target)
        ):
            items = node.iter
            if isinstance(items, ast.Name) and len(module.assignments.get(items.id, ())) == 1:
                items = module.assignments[items.id][0]  # `for bp in BLUEPRINTS:` with `BLUEPRINTS = [a, b]`
            if isinstance(node.target, ast.Name) and isinstance(items, (ast.Tuple, ast.List)):
                return list(items.elts)
            imported = module.imports.get(items.id) if isinstance(items, ast.Name) else None
            if isinstance(node.target, ast.Name) and imported and imported.split(".", 1)[0] in module.project_roots:
                # `for table in ROUTE_TABLES:` imported from another module: each of its items, which the project
                # stage knows (`SequenceFact`), named `pkg.views.ROUTE_TABLES[*]` until then.
                return [ast.Name(id=f"{imported}{EACH_ITEM}", ctx=ast.Load())]
            return None
    return [expr]


def _with_base(expr: ast.expr, base: ast.expr) -> ast.expr:
    """`module.router` with `auth` in the place of `module`: `auth.router`."""
    if isinstance(expr, ast.Attribute):
        return ast.Attribute(value=_with_base(expr.value, base), attr=expr.attr, ctx=ast.Load())
    return base


def owner_of(module: Module, call: Call) -> str | None:
    """The name the object a constructor call makes is bound to (`app = Flask(__name__)` → `pkg.app`)."""
    hit = assigned_names(module).get(id(call.node))
    if hit is None:
        return None
    name, scope = hit
    return object_name(module, ast.Name(id=name), scope)


def block_statements(body: list[ast.stmt]) -> Iterator[ast.stmt | ast.excepthandler]:
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
            for stmt in block_statements(function.body):
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


#: How a name of each item of a sequence another module binds ends (see `registered_objects`).
EACH_ITEM = "[*]"


def object_name(module: Module, expr: ast.expr | None, scope: Function | None) -> str | None:
    """A stable project-wide name for the object an expression names: `pkg.app.app`, `pkg.create_app.app`."""
    if isinstance(expr, ast.Name) and expr.id.endswith(EACH_ITEM):
        return expr.id
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


def class_routes(cls: ClassInfo) -> Iterator[tuple[ast.Call, ast.expr, list[str]]]:
    """`@ns.route("/cards/<card_number>", "/c/<card_number>")` on a class: the decorator, what it is called on,
    and its literal rules."""
    for deco in cls.node.decorator_list:
        if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) and deco.func.attr == "route":
            yield deco, deco.func.value, [rule for arg in deco.args if (rule := string(arg)) is not None]


def held_name(node: ast.AST | None) -> str | None:
    """The name a value is held under: `SECRET` of a name, `settings.SECRET` of an attribute,
    `config["SECRET"]` of a subscript with a literal key, `config.get("SECRET")` of a settings object."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return string(node.slice)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and last(ast.unparse(node.func.value)) in _SETTING_HOLDERS
    ):
        return string(node.args[0])  # `current_app.config.get("METRICS_TOKEN")`, `os.environ.get("API_KEY")`
    return None


#: Objects that hold an application's settings by name.
_SETTING_HOLDERS = frozenset({"config", "settings", "environ", "env", "conf"})


def setting_bindings(module: Module) -> Iterator[tuple[ast.stmt, str, ast.expr]]:
    """(statement, name, value) of each name bound at the top of the module or of one of its classes (a config
    or pydantic settings class); a `Field(default=...)` or `Field(...)` stands for its default."""
    bodies = [module.tree.body] + [stmt.body for stmt in module.tree.body if isinstance(stmt, ast.ClassDef)]
    for body in bodies:
        for stmt in body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target, value = stmt.targets[0], stmt.value
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                target, value = stmt.target, stmt.value
            else:
                continue
            if not isinstance(target, ast.Name):
                continue
            if (
                isinstance(value, ast.Call)
                and last(module.qualified_name(value.func) or ast.unparse(value.func)) == "Field"
            ):
                default = next((k.value for k in value.keywords if k.arg == "default"), None)
                if default is None and not value.args:
                    continue
                value = default if default is not None else value.args[0]
            yield stmt, target.id, value


def strings(node: ast.AST | None) -> tuple[str, ...] | None:
    value = literal_value(node) if node is not None else None
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def upper_methods(node: ast.AST | None) -> tuple[str, ...]:
    """`methods=["GET", "POST"]`; also one verb as a string (Bottle's `method="POST"`)."""
    one = string(node) if node is not None else None
    values = (one,) if one else strings(node)
    return tuple(sorted({v.upper() for v in values})) if values else ()


def bound_value(module: Module, scope: Function, expr: ast.expr | None) -> ast.expr | None:
    """What a name holds when one assignment binds it: in the function that uses it (an app factory's
    `api = Api(app)`), else at module level; None when it is bound more than once. Other expressions are
    given back as they are."""
    if not isinstance(expr, ast.Name):
        return expr
    values: list[ast.expr] = []
    if not scope.is_module:
        values = [
            node.value
            for node in ast.walk(scope.node)
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
        ]
    if not values:
        values = list(module.assignments.get(expr.id, []))
    return values[-1] if len(values) == 1 else None


def derives_from(module: Module, info: ClassInfo, bases: tuple[str, ...], depth: int = 0) -> bool:
    """The class is built on one of `bases` (qualified names), directly or through classes of this module."""
    if depth > 5:
        return False
    for base in info.bases:
        if base in bases:
            return True
        local = module.classes.get(base.removeprefix(f"{module.module_name}.") if module.module_name else base)
        if local is not None and derives_from(module, local, bases, depth + 1):
            return True
    return False


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


_ENV_CALLS = ("getenv", "environ", "env", "config", "get_env", "getenv_bool")


def value_of(node: ast.expr) -> object:
    """A settings value: its literal; when it is read from the environment, FromEnvironment with what it is
    where the variable is not set, or ENV when that is not known; EXPR otherwise."""
    value = literal_value(node, EXPR)
    if value is not EXPR and _plain(value):
        return value
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            func = sub.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            text = ast.unparse(func).lower()
            if (
                name in _ENV_CALLS
                or "environ" in text
                or "getenv" in text
                or text.startswith("env.")
                or _env_helper(func)
            ):
                break
        elif isinstance(sub, ast.Attribute) and sub.attr == "environ":
            break
    else:
        return EXPR
    default = _when_unset(node)
    return FromEnvironment(default) if default is not EXPR and _plain(default) else ENV


#: Readers of one environment variable with a default: `os.getenv(name, default)`, `os.environ.get(...)`,
#: django-environ's `env(name, default=...)` / `env.bool(...)`, python-decouple's `config(name, default=...)`.
_ENV_READERS = frozenset({"getenv", "get", "env", "config", "bool", "str", "int", "list"})
_TRUE_WORDS = frozenset({"y", "yes", "t", "true", "on", "1"})
_OS_READERS = frozenset({"os.getenv", "getenv", "os.environ.get", "environ.get"})
_FALSE_WORDS = frozenset({"n", "no", "f", "false", "off", "0"})


def _when_unset(node: ast.expr) -> object:
    """What a settings expression gives where the variable it reads is not set, or EXPR: the reader's
    default, through the conversions and comparisons settings files apply to it (`== "True"`,
    `.lower() in ("1", "true")`, `bool(int(...))`, `.split(",")`, `strtobool(...)`)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        items = [_when_unset(e) for e in node.elts]
        return EXPR if EXPR in items else items
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right = _when_unset(node.left), literal_value(node.comparators[0], EXPR)
        if left is EXPR or right is EXPR:
            return EXPR
        op = node.ops[0]
        try:
            if isinstance(op, (ast.Eq, ast.NotEq)):
                return (left == right) is isinstance(op, ast.Eq)
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (list, tuple, set, frozenset, str)):
                return (left in right) is isinstance(op, ast.In)
        except TypeError:
            return EXPR
        return EXPR
    if not isinstance(node, ast.Call):
        return EXPR
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if isinstance(func, ast.Attribute) and name in ("lower", "upper", "strip", "split") and not _env_reader(func):
        inner = _when_unset(func.value)
        if not isinstance(inner, str):
            return EXPR
        if name == "split":
            separator = literal_value(node.args[0], EXPR) if node.args else None
            return inner.split(separator) if separator is None or isinstance(separator, str) else EXPR
        return getattr(inner, name)()
    if isinstance(func, ast.Name) and name in ("bool", "int", "str", "strtobool") and len(node.args) == 1:
        inner = _when_unset(node.args[0])
        if inner is EXPR:
            return EXPR
        if name == "strtobool":
            word = str(inner).lower()
            return True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else EXPR
        try:
            return {"bool": bool, "int": int, "str": str}[name](inner)
        except (TypeError, ValueError):
            return EXPR
    if _env_reader(func) or _env_helper(func):
        default = next((kw.value for kw in node.keywords if kw.arg == "default"), None)
        if default is None and _env_helper(func):
            return EXPR  # a project's reader: only a keyword says which argument is the default
        if default is None and len(node.args) > 1:
            default = node.args[1]
        if default is None:
            # `os.getenv("DEBUG")` is None where the variable is not set (`!= "False"` is then True); the
            # settings libraries' readers fail instead.
            return None if ast.unparse(func) in _OS_READERS else EXPR
        value = literal_value(default, EXPR)
        if name == "bool" or any(kw.arg == "cast" and ast.unparse(kw.value) == "bool" for kw in node.keywords):
            # django-environ and decouple read a text default as a word (`default="True"`).
            if isinstance(value, str):
                word = value.lower()
                return True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else EXPR
            return bool(value) if value is not EXPR else EXPR
        return value
    return EXPR


def _env_reader(func: ast.expr) -> bool:
    """`os.getenv`, `os.environ.get`, `env`, `env.bool`, `config`: a call that reads one variable."""
    text = ast.unparse(func)
    if text in ("os.getenv", "getenv", "os.environ.get", "environ.get", "env", "config"):
        return True
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _ENV_READERS
        and isinstance(func.value, ast.Name)
        and func.value.id == "env"
    )


def _env_helper(func: ast.expr) -> bool:
    """A project's own reader of one variable, named for it: `env_list("ALLOWED_HOSTS", default=["*"])`,
    `env_bool(...)`, `env_int(...)`."""
    return isinstance(func, ast.Name) and names.words(func.id)[:1] == ("env",) and func.id != "env"


def _plain(value: object) -> bool:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple, set)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def short_source(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


#: What a regex may be made of and still match only word characters, `-` and `.`: classes of such characters,
#: `\d` / `\w`, literal words, alternatives, quantifiers and groups.
PLAIN_REGEX = re.compile(r"(?:\\[dw.\-_]|\[(?!\^)(?:\\[dw.\-_]|[\w.\-])+\]|[\w\-|+*?]|\{\d*,?\d*\}|\((?:\?:)?|\))*")


def statuses(call: ast.Call) -> list[ast.expr]:
    """The status a response or HTTP error is made with: `status_code=`, `status=`, `code=`, the first
    argument of `abort(429)` and `HTTPException(400, ...)`, the second of `make_response(body, 502)`."""
    found = [kw.value for kw in call.keywords if kw.arg in {"status_code", "status", "code"}]
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if call.args and (name.endswith("Exception") or name in {"abort", "HTTPError"}):
        found.append(call.args[0])  # the status comes first
    elif name == "make_response" and len(call.args) > 1:
        found.append(call.args[1])  # Flask's `make_response(body, status)`
    return found


def status_number(node: ast.expr) -> int | None:
    """400 for `400`, `HTTPStatus.BAD_REQUEST`, `status.HTTP_400_BAD_REQUEST`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    if name in HTTPStatus.__members__:
        return HTTPStatus[name].value
    match = re.fullmatch(r"HTTP_(\d{3})(?:_\w+)?", name)
    return int(match.group(1)) if match else None


#: Words that name the administrators or staff a view admits.
ADMIN_WORDS = frozenset({"staff", "admin", "admins", "administrator", "superuser", "superadmin", "sysadmin"})
#: Words of a decorator, mixin or permission class that admits only staff, admins or permission holders.
STAFF_WORDS = ADMIN_WORDS | {"permission", "permissions", "role", "roles"}


def is_staff_gate(name: str) -> bool:
    """`staff_member_required`, `permission_required`, `PermissionRequiredMixin`, `IsAdminUser`, `roles_required`."""
    words = set(names.words(last(name)))
    return bool(words & STAFF_WORDS) and not words & {"login", "any", "allow"}


def staff_guard_line(node: ast.AST) -> int | None:
    """The last line of the check by which a view turns away every caller who is not staff, before
    anything else it does: a statement of its body such as `if not user.is_superuser: raise
    PermissionDenied`, `if role != Roles.PROXY_ADMIN: raise HTTPException(403)` (a test naming an
    administrator, staff or superuser, and a body that leaves by raising or refusing), or a call of a check
    named for them (`require_admin(user)`, `await _check_agent_management_permission(user)`), also first in
    a `try` block. None without one."""
    caught = isinstance(node, _TRY_NODES)
    bound: dict[str, ast.expr] = {}  # `has_access = role == ADMIN or ...` before `if not has_access:`
    for stmt in getattr(node, "body", []):
        if caught and not isinstance(stmt, (ast.Import, ast.ImportFrom)) and _calls_before_check(stmt):
            return None  # `try: config = load(); require_admin(user)`: the handler also catches what load raised
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Expr)) and not _prepares_only(stmt):
            return None  # `user = create_user(...)` before the check: the work is done whoever calls
        if (
            isinstance(stmt, ast.If)
            and not stmt.orelse
            and _names_admin(stmt.test, bound)
            and not _checks_password(stmt.test)
            and leaves(stmt.body)
        ):
            return stmt.end_lineno
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
        target = stmt.target if isinstance(stmt, ast.AnnAssign) and stmt.value is not None else target
        if isinstance(target, ast.Name) and stmt.value is not None:
            bound[target.id] = stmt.value
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        call = call.value if isinstance(call, ast.Await) else call
        if isinstance(call, ast.Call) and _names_staff_check(last(ast.unparse(call.func))):
            return stmt.end_lineno
        if isinstance(stmt, _TRY_NODES):
            return staff_guard_line(stmt)  # `try: require_admin(user) ...`: its handlers come after the check
        if isinstance(stmt, ast.If) and not stmt.orelse and leaves(stmt.body):
            continue  # another precondition: `if db is None: raise HTTPException(500, ...)`
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Match, ast.If)):
            return None  # the view is already at work: a later check guards only what follows it
    return None


_TRY_NODES = (ast.Try, getattr(ast, "TryStar", ast.Try))  # `try`/`except*` from Python 3.11


def _calls_before_check(stmt: ast.stmt) -> bool:
    """The statement does work that can fail: it calls something outside the test of an `if`."""
    parts = [stmt.test] if isinstance(stmt, ast.If) else [stmt]
    if isinstance(stmt, ast.Expr):
        call = stmt.value.value if isinstance(stmt.value, ast.Await) else stmt.value
        if isinstance(call, ast.Call) and _names_staff_check(last(ast.unparse(call.func))):
            return False  # the check itself
    if isinstance(stmt, ast.If) and leaves(stmt.body):
        return False
    return any(isinstance(n, ast.Call) for part in parts for n in ast.walk(part))


def _prepares_only(stmt: ast.stmt) -> bool:
    """The statement only gets ready: a docstring, `user = request.user`, `user = await get_user(request)`,
    another check (`await check_feature_access(user, "agents")`) or the staff check itself; not
    `account = create_account(...)`."""
    for node in ast.walk(stmt):
        if isinstance(node, ast.Call):
            words = names.words(last(ast.unparse(node.func)))
            if not (words and words[0] in _GETTER_VERBS | _CHECK_VERBS or set(words) & ADMIN_WORDS):
                return False  # work; asking whether the caller is an administrator is not
    return True


#: First words of calls that fetch what a check needs: a getter, or a query that reads
#: (`(await session.exec(select(Flow).where(...))).first()`).
_GETTER_VERBS = frozenset(
    {
        *("get", "load", "fetch", "find", "read", "lookup", "resolve", "current", "int", "str"),
        *("select", "exec", "query", "filter", "where", "first", "one", "scalar", "scalars", "all"),
    }
)

#: Verbs of a call that refuses a caller unless a condition holds.
_CHECK_VERBS = frozenset({"check", "require", "requires", "ensure", "assert", "verify", "validate", "enforce"})


def _names_staff_check(name: str) -> bool:
    """`require_admin`, `check_superuser`, `_ensure_staff`, `_check_agent_management_permission`."""
    words = names.words(name)
    return bool(words) and words[0] in _CHECK_VERBS and bool(set(words) & (ADMIN_WORDS | {"permission"}))


def _names_admin(test: ast.expr, bound: dict[str, ast.expr]) -> bool:
    """A refusal test that only administrators fail: `not user.is_superuser`, `role != Roles.ADMIN`,
    `"admin" not in user.roles`, an `or` with one such part, an `and` of such parts, `not has_access`
    where `has_access = role == ADMIN or await user_has_admin_privileges(user)`. `owner != user and
    not user.is_admin` lets owners through too."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_names_admin(part, bound) for part in test.values)
    if isinstance(test, ast.BoolOp):  # `role != ADMIN and role != ADMIN.value`: refused unless one of them
        return all(_names_admin(part, bound) for part in test.values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        if isinstance(test.operand, ast.Name) and test.operand.id in bound:
            return admits_admin(bound[test.operand.id])
        return not isinstance(test.operand, ast.BoolOp) and _mentions_admin(test.operand)
    return (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.NotEq, ast.NotIn, ast.IsNot))
        and _mentions_admin(test)
    )


def admits_admin(node: ast.expr) -> bool:
    """A test that holds only for administrators: `role == ADMIN`, `user.is_superuser`,
    `await user_has_admin_privileges(...)`, an `or` of such tests, an `and` with one."""
    if isinstance(node, ast.Await):
        return admits_admin(node.value)
    if isinstance(node, ast.BoolOp):
        parts = [admits_admin(part) for part in node.values]
        return all(parts) if isinstance(node.op, ast.Or) else any(parts)
    if isinstance(node, ast.Compare):
        return len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.In, ast.Is)) and _mentions_admin(node)
    return isinstance(node, (ast.Call, ast.Name, ast.Attribute)) and _mentions_admin(node)


def _mentions_admin(node: ast.expr) -> bool:
    words: set[str] = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Name):
            words.update(names.words(part.id))
        elif isinstance(part, ast.Attribute):
            words.update(names.words(part.attr))
        elif isinstance(part, ast.Constant) and isinstance(part.value, str) and len(part.value) <= 40:
            words.update(names.words(part.value))
    return bool(words & ADMIN_WORDS)


def _checks_password(test: ast.expr) -> bool:
    """`not account or not verify_password(password, account["password_hash"])`: a sign-in checking a
    password, which anyone may try, however the accounts it looks up are named (`staff_repo.get_by_email`)."""
    identifiers = [
        p.id if isinstance(p, ast.Name) else p.attr for p in ast.walk(test) if isinstance(p, (ast.Name, ast.Attribute))
    ]
    return any(names.classify(word) is names.NameKind.PASSWORD for name in identifiers for word in names.words(name))


def leaves(body: list[ast.stmt]) -> bool:
    """`return apiresult(403, ...)`, `raise Forbidden()`, `abort(403)`: the block refuses the request."""
    last_stmt = body[-1] if body else None
    if isinstance(last_stmt, (ast.Return, ast.Raise)):
        return True
    call = last_stmt.value if isinstance(last_stmt, ast.Expr) else None
    return isinstance(call, ast.Call) and last(ast.unparse(call.func)) == "abort"


def project_callee(module: Module, function: Function, func: ast.expr) -> str | None:
    """The project function a call reaches: `helpers.send_mail` → `pkg.helpers.send_mail`, and
    `self._notify` in a method → `pkg.views.ResetView._notify`; None for anything else."""
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in ("self", "cls")
        and function.class_name
        and "." in function.qualname
    ):
        return f"{module.global_name(function).rsplit('.', 1)[0]}.{func.attr}"
    callee = module.qualified_name(func, function) or ""
    return callee if callee.split(".", 1)[0] in module.project_roots else None


def static_directory(module: Module, node: ast.AST | None, scope: Function | None = None, depth: int = 0) -> str | None:
    """The directory an expression names, relative to the scan root, when the code builds it from the file's
    own place or a literal: `Path(__file__).resolve().parent / "templates"`, `os.path.join(os.path.dirname(
    __file__), "templates")`, `"templates"` (read against the root, where the app is started from), or a name
    bound once to one of them. None for anything read at run time (settings, the environment)."""
    if node is None or depth > 8:
        return None
    again = lambda n: static_directory(module, n, scope, depth + 1)  # noqa: E731
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return None if posixpath.isabs(node.value) else posixpath.normpath(node.value)
    if isinstance(node, ast.Name):
        if node.id == "__file__":
            return module.path
        values = module.assignments.get(node.id, [])
        bound = bound_value(module, scope, node) if scope is not None else values[0] if len(values) == 1 else None
        return again(bound) if bound is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left, right = again(node.left), node.right
        part = right.value if isinstance(right, ast.Constant) and isinstance(right.value, str) else None
        return posixpath.normpath(posixpath.join(left, part)) if left is not None and part is not None else None
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = again(node.value)
        return posixpath.dirname(inner) if inner is not None else None
    if not isinstance(node, ast.Call):
        return None
    callee = module.qualified_name(node.func, scope) or ""
    method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
    if method in ("resolve", "absolute") and not node.args:
        return again(node.func.value)  # type: ignore[attr-defined]
    if callee in ("os.path.abspath", "os.path.realpath", "str", "pathlib.Path", "os.fspath") and len(node.args) == 1:
        return again(node.args[0])
    if callee == "os.path.dirname" and len(node.args) == 1:
        inner = again(node.args[0])
        return posixpath.dirname(inner) if inner is not None else None
    if callee in ("os.path.join", "pathlib.Path") and node.args:
        parts = [again(node.args[0])] + [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args[1:]
        ]
        if any(p is None for p in parts):
            return None
        return posixpath.normpath(posixpath.join(*parts))  # type: ignore[arg-type]
    return None


def names_auth_cookie(module: Module, given: ast.expr | None) -> bool:
    """The name a cookie is set under says it holds a session, a login or a token: `"session"`, or
    `settings.SESSION_COOKIE_NAME` when the name lives in settings."""
    key = module.constant(given)
    if not isinstance(key, str):
        key = ast.unparse(given) if isinstance(given, (ast.Name, ast.Attribute)) else ""
    lowered = key.lower()
    if "csrf" in lowered or "xsrf" in lowered:
        return False  # `csrftoken`: the token forms send back, not who the user is
    return any(w in lowered for w in ("session", "token", "auth", "sid", "login", "jwt"))
