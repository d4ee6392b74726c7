"""What a block of code can raise: only errors of the program's own making, or anything.

An exception caught around code that only works on values in memory (`json.loads`, dict lookups, a
schema built from the client's data), sends outbound HTTP requests, or raises messages the program
wrote, says something about that data or that remote service: a key that is missing, a status an
upstream answered. One caught around a database query, a file, a subprocess or a library call secpat
does not know can carry the application's internals (a SQL statement, a path, a host name).

`calls_in` sorts the calls of a block. The calls into project functions are what the block raises
only if those functions raise no more: the per-file stage names them (`raises:` labels) and the
project stage reads their bodies with the same sorting (`engine._Summaries.raises_only_own_errors`).

Partial by design: a call on an object of a type the code does not name (`self.db.fetch()`,
`client.send()`) is unknown, so the block can raise anything; loops of project calls deeper than
`MAX_DEPTH` count as unknown too.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from secpat import names

if TYPE_CHECKING:
    from secpat.model.module import Function, Module

MAX_DEPTH = 5

#: `try` and, from Python 3.11, `try`/`except*`: the same fields.
if sys.version_info >= (3, 11):
    TRY_NODES = (ast.Try, ast.TryStar)
else:
    TRY_NODES = (ast.Try,)

#: Builtins that work on values in memory; what they raise describes those values.
_PURE_BUILTINS = frozenset(
    {
        "abs", "all", "any", "bool", "bytes", "callable", "chr", "dict", "divmod", "enumerate", "filter",
        "float", "format", "frozenset", "getattr", "hasattr", "hash", "id", "int", "isinstance", "issubclass",
        "iter", "len", "list", "map", "max", "min", "next", "ord", "print", "range", "repr", "reversed",
        "round", "set", "setattr", "slice", "sorted", "str", "sum", "super", "tuple", "type", "vars", "zip",
    }
)  # fmt: skip

#: Standard modules (and `packaging`) whose functions work on values in memory.
_PURE_MODULES = (
    "json.", "re.", "datetime.", "math.", "copy.", "itertools.", "functools.", "collections.", "uuid.",
    "typing.", "dataclasses.", "enum.", "string.", "textwrap.", "base64.", "hashlib.", "hmac.",
    "secrets.", "time.", "decimal.", "fractions.", "operator.", "urllib.parse.", "logging.", "random.",
    "asyncio.sleep", "html.", "unicodedata.", "binascii.", "struct.", "ipaddress.", "fnmatch.",
    "inspect.is", "inspect.getmembers", "inspect.signature", "packaging.version.", "packaging.specifiers.",
)  # fmt: skip

#: Methods of strings, numbers, dates and collections.
PURE_METHODS = frozenset(
    {
        "append", "capitalize", "casefold", "center", "clear", "copy", "count", "decode", "digest", "encode",
        "endswith", "extend", "find", "format", "hex", "hexdigest", "index", "insert", "isdigit", "isoformat",
        "items", "join", "keys", "ljust", "lower", "lstrip", "model_copy", "model_dump", "model_dump_json",
        "model_validate", "partition", "removeprefix", "removesuffix", "replace", "reverse", "rfind",
        "rjust", "rpartition", "rsplit", "rstrip", "sort", "split", "splitlines", "startswith", "strftime",
        "strip", "timestamp", "title", "total_seconds", "upper", "values", "zfill",
    }
)  # fmt: skip

#: The methods of a logger.
_LOG_METHODS = frozenset(
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "adebug", "ainfo",
        "awarning", "aerror", "aexception",
    }
)  # fmt: skip

#: Methods schema libraries give model classes: they parse and validate data in memory.
SCHEMA_METHODS = frozenset(
    {
        "parse_obj", "parse_raw", "model_validate", "model_validate_json", "model_construct", "construct",
        "from_orm", "validate", "model_dump", "model_dump_json", "dict", "json", "copy", "model_copy",
    }
)  # fmt: skip

#: Base classes whose construction only records the values it is given: schemas, enums, exceptions, tuples.
DATA_BASES = (
    "object", "pydantic.", "enum.", "typing.", "dataclasses.", "collections.", "dict", "list", "set", "tuple",
    "str", "int", "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "RuntimeError",
    "sqlmodel.SQLModel", "msgspec.Struct", "attr.", "attrs.",
)  # fmt: skip

#: Methods that read or change a collection in memory, or a store, depending on what they are called on.
_COLLECTION_METHODS = frozenset({"get", "pop", "setdefault", "update", "add", "remove", "discard"})

#: Words in a receiver's name that say it is a store or a connection, not a collection in memory
#: (`Order.objects.get(pk=1)` and `User.query.get(1)` are database queries).
_RESOURCE_WORDS = frozenset(
    {
        "api", "backend", "bucket", "cache", "client", "conn", "connection", "cursor", "database", "db",
        "engine", "manager", "objects", "query", "queue", "redis", "registry", "repo", "repository", "s3",
        "service", "session", "storage", "store",
    }
)  # fmt: skip

#: Modules whose calls send a request to another service: what they raise describes that service.
HTTP_CLIENTS = ("requests.", "httpx.", "aiohttp.", "urllib3.", "urllib.request.")


@dataclass
class Calls:
    """How the calls of a block sort: `unknown` is set by the first call that may raise anything."""

    project: list[str] = field(default_factory=list)  # symbols: `pkg.mod.f`, `pkg.mod.C.m`, `pkg.mod.f!m`
    unknown: bool = False


def calls_in(module: Module, function: Function, body: list[ast.stmt]) -> Calls:
    """Sort every call of `body` (nested functions and classes make it unknown: they run elsewhere; a lambda's
    calls are sorted with the rest)."""
    found = Calls()
    outbound_names: set[str] = set()
    made_by: dict[str, str] = {}  # local name -> the project function whose result it holds
    nodes = [n for stmt in body for n in ast.walk(stmt)]
    if any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in nodes):
        found.unknown = True
        return found
    for _ in range(2):  # `client` bound by a `with` that the walk reaches after its use
        for node in nodes:
            value, targets = _binding(node)
            if isinstance(value, ast.Name) and value.id in made_by:
                made_by.update(dict.fromkeys(targets, made_by[value.id]))  # `t = trie`: the same object
            elif isinstance(value, ast.Call):
                if _is_outbound(module, function, value.func) or _method_of(value, outbound_names):
                    outbound_names.update(targets)
                else:
                    maker = _project_name(module, function, value.func)
                    if maker is not None:
                        made_by.update(dict.fromkeys(targets, maker))
    swallowed = {id(inner) for node in nodes for inner in _swallowed(node)}
    for node in nodes:
        if not isinstance(node, ast.Call) or id(node) in swallowed:
            continue
        kind = _sort(module, function, node, outbound_names, made_by)
        if kind == "unknown":
            found.unknown = True
            return found
        if kind not in ("pure", "outbound"):
            found.project.append(kind)
    return found


def _swallowed(node: ast.AST) -> list[ast.AST]:
    """The nodes of an inner `try` body whose catch-all handler raises nothing: what they raise never
    leaves it (`for user in users: try: update(user) except Exception as e: failed.append(...)`)."""
    if not isinstance(node, TRY_NODES) or not any(_catches_all(h) for h in node.handlers):
        return []
    if any(isinstance(inner, ast.Raise) for h in node.handlers for inner in ast.walk(h)):
        return []
    return [inner for stmt in node.body for inner in ast.walk(stmt)]


def _catches_all(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return handler.type is None or any(
        isinstance(kind, ast.Name) and kind.id in ("Exception", "BaseException") for kind in kinds
    )


def _binding(node: ast.AST) -> tuple[ast.expr | None, list[str]]:
    """The value and target names of `x = v`, `x: T = v` and `with v as x`, awaited or not."""
    if isinstance(node, ast.Assign):
        value, targets = node.value, node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        value, targets = node.value, [node.target]
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        value, targets = node.context_expr, [node.optional_vars]
    else:
        return None, []
    if isinstance(value, ast.Await):
        value = value.value
    return value, [t.id for t in targets if isinstance(t, ast.Name)]


def _sort(module: Module, function: Function, call: ast.Call, outbound: set[str], made_by: dict[str, str]) -> str:
    """Sort one call: "pure", "outbound", "unknown", or the symbol of the project function it runs."""
    func = call.func
    if _is_outbound(module, function, func) or _method_of(call, outbound):
        return "outbound"
    if (
        isinstance(func, ast.Name)
        and func.id in _PURE_BUILTINS
        and module.binding(func.id, function) in (None, func.id)
    ):
        return "pure"
    if isinstance(func, ast.Attribute) and func.attr in _LOG_METHODS and "log" in ast.unparse(func.value).lower():
        return "pure"  # `verbose_logger.exception(...)`, the project's logger included
    project = _project_name(module, function, func)
    if project is not None:
        return project
    qualified = module.qualified_name(func, function) or ""
    if qualified.startswith(_PURE_MODULES) or qualified in _PURE_MODULES:
        return "pure"
    last = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if last.endswith(("Error", "Exception")) and last[:1].isupper():
        return "pure"  # an exception the program raises, with its message
    if not isinstance(func, ast.Attribute):
        return "unknown"
    receiver = func.value
    if func.attr == "__init__" and isinstance(receiver, ast.Call) and ast.unparse(receiver.func) == "super":
        return "pure"  # a base class setting up its fields
    if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls") and function.class_name:
        return f"{module.module_name}.{function.qualname.rsplit('.', 1)[0]}.{func.attr}"
    maker = None
    if isinstance(receiver, ast.Call):
        maker = _project_name(module, function, receiver.func)
    elif isinstance(receiver, ast.Name):
        maker = made_by.get(receiver.id)
    if maker is not None:
        return f"{maker}!{func.attr}"  # a method of what a project function returns
    if func.attr in PURE_METHODS:
        return "pure"
    if func.attr in _COLLECTION_METHODS and not _RESOURCE_WORDS & set(names.words(ast.unparse(receiver))):
        return "pure"
    return "unknown"


def _project_name(module: Module, function: Function, func: ast.expr) -> str | None:
    """The qualified name of a project function or class the expression names, else None."""
    if isinstance(func, ast.Name):
        nested = module.functions.get(f"{function.qualname}.{func.id}")
        if nested is not None:
            return module.global_name(nested)  # `def convert(span): ...` inside the function that calls it
    qualified = module.qualified_name(func, function)
    if not qualified:
        return None
    root = qualified.split(".", 1)[0]
    if root in module.project_roots or module.module_name and root == module.module_name.split(".", 1)[0]:
        return qualified
    return None


def _is_outbound(module: Module, function: Function, func: ast.expr) -> bool:
    qualified = module.qualified_name(func, function) or ""
    return qualified.startswith(HTTP_CLIENTS)


def _method_of(call: ast.Call, receivers: set[str]) -> bool:
    """`client.get(...)`, `response.json()`: a method of an HTTP client or of its answer."""
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in receivers


#: Methods that run a query or write through a database session, cursor or connection.
_QUERY_METHODS = frozenset(
    {
        "execute", "executemany", "executescript", "exec", "flush", "commit", "refresh", "scalar", "scalars",
        "fetch", "fetchrow", "fetchval", "fetchall", "fetchone", "query_raw", "execute_raw", "find_many",
        "find_unique", "find_first", "find_unique_or_raise", "find_first_or_raise", "create_many", "upsert",
        "update_many", "delete_many",
    }
)  # fmt: skip
#: Methods that evaluate an ORM query (`Order.objects.get(...)`, `User.query.first()`, `db.session.get(...)`).
_EVALUATING_METHODS = frozenset(
    {
        "get", "first", "last", "all", "one", "one_or_none", "count", "exists", "create", "update", "delete",
        "get_or_create", "update_or_create", "bulk_create", "bulk_update", "aggregate", "in_bulk", "earliest",
        "latest", "save",
    }
)  # fmt: skip
#: Words of a receiver that hold a database session, cursor or connection.
_DATABASE_WORDS = frozenset({"session", "db", "cursor", "conn", "connection", "engine", "prisma", "database", "tx"})
#: Words of a receiver that name an ORM query or manager: its evaluating methods run SQL.
_ORM_QUERY_WORDS = frozenset({"objects", "query", "db", "prisma"})
#: Functions of `os` that work on files, whose errors carry paths (`shutil` and `tempfile` all do).
_FILE_FUNCTIONS = frozenset(
    {
        "os.remove", "os.unlink", "os.rename", "os.replace", "os.makedirs", "os.mkdir", "os.rmdir",
        "os.removedirs", "os.listdir", "os.scandir", "os.stat", "os.open", "os.chmod", "os.path.getsize",
        "os.path.getmtime",
    }
)  # fmt: skip


def touches_system(module: Module, function: Function, body: list[ast.stmt]) -> bool:
    """The block runs a database query or works on files (`await session.exec(select(...))`,
    `prisma.db.user.find_many()`, `Order.objects.get(pk=pk)`, `open(path)`, `os.remove(path)`): a catch-all
    around it catches what those raise, whose text describes the system (a SQL statement, a path). What an
    inner `try` swallows does not count."""
    nodes = [n for stmt in body for n in ast.walk(stmt)]
    swallowed = {id(inner) for node in nodes for inner in _swallowed(node)}
    # `with connection.cursor() as c:`, `cur = db.cursor()`: the names the block gives a cursor or connection.
    handles = set()
    for node in nodes:
        value, targets = _binding(node)
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and (value.func.attr in ("cursor", "connect") or set(_receiver_words(value.func)) & _DATABASE_WORDS)
        ):
            handles.update(targets)
    for node in nodes:
        if not isinstance(node, ast.Call) or id(node) in swallowed:
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _QUERY_METHODS
            and isinstance(func.value, ast.Name)
            and func.value.id in handles
        ):
            return True
        if isinstance(func, ast.Name) and func.id == "open" and module.binding("open", function) in (None, "open"):
            return True
        qualified = module.qualified_name(func, function) or ""
        if qualified in _FILE_FUNCTIONS or qualified.startswith(("shutil.", "tempfile.")):
            return True
        if not isinstance(func, ast.Attribute):
            continue
        words = set(_receiver_words(func.value))
        if func.attr in _QUERY_METHODS and words & _DATABASE_WORDS:
            return True
        if func.attr in _EVALUATING_METHODS and words & _ORM_QUERY_WORDS and "request" not in words:
            return True
    return False


def _receiver_words(node: ast.expr) -> list[str]:
    """The words of the names along a receiver's chain (`db.session.query(User).filter(...)` gives db,
    session, query, filter), not of the arguments of its calls."""
    found: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            found.extend(names.words(node.attr))
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Await):
            node = node.value
        elif isinstance(node, ast.Name):
            found.extend(names.words(node.id))
            return found
        else:
            return found
