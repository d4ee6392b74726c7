"""The Module model: one walk over a file's AST, answering the questions rules ask.

Rules never walk the AST themselves. They ask the model for calls to a
qualified name, for functions and their decorators, for module-level
assignments, and for the data flow of a function (`Module.flow`).
"""

from __future__ import annotations

import ast
import bisect
import builtins
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from secpat import names
from secpat.knowledge import NOTHING, Knowledge

_BUILTINS = frozenset(dir(builtins))
_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
#: What `from X import *` brings from the libraries whose names the rules follow (their `__all__` or public
#: names, as of their current releases; `Markup` and `escape` as older Flask releases re-exported them).
_STAR_EXPORTS: dict[str, frozenset[str]] = {
    "flask": frozenset(
        "Blueprint Config Flask Request Response abort after_this_request copy_current_request_context "
        "current_app flash g get_flashed_messages get_template_attribute has_app_context has_request_context "
        "json jsonify make_response redirect render_template render_template_string request send_file "
        "send_from_directory session stream_template stream_template_string stream_with_context url_for "
        "Markup escape".split()
    ),
    "bottle": frozenset(
        "Bottle BaseRequest BaseResponse HTTPError HTTPResponse LocalRequest LocalResponse SimpleTemplate "
        "Jinja2Template abort app debug default_app delete error get hook html_escape install jinja2_template "
        "jinja2_view mount patch post put redirect request response route run static_file template uninstall "
        "url view".split()
    ),
    "random": frozenset(
        "Random SystemRandom betavariate binomialvariate choice choices expovariate gammavariate gauss "
        "getrandbits getstate lognormvariate normalvariate paretovariate randbytes randint random randrange "
        "sample seed setstate shuffle triangular uniform vonmisesvariate weibullvariate".split()
    ),
    "hashlib": frozenset(
        "algorithms_available algorithms_guaranteed blake2b blake2s file_digest md5 new pbkdf2_hmac scrypt sha1 "
        "sha224 sha256 sha384 sha3_224 sha3_256 sha3_384 sha3_512 sha512 shake_128 shake_256".split()
    ),
    "sqlalchemy": frozenset("create_engine text literal_column select delete insert update and_ or_".split()),
    "secrets": frozenset("choice compare_digest randbelow randbits token_bytes token_hex token_urlsafe".split()),
}


@dataclass(eq=False)
class Function:
    """A function or method (or the module body, as the pseudo-function `<module>`)."""

    name: str
    qualname: str  # dotted within the module: `Class.method`, `outer.inner`
    node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    parent: Function | None
    class_name: str | None = None
    decorators: list[str] = field(default_factory=list)  # qualified names, call decorators by callee
    params: list[str] = field(default_factory=list)  # positional order, then vararg, kwonly, kwarg
    calls: list[Call] = field(default_factory=list)
    raw_identifiers: set[str] = field(default_factory=set)  # names, attributes, parameters, keywords in the body

    def mentions(self, words: Iterable[str]) -> bool:
        """Cheap gate: does an identifier of this function contain one of these lower-case fragments?"""
        blob = self.__dict__.get("_blob")
        if blob is None:
            # One lower-cased string per function; "\n" keeps fragments from matching across names.
            blob = self.__dict__["_blob"] = "\n".join(self.raw_identifiers).lower()
        return any(w in blob for w in words)

    @property
    def is_module(self) -> bool:
        return self.qualname == "<module>"

    def returns(self) -> list[ast.Return]:
        """The function's own `return` statements (not those of functions nested in it)."""
        found: list[ast.Return] = []
        pending: list[ast.AST] = [] if self.is_module else list(self.body)
        while pending:
            node = pending.pop()
            if isinstance(node, (*_FUNCTION_NODES, ast.ClassDef, ast.Lambda)):
                continue
            pending.extend(ast.iter_child_nodes(node))
            if isinstance(node, ast.Return):
                found.append(node)
        return found

    @property
    def body(self) -> list[ast.stmt]:
        return self.node.body

    @property
    def line(self) -> int:
        return getattr(self.node, "lineno", 1)


@dataclass(eq=False)
class ClassInfo:
    """A class: its resolved bases and decorators, class-body attributes, and methods."""

    name: str
    qualname: str
    node: ast.ClassDef
    bases: list[str]  # qualified names where resolvable (`django.views.View`), else source text
    decorators: list[str]
    keywords: dict[str, ast.expr]  # `metaclass=...` and other class keywords
    attributes: dict[str, ast.expr]  # simple `name = value` statements in the class body
    methods: dict[str, Function] = field(default_factory=dict)

    @property
    def line(self) -> int:
        return self.node.lineno


@dataclass(frozen=True, eq=False)
class LiteralBinding:
    """A string or bytes literal bound to a name: `SECRET_KEY = "..."`, `connect(password="...")`,
    `{"api_key": "..."}`, `def f(token="...")`, `app.secret_key = b"..."`. What secret-detecting
    rules read."""

    name: str  # the target name, keyword, dict key or parameter
    value: str | bytes
    node: ast.Constant  # the literal itself
    kind: str  # assign | attr | keyword | dict | default | compare (`if password == "..."`)
    scope: Function


@dataclass(eq=False)
class Call:
    """A call site with its callee resolved to a qualified name where possible."""

    node: ast.Call
    callee: str | None  # `hashlib.sha256`, `pkg.utils.make_code`, `print`; None when unknown
    scope: Function

    @property
    def method(self) -> str | None:
        """The attribute name called (`execute` for `cur.execute(...)`), or the plain name."""
        func = self.node.func
        if isinstance(func, ast.Attribute):
            return func.attr
        if isinstance(func, ast.Name):
            return func.id
        return None

    @property
    def receiver(self) -> ast.expr | None:
        func = self.node.func
        return func.value if isinstance(func, ast.Attribute) else None

    def arg(self, index: int | None = None, keyword: str | None = None) -> ast.expr | None:
        """The argument at a position or keyword (keyword wins), or None."""
        if keyword is not None:
            for kw in self.node.keywords:
                if kw.arg == keyword:
                    return kw.value
        if index is not None and index < len(self.node.args):
            arg = self.node.args[index]
            if not isinstance(arg, ast.Starred):
                return arg
        return None

    def literal(self, index: int | None = None, keyword: str | None = None, default: object = None) -> object:
        """The literal value of an argument (`ast.literal_eval`), or `default`."""
        node = self.arg(index, keyword)
        if node is None:
            return default
        return literal_value(node, default)

    def has_keyword(self, name: str) -> bool:
        return any(kw.arg == name for kw in self.node.keywords)


_NOT_LITERAL = object()


def parents_of(root: ast.AST) -> dict[int, ast.AST]:
    """`id(node) -> parent` for every node under `root`: for climbing from a value to what uses it."""
    return {id(child): parent for parent in ast.walk(root) for child in ast.iter_child_nodes(parent)}


def keyword_argument(call: ast.Call, name: str) -> ast.expr | None:
    """What a call gives as `name=...`, if it does."""
    return next((k.value for k in call.keywords if k.arg == name), None)


def literal_value(node: ast.AST, default: object = None) -> object:
    """Evaluate a literal expression (numbers, strings, containers, `2**17`, `10*60`)."""
    value = _eval_literal(node, depth=0)
    return default if value is _NOT_LITERAL else value


#: Reads a name as the literal it stands for, or `_NOT_LITERAL` (`Module.constant`).
NameReader = Callable[[ast.Name, int], object]


def names_credentials(name: str) -> bool:
    """`S3_CREDENTIALS`, `smtp_credential`: a name for a user or key id with its secret."""
    return bool({"credentials", "credential"} & {w.lower() for w in name.split("_")})


def _is_self_attribute(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def _server_status(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and 500 <= node.value < 600


def _registers_for_server_error(deco: ast.expr) -> bool:
    """`@app.error(500)`, `@error(500)`, `@app.errorhandler(500)`, `@bp.app_errorhandler(503)`."""
    if not isinstance(deco, ast.Call) or not deco.args or not _server_status(deco.args[0]):
        return False
    func = deco.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in ("error", "errorhandler", "app_errorhandler")


def parameter_defaults(args: ast.arguments) -> dict[str, ast.expr]:
    """Each parameter's default, by name: `def f(a, b=1, *, c=Depends(x))` gives {"b": 1, "c": Depends(x)}."""
    positional = [a.arg for a in (*args.posonlyargs, *args.args)]
    defaults = dict(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    return defaults


def _eval_literal(node: ast.AST, depth: int, read_name: NameReader | None = None) -> object:
    if depth > 50:
        return _NOT_LITERAL
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return read_name(node, depth + 1) if read_name is not None else _NOT_LITERAL
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = [_eval_literal(e, depth + 1, read_name) for e in node.elts]
        if any(i is _NOT_LITERAL for i in items):
            return _NOT_LITERAL
        try:
            return tuple(items) if isinstance(node, ast.Tuple) else items if isinstance(node, ast.List) else set(items)
        except TypeError:  # an unhashable item of a set
            return _NOT_LITERAL
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _eval_literal(node.operand, depth + 1, read_name)
        if isinstance(operand, (int, float)) and not isinstance(operand, bool):
            return -operand if isinstance(node.op, ast.USub) else operand
        return _NOT_LITERAL
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Pow)):
        left, right = _eval_literal(node.left, depth + 1, read_name), _eval_literal(node.right, depth + 1, read_name)
        if not (
            isinstance(left, (int, float))
            and not isinstance(left, bool)
            and isinstance(right, (int, float))
            and not isinstance(right, bool)
        ):
            if isinstance(node.op, ast.Add) and isinstance(left, str) and isinstance(right, str):
                return left + right
            return _NOT_LITERAL
        if isinstance(node.op, ast.Pow) and (abs(right) > 64 or abs(left) > 2**16):
            return _NOT_LITERAL  # refuse to compute huge numbers
        ops = {
            ast.Add: lambda a, b: a + b,
            ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b,
            ast.Pow: lambda a, b: a**b,
        }
        return ops[type(node.op)](left, right)
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            return _NOT_LITERAL
        keys = [_eval_literal(k, depth + 1, read_name) for k in node.keys if k is not None]
        values = [_eval_literal(v, depth + 1, read_name) for v in node.values]
        if any(x is _NOT_LITERAL for x in keys + values):
            return _NOT_LITERAL
        try:
            return dict(zip(keys, values))
        except TypeError:
            return _NOT_LITERAL
    return _NOT_LITERAL


class Module:
    """Everything secpat knows about one Python file, computed in one walk."""

    def __init__(
        self,
        tree: ast.Module,
        *,
        path: str,
        module_name: str,
        source: str,
        is_package: bool = False,
        project_roots: frozenset[str] = frozenset(),
    ):
        self.tree = tree
        #: What the project's config declares about its own functions (`secpat.knowledge`); set by the engine.
        self.knowledge: Knowledge = NOTHING
        self.project_roots = project_roots  # top-level modules of the scanned project: calls into them are followed
        self.path = path
        self.module_name = module_name
        self.is_package = is_package  # an `__init__.py`: relative imports resolve against itself
        self.source = source
        self.imports: dict[str, str] = {}  # local binding -> qualified name (module level)
        self.star_imports: list[str] = []  # modules of `from X import *`, in order
        self._bound_in_scope: dict[int, frozenset[str]] = {}  # id(scope node) -> names it binds (star imports)
        self.local_imports: dict[int, dict[str, str]] = {}  # id(function node) -> bindings inside it
        self.defined: dict[str, str] = {}  # module-level def/class name -> qualified name
        self.assignments: dict[str, list[ast.expr]] = {}  # module-level name -> assigned values, in order
        self.classes: dict[str, ClassInfo] = {}  # qualname -> class
        self.functions: dict[str, Function] = {}
        self.calls: list[Call] = []
        self.literal_bindings: list[LiteralBinding] = []
        self.if_statements: list[ast.If] = []  # every `if`, for environment branches (`if ENV == "prod":`)
        self.module_function = Function(name="<module>", qualname="<module>", node=tree, parent=None)
        self._calls_by_callee: dict[str, list[Call]] = {}
        self._function_of_node: dict[int, Function] = {}
        # Analyses of this module that other packages compute on first use and keep with it (the data flow
        # of each function, what each `__init__` stores on `self`): see `secpat.dataflow.flow.flow_of`.
        self.analyses: dict[str, dict] = {}
        self._flow_in_progress: set[int] = set()  # id(function) of the flows being computed: recursion stops there
        self._constants: dict[int, dict[str, ast.expr | None]] = {}  # id(scope node) -> `_scope_constants`
        _Builder(self).build()

    # -- names -------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        return self.source.splitlines()

    @cached_property
    def nodes(self) -> list[ast.AST]:
        """Every node of the tree but the context and operator singletons, parents first: one list
        for the checks that look at the whole module, read many times faster than `ast.walk`."""
        nodes: list[ast.AST] = [self.tree]
        for node in nodes:  # grows as it is read
            nodes.extend(_children(node))
        return nodes

    @cached_property
    def main_block(self) -> tuple[int, int] | None:
        """The lines of the module's `if __name__ == "__main__":` block, if it has one."""
        for stmt in self.tree.body:
            test = stmt.test if isinstance(stmt, ast.If) else None
            if (
                isinstance(test, ast.Compare)
                and isinstance(test.left, ast.Name)
                and test.left.id == "__name__"
                and len(test.comparators) == 1
                and isinstance(test.comparators[0], ast.Constant)
                and test.comparators[0].value == "__main__"
            ):
                return stmt.lineno, stmt.end_lineno or stmt.lineno
        return None

    @cached_property
    def debug_branches(self) -> tuple[tuple[int, int], ...]:
        """The lines of each block that runs only when a debug switch is on: the body of `if settings.DEBUG:`,
        `if in_debug_mode():`, `if os.getenv("APP_DEBUG"):` (not its `else`)."""
        spans = []
        for node in self.nodes:
            if isinstance(node, ast.If) and node.body and _mentions_debug(node.test):
                spans.append((node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno))
        return tuple(spans)

    def under_debug_switch(self, line: int) -> bool:
        return any(first <= line <= last for first, last in self.debug_branches)

    def runs_only_as_script(self, line: int) -> bool:
        """The line runs only when the file is executed as a script: it sits in the main block, or in a
        module-level function that only the main block calls (`def main(): ...` / `main()`)."""
        block = self.main_block
        if block is None:
            return False
        first, last = block
        if first <= line <= last:
            return True
        for stmt in self.tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.lineno <= line <= (
                stmt.end_lineno or stmt.lineno
            ):
                calls = [c for c in self.calls if isinstance(c.node.func, ast.Name) and c.node.func.id == stmt.name]
                return bool(calls) and all(first <= c.node.lineno <= last for c in calls)
        return False

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def resolve_relative(self, module: str | None, level: int) -> str:
        """Resolve `from ..x import y` against this module's dotted name."""
        if level == 0:
            return module or ""
        parts = self.module_name.split(".") if self.module_name else []
        if not self.is_package:
            parts = parts[:-1]
        if level > 1:
            parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
        if module:
            parts.append(module)
        return ".".join(parts)

    def binding(self, name: str, scope: Function | None = None) -> str | None:
        """The qualified name a bare name is bound to in a scope (imports, defs, builtins)."""
        within = scope
        while within is not None and not within.is_module:
            local = self.local_imports.get(id(within.node))
            if local and name in local:
                return local[name]
            within = within.parent
        if name in self.imports:
            return self.imports[name]
        if name in self.defined:
            return self.defined[name]
        if name in _BUILTINS and name not in self.assignments:
            return name
        if self.star_imports and name not in self.assignments:
            return self._star_binding(name, scope)
        return None

    def _star_binding(self, name: str, scope: Function | None) -> str | None:
        """`request` after `from flask import *`, `Classes` after `from models.pages import *`: a name no
        statement binds comes from a star import. A library's names are known from a table of what it exports;
        any other name comes from the last star import of a project module, as Python's last binding wins."""
        while scope is not None:
            if name in self._names_bound_by(scope):
                return None
            scope = scope.parent
        for base in reversed(self.star_imports):
            if name in _STAR_EXPORTS.get(base, ()):
                return f"{base}.{name}"
        for base in reversed(self.star_imports):
            if base.split(".", 1)[0] in self.project_roots:
                return f"{base}.{name}"
        return None

    def _names_bound_by(self, scope: Function) -> frozenset[str]:
        """Every name the scope's code binds: parameters, assignment and loop targets, `as` names, `def`s."""
        found = self._bound_in_scope.get(id(scope.node))
        if found is None:
            bound: set[str] = set(scope.params)
            # The scope's own statements: a nested function's or class's names are its own.
            stack = list(_children(scope.node))
            while stack:
                node = stack.pop()
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    bound.add(node.id)
                elif isinstance(node, (*_FUNCTION_NODES, ast.ClassDef)):
                    bound.add(node.name)
                    continue
                elif isinstance(node, ast.Lambda):
                    continue
                elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
                    bound.add(node.name)
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    bound.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
                elif isinstance(node, (ast.Global, ast.Nonlocal)):
                    bound.update(node.names)
                stack.extend(_children(node))
            found = self._bound_in_scope[id(scope.node)] = frozenset(bound)
        return found

    def qualified_name(self, expr: ast.AST | None, scope: Function | None = None) -> str | None:
        """`d` → `jwt.decode` after `from jwt import decode as d`; `np.random.rand` → `numpy.random.rand`."""
        attrs: list[str] = []
        while isinstance(expr, ast.Attribute):
            attrs.append(expr.attr)
            expr = expr.value
        if not isinstance(expr, ast.Name):
            return None
        base = self.binding(expr.id, scope)
        if base is None:
            return None
        return ".".join([base, *reversed(attrs)])

    def typed_method(self, call: ast.Call, scope: Function) -> str | None:
        """`repo.search(q)` in `def view(q: str, repo: InvoiceRepository = Depends(get_repo))`: the method of the
        project class the parameter is declared to hold (`pkg.repo.InvoiceRepository.search`), else None."""
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and scope.class_name:
            cls = self.attribute_class(scope, func.value.attr) if _is_self_attribute(func.value) else None
            return f"{cls}.{func.attr}" if cls else None
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return None
        cls = self.annotated_class(func.value.id, scope) or self.module_instance_class(func.value.id, scope)
        return f"{cls}.{func.attr}" if cls else None

    def _project_class(self, name: str) -> bool:
        """A name of the project's by the usual capitalised name of a class (`pkg.repo.InvoiceRepository`)."""
        return name.split(".", 1)[0] in self.project_roots and name.rsplit(".", 1)[-1][:1].isupper()

    def module_instance_class(self, name: str, scope: Function) -> str | None:
        """`repository.search(q)` where the module keeps one `repository = InvoiceRepository()` and the calling
        function binds no `repository` of its own: the project class of that module-level object, else None."""
        values = self.assignments.get(name, [])
        if len(values) != 1 or not isinstance(values[0], ast.Call):
            return None
        within: Function | None = scope
        while within is not None and not within.is_module:
            if name in self._names_bound_by(within):
                return None
            within = within.parent
        made = self.qualified_name(values[0].func) or ""
        return made if self._project_class(made) else None

    def attribute_class(self, method: Function, attr: str) -> str | None:
        """`self.repo` in a method, where `__init__` keeps `self.repo = repo or ReportRepository()` (or a parameter
        declared as one): the project class the attribute holds, else None."""
        info = self.classes.get(method.qualname.rsplit(".", 1)[0])
        init = info.methods.get("__init__") if info is not None else None
        if init is None:
            return None
        found: set[str | None] = set()
        for node in ast.walk(init.node):
            if not isinstance(node, ast.Assign) or not any(
                isinstance(t, ast.Attribute) and _is_self_attribute(t) and t.attr == attr for t in node.targets
            ):
                continue
            values = node.value.values if isinstance(node.value, ast.BoolOp) else [node.value]
            for value in values:
                if isinstance(value, ast.Name):
                    found.add(self.annotated_class(value.id, init))
                elif isinstance(value, ast.Call):
                    name = self.qualified_name(value.func, init) or ""
                    found.add(name if self._project_class(name) else None)
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def method_on_self(self, func: ast.expr, scope: Function) -> Function | None:
        """`self.find(...)` in a method: the method of the caller's class, or of a base class defined in this
        module, that runs, else None."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
            return None
        if not scope.class_name:
            return None
        info = self.classes.get(scope.qualname.rsplit(".", 1)[0])
        for _ in range(5):
            if info is None:
                return None
            if func.attr in info.methods:
                return info.methods[func.attr]
            local = [self.classes.get(base.rsplit(".", 1)[-1]) for base in info.bases]
            info = next((c for c in local if c is not None), None)
        return None

    def inherited_method(self, func: ast.expr, scope: Function) -> str | None:
        """`self._fetch_all(...)` in a method of a class built on a project class of another module
        (`class InvoiceRepository(BaseRepository)`), where no class of this module defines the method: that
        base's method, by its qualified name (`app.repositories.base.BaseRepository._fetch_all`)."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
            return None
        if not scope.class_name or self.method_on_self(func, scope) is not None:
            return None
        info = self.classes.get(scope.qualname.rsplit(".", 1)[0])
        for _ in range(5):
            if info is None:
                return None
            elsewhere = [
                base
                for base in info.bases
                if self.classes.get(base.rsplit(".", 1)[-1]) is None
                and base.split(".", 1)[0] in self.project_roots
                and base.rsplit(".", 1)[-1][:1].isupper()
            ]
            if elsewhere:
                return f"{elsewhere[0]}.{func.attr}" if len(elsewhere) == 1 else None
            local = [self.classes.get(base.rsplit(".", 1)[-1]) for base in info.bases]
            info = next((c for c in local if c is not None), None)
        return None

    def class_made_by(self, function: Function) -> str | None:
        """`def _repo(self): return ReportRepository(self.session)`: the project class (by the usual capitalised
        name) whose object every `return` of the function makes, else None."""
        made: set[str | None] = set()
        for node in function.returns():
            value = node.value
            name = self.qualified_name(value.func, function) if isinstance(value, ast.Call) else None
            made.add(name if name and self._project_class(name) else None)
        return made.pop() if len(made) == 1 else None

    def annotated_class(self, name: str, scope: Function) -> str | None:
        """The project class a parameter of `scope` is declared to hold (also `X | None`, `Optional[X]`,
        `"X"`), by the usual capitalised name."""
        node = scope.node
        if not isinstance(node, _FUNCTION_NODES):
            return None
        args = node.args
        declared = self._unannotated(
            next((a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs) if a.arg == name), None)
        )
        if isinstance(declared, ast.BinOp) and isinstance(declared.op, ast.BitOr):
            sides = [
                side
                for side in (declared.left, declared.right)
                if not (isinstance(side, ast.Constant) and side.value is None)
            ]
            declared = sides[0] if len(sides) == 1 else None
        elif isinstance(declared, ast.Subscript) and self.qualified_name(declared.value) == "typing.Optional":
            declared = declared.slice
        if isinstance(declared, ast.Constant) and isinstance(declared.value, str):
            try:
                declared = ast.parse(declared.value, mode="eval").body
            except SyntaxError:
                return None
        if not isinstance(declared, (ast.Name, ast.Attribute)):
            return None
        qualified = self.qualified_name(declared, scope.parent)
        if not qualified or qualified.split(".", 1)[0] not in self.project_roots:
            return None
        return qualified if qualified.rsplit(".", 1)[-1][:1].isupper() else None

    def type_alias(self, annotation: ast.expr | None) -> ast.expr | None:
        """What a module-level alias of a subscripted type stands for (`CurrentUser = Annotated[User,
        Depends(current_user)]`, then `user: CurrentUser`); any other annotation as it is."""
        if isinstance(annotation, ast.Name):
            bound = self.assignments.get(annotation.id, [])
            if len(bound) == 1 and isinstance(bound[0], ast.Subscript):
                return bound[0]
        return annotation

    def _unannotated(self, declared: ast.expr | None) -> ast.expr | None:
        """The type of `Annotated[ReportService, Depends(...)]`, also through a module-level alias of it
        (`Reports = Annotated[ReportService, Depends(get_reports)]`, then `reports: Reports`)."""
        declared = self.type_alias(declared)
        if (
            isinstance(declared, ast.Subscript)
            and self.qualified_name(declared.value) in ("typing.Annotated", "typing_extensions.Annotated")
            and isinstance(declared.slice, ast.Tuple)
            and declared.slice.elts
        ):
            return declared.slice.elts[0]
        return declared

    # -- queries -----------------------------------------------------------

    def calls_to(self, *names: str) -> list[Call]:
        """Calls whose callee is one of `names`; a name ending in `.*` matches a prefix."""
        found: list[Call] = []
        for name in names:
            if name.endswith(".*"):
                prefix = name[:-1]
                for callee, calls in self._calls_by_callee.items():
                    if callee.startswith(prefix):
                        found.extend(calls)
            else:
                found.extend(self._calls_by_callee.get(name, ()))
        return sorted(found, key=lambda c: (c.node.lineno, c.node.col_offset)) if len(names) > 1 else found

    def calls_with_method(self, *methods: str) -> Iterator[Call]:
        wanted = set(methods)
        return (c for c in self.calls if c.method in wanted)

    def mentions(self, words: Iterable[str]) -> bool:
        """Cheap gate: does any identifier of the module contain one of these lower-case fragments?"""
        words = tuple(words)
        return any(f.mentions(words) for f in self.all_functions())

    def imports_any(self, *prefixes: str) -> bool:
        bound = [*self.imports.values(), *self.star_imports]
        for local in self.local_imports.values():
            bound.extend(local.values())
        return any(q == p or q.startswith(p + ".") for q in bound for p in prefixes)

    def imported_names(self) -> Iterator[tuple[str, str]]:
        """Module-level names bound by imports and what they name, those of `from flask import *` included."""
        yield from self.imports.items()
        for base in self.star_imports:
            for name in _STAR_EXPORTS.get(base, ()):
                if name not in self.imports and name not in self.defined and name not in self.assignments:
                    yield name, f"{base}.{name}"

    def top_level_literals(self) -> Iterator[tuple[str, LiteralBinding]]:
        """(qualified name, binding) of each literal assigned at the top of the module or of a class there
        (`SECRET = "..."`, `class Keys: SIGNING = "..."`): the constants another module can import."""
        for binding in self.literal_bindings:
            scope = binding.scope
            if binding.kind != "assign" or not (
                scope.is_module or scope.class_name and scope.parent is self.module_function
            ):
                continue
            owner = self.module_name if scope.is_module else f"{self.module_name}.{scope.qualname}"
            yield f"{owner}.{binding.name}", binding

    def all_functions(self) -> list[Function]:
        return [self.module_function, *self.functions.values()]

    def function_of(self, node: ast.AST) -> Function | None:
        return self._function_of_node.get(id(node))

    @cached_property
    def _function_spans(self) -> list[tuple[int, int, Function]]:
        return [
            (f.node.lineno, f.node.end_lineno or f.node.lineno, f)
            for f in self.all_functions()
            if isinstance(f.node, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]

    def function_at(self, line: int) -> Function | None:
        """The innermost function (not the module body) whose lines hold `line`."""
        around = [(first, f) for first, last, f in self._function_spans if first <= line <= last]
        return max(around, key=lambda pair: pair[0])[1] if around else None

    @cached_property
    def server_error_handlers(self) -> frozenset[str]:
        """Qualnames of the module's functions registered for server errors (a 5xx status): Bottle's
        `@app.error(500)` and `app.error_handler[500] = f`, Flask's `@app.errorhandler(500)` and
        `app.register_error_handler(500, f)`. What they return is the answer, and the error object they are
        handed carries the exception that made the error (`error.exception`, `e.original_exception`)."""
        if "error" not in self.source:
            return frozenset()
        found = set()
        for function in self.functions.values():
            for deco in getattr(function.node, "decorator_list", []):
                if _registers_for_server_error(deco):
                    found.add(function.qualname)
        for node in self.nodes:
            handler: ast.expr | None = None
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Subscript)
                and isinstance(node.targets[0].value, ast.Attribute)
                and node.targets[0].value.attr == "error_handler"
                and _server_status(node.targets[0].slice)
            ):
                handler = node.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "register_error_handler"
                and len(node.args) == 2
                and _server_status(node.args[0])
            ):
                handler = node.args[1]
            if isinstance(handler, ast.Name) and handler.id in self.functions:
                found.add(handler.id)
        return frozenset(found)

    @cached_property
    def registered_error_handlers(self) -> dict[str, str]:
        """The module's functions registered by a call for a class of exceptions, with that class's dotted
        name: `app.add_error_handler(Exception, handle)` (Connexion), `app.add_exception_handler(...)`
        (Starlette, FastAPI), `app.register_error_handler(...)` (Flask)."""
        if "_handler(" not in self.source:
            return {}
        found: dict[str, str] = {}
        for node in self.nodes:
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("add_error_handler", "add_exception_handler", "register_error_handler")
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Name)
                and node.args[1].id in self.functions
            ):
                found[node.args[1].id] = ast.unparse(node.args[0])
        return found

    @cached_property
    def declared_globals(self) -> frozenset[str]:
        """The names some function of the module rebinds through a `global` statement."""
        return frozenset(name for node in self.nodes if isinstance(node, ast.Global) for name in node.names)

    @cached_property
    def class_attributes(self) -> dict[str, dict[str, ast.expr]]:
        """Class name -> its class-body attributes (innermost definition wins on a name clash)."""
        return {c.name: c.attributes for c in self.classes.values()}

    def constant(self, node: ast.AST | None, default: object = None, scope: Function | None = None) -> object:
        """A literal expression, each name in it read as the constant it is bound to: a name of `scope`
        (or of a function around it, or of the module) assigned once, to a literal, and not changed in
        place (`SESSION_COOKIE = "sid"`, `EVERYONE = ["*"]`, `check_sig = False`). `default` when any
        part of it is not such a constant."""
        if node is None:
            return default
        value = _eval_literal(node, 0, self._name_reader(scope or self.module_function))
        return default if value is _NOT_LITERAL else value

    def constant_items(self, node: ast.AST | None, scope: Function | None = None) -> dict[str, object]:
        """The entries of a dict display, or of the one a name is bound to (as `constant` reads names), whose
        values are constants: `{"verify_signature": False}` for `options` after `check = False` and
        `options = {"verify_signature": check, "audience": audience}`."""
        scope = scope or self.module_function
        if isinstance(node, ast.Name):
            bound = self.bound_value(node.id, scope)
            if bound is None:
                return {}
            node, scope = bound
        if isinstance(node, ast.Dict):
            entries = [
                (k.value, v)
                for k, v in zip(node.keys, node.values)
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
        elif isinstance(node, ast.Call) and self.qualified_name(node.func, scope) == "dict":
            entries = [(kw.arg, kw.value) for kw in node.keywords if kw.arg]  # `dict(verify_signature=check)`
        else:
            return {}
        items: dict[str, object] = {}
        for key, value in entries:
            constant = self.constant(value, _NOT_LITERAL, scope)
            if constant is not _NOT_LITERAL:
                items[key] = constant
        return items

    def bound_value(self, name: str, scope: Function) -> tuple[ast.expr, Function] | None:
        """The value a name is bound to once, and the scope it is bound in (see `constant`)."""
        for holder in _enclosing(scope):
            constants = self._constants.get(id(holder.node))
            if constants is None:
                constants = self._constants[id(holder.node)] = _scope_constants(self, holder)
            if name in constants:
                value = constants[name]
                return None if value is None else (value, holder)
        return None

    def _name_reader(self, scope: Function) -> NameReader:
        def read(name: ast.Name, depth: int) -> object:
            bound = self.bound_value(name.id, scope)
            return _NOT_LITERAL if bound is None else _eval_literal(bound[0], depth, self._name_reader(bound[1]))

        return read

    def local_function(self, callee: str | None) -> Function | None:
        """The function of this module a qualified callee names, if any."""
        if not callee:
            return None
        prefix = f"{self.module_name}." if self.module_name else ""
        if prefix:
            return self.functions.get(callee[len(prefix) :]) if callee.startswith(prefix) else None
        return self.functions.get(callee)

    def instances(self) -> dict[str, str]:
        """Module-level names bound once to an object of a project class: `pages = PageRepository()` gives
        {"pkg.repo.pages": "pkg.repo.PageRepository"}. A call of `pages.search()` from any module runs that
        class's method. So do a class's attributes bound to one (a Django model's `objects` manager). (Classes by
        the usual capitalised name; a factory function is not followed.)"""
        prefix = f"{self.module_name}." if self.module_name else ""

        def project_class(value: ast.expr | None) -> str | None:
            if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
                return None
            qualified = self.qualified_name(value.func)
            if not qualified or qualified.split(".", 1)[0] not in self.project_roots:
                return None
            return qualified if qualified.rsplit(".", 1)[-1][:1].isupper() else None

        found = {}
        for name, values in self.assignments.items():
            made = project_class(values[0]) if len(values) == 1 else None
            if made:
                found[prefix + name] = made
        # `class Loan(models.Model): objects = LoanManager()`: `Loan.objects.overdue()` runs the manager's method.
        for cls in self.tree.body:
            if not isinstance(cls, ast.ClassDef):
                continue
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    made = project_class(stmt.value)
                    if made:
                        found[f"{prefix}{cls.name}.{stmt.targets[0].id}"] = made
        return found

    def global_name(self, function: Function) -> str:
        """The project-wide name of a function: `pkg.mod.Class.method`."""
        return f"{self.module_name}.{function.qualname}" if self.module_name else function.qualname

    def replaced_in_place(self, function: Function) -> bool:
        """An undecorated `def` that a later `def` of the same name in the same block replaces (two methods
        `find` in one class body): a call by name never runs it. One defined in another branch, or one its
        decorators registered, stays live."""
        node = function.node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.decorator_list:
            return False
        if self.functions.get(function.qualname) is function:
            return False  # the last body of its name
        for block in self._blocks_holding(node):
            later = block[block.index(node) + 1 :]
            if any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == node.name for s in later):
                return True
        return False

    def _blocks_holding(self, node: ast.stmt) -> Iterator[list[ast.stmt]]:
        for parent in ast.walk(self.tree):
            for name in ("body", "orelse", "finalbody"):
                block = getattr(parent, name, None)
                if isinstance(block, list) and any(s is node for s in block):
                    yield block

    def release(self) -> None:
        """Break the model's reference cycles (a function lists its calls, each call names its function; a
        flow names its module, which keeps the flow): once dropped, the model and its tree are freed at once
        by reference counting, not left for the cyclic collector. The model cannot be queried afterwards."""
        self.analyses.clear()
        for call in self.calls:
            call.scope.calls.clear()

    @cached_property
    def statement_spans(self) -> list[tuple[int, int]]:
        """(first line, last line) of every simple statement and compound-statement header."""
        spans: list[tuple[int, int]] = []
        stack: list[ast.AST] = [self.tree]
        while stack:
            node = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    end = child.end_lineno or child.lineno
                    body = getattr(child, "body", None)
                    if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                        # A compound statement's own span is its header, up to its body.
                        end = max(child.lineno, body[0].lineno - 1)
                        first = child.lineno
                        decorators = getattr(child, "decorator_list", [])
                        if decorators:
                            first = min(d.lineno for d in decorators)
                        spans.append((first, end))
                        stack.append(child)
                    else:
                        spans.append((child.lineno, end))
                elif isinstance(child, (ast.excepthandler, ast.match_case)):
                    stack.append(child)
        spans.sort()
        return spans

    def statement_span(self, line: int) -> tuple[int, int]:
        """The innermost statement span containing `line` (or the line itself)."""
        return innermost_span(self.statement_spans, line)


def innermost_span(spans: list[tuple[int, int]], line: int) -> tuple[int, int]:
    """The innermost (first, last) of sorted `spans` that contains `line`, else (line, line).

    Spans are simple statements and compound-statement headers, which never contain one
    another, so the containing span that starts last is the innermost one.
    """
    index = bisect.bisect_right(spans, (line, float("inf")))
    for first, last in reversed(spans[max(0, index - 64) : index]):
        if last >= line:
            return first, last
    return line, line


#: Methods whose first argument names the field or key they read.
FIELD_READERS = frozenset({"get", "getlist", "getone", "getfirst", "pop", "get_argument", "get_body_argument"})
#: Longer string keys are text, not a field's name.
_KEY_NAME_LIMIT = 40


def _names_secret(key: str) -> bool:
    """A field's name that promises a password, a token or personal data: `request.form["password"]` names
    the value as an identifier would (see `Function.mentions`)."""
    return len(key) <= _KEY_NAME_LIMIT and names.classify(key) is not None


def _credential_pair(node: ast.expr) -> tuple[str, ast.Constant] | None:
    """`auth=("shop", "s3cret")`, `auth=HTTPBasicAuth("shop", "s3cret")`: the password of a user name and
    password given as a pair of literals."""
    if isinstance(node, ast.Call) and node.args:
        items = node.args
    elif isinstance(node, (ast.Tuple, ast.List)):
        items = node.elts
    else:
        return None
    user, password = items if len(items) == 2 else (None, None)
    if not (isinstance(user, ast.Constant) and isinstance(user.value, str)):
        return None
    if not (isinstance(password, ast.Constant) and isinstance(password.value, str)):
        return None
    return password.value, password


def _login_password(node: ast.Call) -> tuple[str, ast.Constant] | None:
    """`smtp.login("alerts@example.com", "s3cret")`, `ftp.login(user, "s3cret")`: a client's sign-in with the
    password written in the call."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "login" and len(node.args) == 2):
        return None
    password = node.args[1]
    if not (isinstance(password, ast.Constant) and isinstance(password.value, str)):
        return None
    return password.value, password


def _compared_literal(node: ast.Compare) -> tuple[str, str | bytes, ast.Constant] | None:
    """`password == "hunter22"`, `request.form["pwd"] != "..."`: the name the compared side is known by,
    the literal and its node; None for other comparisons."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        return None
    left, right = node.left, node.comparators[0]
    if isinstance(left, ast.Constant):
        left, right = right, left
    if not isinstance(right, ast.Constant) or not isinstance(right.value, (str, bytes)):
        return None
    name = field_name(left)
    return (name, right.value, right) if name else None


#: Tornado's options: `define(name, default=...)` declares a setting the command line or a file may set.
_OPTION_DEFINITIONS = frozenset({"tornado.options.define", "tornado.options.options.define"})


def field_name(node: ast.expr) -> str | None:
    """`password`, `form.password`, `data["password"]`, `request.form.get("pwd")`: the name a value is read by."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in FIELD_READERS
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


class _Builder:
    """The single walk that fills a Module. Iterative, so deep nesting cannot overflow."""

    def __init__(self, module: Module):
        self.m = module

    def build(self) -> None:
        m = self.m
        # Pass over module-level statements first so bindings exist before calls are resolved.
        for stmt in m.tree.body:
            self._bind_toplevel(stmt)
        stack: list[tuple[ast.AST, Function]] = [(child, m.module_function) for child in reversed(m.tree.body)]
        push = stack.append
        Name, Attribute, Call_, Constant = ast.Name, ast.Attribute, ast.Call, ast.Constant
        arg, keyword, Subscript = ast.arg, ast.keyword, ast.Subscript
        definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        assigns = (ast.Assign, ast.AnnAssign)
        If = ast.If
        Dict = ast.Dict
        bind = m.literal_bindings.append
        imports = (ast.Import, ast.ImportFrom)
        while stack:
            node, scope = stack.pop()
            if type(node) is Name:
                scope.raw_identifiers.add(node.id)
                continue
            if type(node) is Constant:
                continue
            if type(node) is Attribute:
                scope.raw_identifiers.add(node.attr)
            elif type(node) is Subscript:
                # `request.form["password"]`: a field's name is what names the value, whatever it is bound to;
                # `headers["Set-Cookie"]` holds a cookie.
                field_key = node.slice
                if (
                    type(field_key) is Constant
                    and type(field_key.value) is str
                    and (_names_secret(field_key.value) or field_key.value.lower() == "set-cookie")
                ):
                    scope.raw_identifiers.add(field_key.value)
            elif type(node) is Call_:
                given = _login_password(node)
                if given is not None:
                    bind(LiteralBinding("password", *given, "keyword", scope))
                call = Call(node=node, callee=m.qualified_name(node.func, scope), scope=scope)
                m.calls.append(call)
                scope.calls.append(call)
                if call.callee:
                    m._calls_by_callee.setdefault(call.callee, []).append(call)
                first = node.args[0] if node.args else None
                if call.callee in _OPTION_DEFINITIONS and type(first) is Constant and type(first.value) is str:
                    # `define("sendgrid_api_key", default="SG...")`: the option holds its default where nothing
                    # sets it, as a setting assigned so would.
                    default = next((k.value for k in node.keywords if k.arg == "default"), None)
                    if type(default) is Constant and isinstance(default.value, (str, bytes)):
                        bind(LiteralBinding(first.value, default.value, default, "assign", scope))
                if (
                    type(first) is Constant
                    and type(node.func) is Attribute
                    and node.func.attr in FIELD_READERS
                    and type(first.value) is str
                    and _names_secret(first.value)
                ):
                    scope.raw_identifiers.add(first.value)  # `request.form.get("pwd")`
            elif type(node) is arg:
                scope.raw_identifiers.add(node.arg)
            elif type(node) is keyword:
                if node.arg:
                    scope.raw_identifiers.add(node.arg)
                    if type(node.value) is Constant and isinstance(node.value.value, (str, bytes)):
                        bind(LiteralBinding(node.arg, node.value.value, node.value, "keyword", scope))
                    elif node.arg == "auth":
                        given = _credential_pair(node.value)
                        if given is not None:
                            bind(LiteralBinding("password", *given, "keyword", scope))
            elif isinstance(node, assigns):
                self._bind_literals(node, scope)
            elif type(node) is If:
                m.if_statements.append(node)
            elif type(node) is ast.Compare:
                compared = _compared_literal(node)
                if compared is not None:
                    bind(LiteralBinding(*compared, "compare", scope))
            elif type(node) is Dict:
                for key, value in zip(node.keys, node.values):
                    if type(key) is not Constant or not isinstance(key.value, str):
                        continue
                    if type(value) is Constant and isinstance(value.value, (str, bytes)):
                        bind(LiteralBinding(key.value, value.value, value, "dict", scope))
                    elif _names_secret(key.value):
                        # `return {"token": make()}`: a key names what it holds, as a subscript's does.
                        scope.raw_identifiers.add(key.value)
            elif isinstance(node, definitions):
                for deco in node.decorator_list:
                    push((deco, scope))
                inner = self._enter(node, scope)
                if not isinstance(node, ast.ClassDef):
                    self._bind_local_imports(node, inner)
                for stmt in reversed(node.body):
                    push((stmt, inner))
                # Defaults, annotations, bases and keywords are evaluated in the enclosing scope.
                skip = {id(n) for n in (*node.body, *node.decorator_list)}
                for child in _children(node):
                    if id(child) not in skip:
                        push((child, scope))
                continue
            elif isinstance(node, imports) and isinstance(scope.node, ast.ClassDef):
                self._bind_import(node, m.local_imports.setdefault(id(scope.node), {}))
            for child in _children(node):
                push((child, scope))

    def _bind_local_imports(self, function: ast.FunctionDef | ast.AsyncFunctionDef, scope: Function) -> None:
        """An import anywhere in a function body binds its name for the whole body (`if x: import bcrypt`
        above a later `bcrypt.checkpw(...)`), so bind them all before the body's calls are resolved."""
        pending: list[ast.AST] = list(function.body)
        while pending:
            node = pending.pop()
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._bind_import(node, self.m.local_imports.setdefault(id(scope.node), {}))
            elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.expr)):
                pending.extend(_children(node))

    def _bind_literals(self, node: ast.Assign | ast.AnnAssign, scope: Function) -> None:
        value = node.value
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if isinstance(value, (ast.Tuple, ast.List)):
            self._bind_literal_items(targets, value, scope)
            return
        if type(value) is not ast.Constant or not isinstance(value.value, (str, bytes)):
            return
        for target in targets:
            if isinstance(target, ast.Name):
                self.m.literal_bindings.append(LiteralBinding(target.id, value.value, value, "assign", scope))
            elif isinstance(target, ast.Attribute):
                self.m.literal_bindings.append(LiteralBinding(target.attr, value.value, value, "attr", scope))
            elif (
                isinstance(target, ast.Subscript)
                and isinstance(target.slice, ast.Constant)
                and isinstance(target.slice.value, str)
            ):
                self.m.literal_bindings.append(LiteralBinding(target.slice.value, value.value, value, "dict", scope))

    def _bind_literal_items(self, targets: Sequence[ast.expr], value: ast.Tuple | ast.List, scope: Function) -> None:
        """`KEY_ID, SECRET = "AKIA...", "..."` binds each literal to its own name; `S3_CREDENTIALS = ("AKIA...",
        "...")`, a pair named for credentials, binds both to that name."""
        items: list[tuple[int, ast.Constant, str | bytes]] = [
            (i, e, e.value)
            for i, e in enumerate(value.elts)
            if isinstance(e, ast.Constant) and isinstance(e.value, (str, bytes))
        ]
        for target in targets:
            if isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == len(value.elts):
                for i, item, text in items:
                    name = target.elts[i]
                    if isinstance(name, ast.Name):
                        self.m.literal_bindings.append(LiteralBinding(name.id, text, item, "assign", scope))
            elif isinstance(target, ast.Name) and len(value.elts) == 2 == len(items) and names_credentials(target.id):
                for _, item, text in items:
                    self.m.literal_bindings.append(LiteralBinding(target.id, text, item, "assign", scope))

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, scope: Function) -> Function:
        m = self.m
        if scope.is_module:
            qual = node.name
        else:
            qual = f"{scope.qualname}.{node.name}"
        if isinstance(node, ast.ClassDef):
            attributes: dict[str, ast.expr] = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    attributes[stmt.targets[0].id] = stmt.value
                elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                    attributes[stmt.target.id] = stmt.value
            m.classes[qual] = ClassInfo(
                name=node.name,
                qualname=qual,
                node=node,
                bases=[self._decorator_name(b, scope) for b in node.bases],
                decorators=[self._decorator_name(d, scope) for d in node.decorator_list],
                keywords={k.arg: k.value for k in node.keywords if k.arg},
                attributes=attributes,
            )
            # Classes are scopes for naming methods but not functions of their own.
            fake = Function(name=node.name, qualname=qual, node=node, parent=scope)
            fake.class_name = node.name
            return _ClassScope(fake)
        parent = scope.parent_function if isinstance(scope, _ClassScope) else scope
        class_name = scope.class_name if isinstance(scope, _ClassScope) else None
        args = node.args
        params = [a.arg for a in (*args.posonlyargs, *args.args)]
        if args.vararg:
            params.append(args.vararg.arg)
        params.extend(a.arg for a in args.kwonlyargs)
        if args.kwarg:
            params.append(args.kwarg.arg)
        func = Function(
            name=node.name,
            qualname=qual,
            node=node,
            parent=parent,
            class_name=class_name,
            params=params,
        )
        func.decorators = [self._decorator_name(d, scope) for d in node.decorator_list]
        func.raw_identifiers.update(params)
        func.raw_identifiers.add(func.name)
        positional = [*args.posonlyargs, *args.args]
        defaults = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
        defaults += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        for param, default in defaults:
            if isinstance(default, ast.Constant) and isinstance(default.value, (str, bytes)):
                m.literal_bindings.append(LiteralBinding(param.arg, default.value, default, "default", scope))
        if qual in m.functions:
            # Redefined under the same name: a call by name runs the last body, but the earlier one is live
            # too (its decorators registered it, or another branch defines it). Keep it under its line.
            earlier = m.functions[qual]
            m.functions = {
                (f"{key}@{earlier.line}" if key == qual else key): value for key, value in m.functions.items()
            }
        m.functions[qual] = func
        m._function_of_node[id(node)] = func
        if isinstance(scope, _ClassScope) and scope.qualname in m.classes:
            m.classes[scope.qualname].methods[func.name] = func
        return func

    def _decorator_name(self, deco: ast.expr, scope: Function) -> str:
        target = deco.func if isinstance(deco, ast.Call) else deco
        resolved = self.m.qualified_name(target, scope)
        if resolved:
            return resolved
        try:
            return ast.unparse(target)
        except Exception:  # pragma: no cover - unparse is total on valid trees
            return "?"

    def _bind_toplevel(self, stmt: ast.stmt) -> None:
        m = self.m
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self._bind_import(stmt, m.imports)
        elif isinstance(stmt, (*_FUNCTION_NODES, ast.ClassDef)):
            m.defined[stmt.name] = f"{m.module_name}.{stmt.name}" if m.module_name else stmt.name
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if stmt.value is None:
                return
            for target in targets:
                for name in _target_names(target):
                    m.assignments.setdefault(name, []).append(stmt.value)
        elif isinstance(stmt, (ast.If, ast.Try)):
            # Settings and optional imports often live under `if`/`try` at module level.
            for block in (stmt.body, stmt.orelse, getattr(stmt, "finalbody", [])):
                for inner in block:
                    self._bind_toplevel(inner)
            for handler in getattr(stmt, "handlers", []):
                for inner in handler.body:
                    self._bind_toplevel(inner)

    def _bind_import(self, stmt: ast.Import | ast.ImportFrom, table: dict[str, str]) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    table[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    table[head] = head
            return
        base = self.m.resolve_relative(stmt.module, stmt.level)
        for alias in stmt.names:
            if alias.name == "*":
                if base and table is self.m.imports:
                    self.m.star_imports.append(base)
                continue
            table[alias.asname or alias.name] = f"{base}.{alias.name}" if base else alias.name


class _ClassScope(Function):
    """A class body seen as a scope: methods are named under it, bindings come from outside."""

    def __init__(self, cls: Function):
        super().__init__(name=cls.name, qualname=cls.qualname, node=cls.node, parent=cls.parent, class_name=cls.name)
        self.parent_function = cls.parent
        # Class-body code runs in the enclosing scope: its calls and names belong there.
        self.calls = cls.parent.calls if cls.parent else []
        self.raw_identifiers = cls.parent.raw_identifiers if cls.parent else set()


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAF_TYPES = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)


def _children(node: ast.AST) -> list[ast.AST]:
    """Child nodes, like `ast.iter_child_nodes` but without the generator overhead and without
    the context and operator singletons, which carry nothing the model needs."""
    fields = _CHILD_FIELDS.get(type(node))
    if fields is None:
        fields = _CHILD_FIELDS[type(node)] = tuple(f for f in node._fields if f not in ("ctx", "op", "ops"))
    out: list[ast.AST] = []
    for name in fields:
        child = getattr(node, name, None)
        if child is None:
            continue
        if isinstance(child, list):
            out.extend(c for c in child if isinstance(c, ast.AST) and not isinstance(c, _LEAF_TYPES))
        elif isinstance(child, ast.AST):
            out.append(child)
    return out


def _target_names(target: ast.AST) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            yield from _target_names(elt)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


# -- names bound to constants ----------------------------------------------------------------------

#: Methods that change a list, dict or set in place: a name they are called on holds no constant.
_MUTATORS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "remove",
        "pop",
        "clear",
        "update",
        "setdefault",
        "add",
        "discard",
        "popitem",
        "sort",
        "reverse",
        "__setitem__",
        "__delitem__",
        "__iadd__",
    }
)


def _enclosing(scope: Function) -> Iterator[Function]:
    """The scope and those whose names it sees: enclosing functions (not class bodies), then the module."""
    current: Function | None = scope
    while current is not None:
        yield current
        current = current.parent


def _scope_constants(module: Module, scope: Function) -> dict[str, ast.expr | None]:
    """Every name bound in the scope's own code: the value of its one plain assignment (`name = value`),
    or None when it is bound another way (a parameter, a loop, `+=`, an import, twice), declared
    global or nonlocal, or changed in place (`name.append(...)`, `name[k] = v`)."""
    bound: dict[str, ast.expr | None] = {}

    def spoil(name: str) -> None:
        bound[name] = None

    if not scope.is_module:
        for param in scope.params:
            spoil(param)
    nodes: list[ast.AST] = list(getattr(scope.node, "body", []))
    while nodes:
        node = nodes.pop()
        if isinstance(node, (*_FUNCTION_NODES, ast.ClassDef)):
            spoil(node.name)  # its body, decorators and defaults are another scope's or read only
            continue
        if isinstance(node, ast.Lambda):
            continue
        plain = _plain_assignment(node)
        if plain is not None:
            name, value = plain
            if value is not None:  # `name: T` alone binds nothing
                if name in bound:
                    spoil(name)
                else:
                    bound[name] = value
                nodes.append(value)
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            spoil(node.id)  # a tuple target, a loop variable, `+=`, `del`, `with ... as name`
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                spoil(name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                spoil((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            spoil(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            spoil(node.name)
        nodes.extend(_children(node))
    # Code inside the scope, nested functions included, may rebind one of its names (`global`,
    # `nonlocal`) or change the object it holds.
    inner = module.nodes if scope.is_module else [n for stmt in scope.body for n in ast.walk(stmt)]
    for node in inner:
        _spoil_changed(node, spoil, "global" if scope.is_module else "nonlocal")
    return bound


def _plain_assignment(node: ast.AST) -> tuple[str, ast.expr | None] | None:
    """(name, value) of `name = value` or `name: T = value` (value None for `name: T`)."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id, node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None


def _spoil_changed(node: ast.AST, spoil: Callable[[str], None], declaration: str) -> None:
    """`global name` / `nonlocal name` (as `declaration` says), `name.append(...)`, `name[k] = v`,
    `del name[k]`, `name.attr = v`: the name is bound again, or the object it holds changes."""
    if isinstance(node, ast.Global if declaration == "global" else ast.Nonlocal):
        for name in node.names:
            spoil(name)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _MUTATORS
        and isinstance(node.func.value, ast.Name)
    ):
        spoil(node.func.value.id)
    elif (
        isinstance(node, (ast.Subscript, ast.Attribute))
        and not isinstance(node.ctx, ast.Load)
        and isinstance(node.value, ast.Name)
    ):
        spoil(node.value.id)


def _mentions_debug(test: ast.expr) -> bool:
    """A condition that reads a debug switch: a name, attribute, call or environment key with the word
    `debug` in it (`DEBUG`, `app.debug`, `in_debug_mode()`, `os.getenv("APP_DEBUG")`), alone, compared
    with something other than false, or as a part of an `and`. (`if not DEBUG:` and `if DEBUG == False:`
    guard the production branch: they do not count.)"""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_mentions_debug(part) for part in test.values)
    if isinstance(test, ast.Compare):
        falsy = any(
            isinstance(c, ast.Constant) and (not c.value or str(c.value).lower() in ("0", "false", "no", "off"))
            for c in test.comparators
        )
        return not falsy and _mentions_debug(test.left)
    node = test.func if isinstance(test, ast.Call) else test
    text = ""
    if isinstance(node, ast.Attribute):
        text = node.attr
    elif isinstance(node, ast.Name):
        text = node.id
    if isinstance(test, ast.Call) and "debug" not in text.lower():
        # `os.getenv("APP_DEBUG")`, `os.environ.get("DEBUG")`: the variable it reads
        text = next((a.value for a in test.args if isinstance(a, ast.Constant) and isinstance(a.value, str)), "")
    # `if config.get("API_SHOW_STACKTRACE"):`: a switch named for showing tracebacks is a debug switch too.
    return any(word in text.lower() for word in ("debug", "stacktrace", "traceback"))
