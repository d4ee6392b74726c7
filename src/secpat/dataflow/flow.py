"""Per-function data flow: which labels each value carries, and where values go.

One forward pass over a function's statements keeps an environment (local
name → value) and records events that rules read: stores (assignment to a
name, attribute or item), calls (with the value of every argument), returns
and comparisons. Branches are analysed separately and merged, so a value
assigned in either arm of an `if` is known after it. Loops are analysed
once: a label that reaches a name only on the second iteration is missed
(documented limit).

Project functions of the same module are followed through their summaries
(what they return, and which parameters flow into their return value);
functions of other modules leave a symbolic `ret:` label for the project stage.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow import raises
from secpat.dataflow import requests as R
from secpat.dataflow import sources as S
from secpat.findings import FlowStep, Location
from secpat.knowledge import NOTHING, find
from secpat.model.module import Call, ClassInfo, keyword_argument, literal_value, parameter_defaults

if TYPE_CHECKING:
    from collections.abc import Container, Iterator

    from secpat.model.module import Function, Module

_TRY_NODES = raises.TRY_NODES  # `try` and, from Python 3.11, `try`/`except*`

MAX_TRACE = 8
_NAMED_LABELS = (L.SECRET, L.PASSWORD)  # labels a name lends: they do not pass to parts of the value
#: Parameter types whose values are often a secret as they are: the parameter's name decides.
_SECRET_CARRYING_TYPES = frozenset({"UUID", "SecretStr", "SecretBytes", "Secret", "Any", "AnyStr", "Text", "Optional"})
_VALUE_ATTRS = frozenset({"data", "value"})
_REQUEST_OBJECT_NOTE = "the request object"  # a step that only says where the request came in
_TOKEN_LIBRARIES = ("jwt", "jose", "authlib", "joserfc")
_TIME_UNITS = {"weeks": 604800, "days": 86400, "hours": 3600, "minutes": 60, "seconds": 1, "milliseconds": 0.001}
#: Words in the name of a setting that holds a span of time (`ACCESS_TOKEN_EXPIRE_MINUTES`, `token_ttl`).
TIME_SETTING_WORDS = frozenset(
    {"expire", "expires", "expiry", "expiration", "lifetime", "ttl", "age", "seconds", "minutes", "hours", "days"}
)
_ONE_ITEM_METHODS = frozenset({"get", "getlist", "pop", "get_all", "getone", "setdefault"})
_LOOKUP_METHODS = frozenset({"get", "pop", "setdefault"})
#: String methods whose arguments say what to cut away or where to cut: none of it is in the result.
_REMOVING_METHODS = frozenset(
    {"removeprefix", "removesuffix", "strip", "lstrip", "rstrip", "split", "rsplit", "partition", "rpartition"}
)
#: A path in a link whose last part is its key: `/reset/`, `/invite/`, `/login/`. (Public: the rules that judge
#: what fills such links read a function whose text has one, whatever its names say.)
LINK_PATH = re.compile(
    r"/(reset|login|signin|sign-in|verify|verification|confirm|activate|activation|invite|magic|"
    r"unsubscribe|password|join)[-_/]",
    re.IGNORECASE,
)


#: Bases and decorators of classes whose objects keep the values they are made with as fields.
_DATA_CLASS_BASES = frozenset({"BaseModel", "NamedTuple", "TypedDict", "Struct", "Schema"})
_DATA_CLASS_DECORATORS = frozenset({"dataclass", "s", "attrs", "define", "frozen", "mutable", "dataclass_json"})
#: Endings of class names that say the class carries a request's parameters (`SearchParams`, `UserCreate`).
_REQUEST_MODEL_ENDINGS = (
    *("Schema", "Params", "Query", "Filter", "Input"),
    *("Payload", "Request", "Body", "Create", "Update"),
)


def _holds_what_it_is_given(name: str, local: ClassInfo | None) -> bool:
    """`Search(**request.args)`, `Filter(name=request.json["name"])`: a dataclass, a pydantic model, a named tuple
    (by a base or decorator of the module's own class, or by a name that says it carries a request's parameters)
    keeps what it is made with; its fields are the client's."""
    if local is None:
        return name.endswith(_REQUEST_MODEL_ENDINGS)
    return any(b.rsplit(".", 1)[-1] in _DATA_CLASS_BASES for b in local.bases) or any(
        d.rsplit(".", 1)[-1] in _DATA_CLASS_DECORATORS for d in local.decorators
    )


def _every_part_of(trace: L.Trace) -> L.Value:
    """`vars(request)`, `request.__dict__`: the request object's attributes, its environment with every header
    and cookie among them."""
    return {L.REQUEST: trace, L.REQUEST_WHOLE: trace}


#: Decorators that register a function for the exceptions a web app's views raise.
_ERROR_HANDLER_DECORATORS = frozenset({"errorhandler", "app_errorhandler", "exception_handler"})


def _catch_all_handler_parameter(node: ast.FunctionDef | ast.AsyncFunctionDef, names_drf: bool = False) -> str | None:
    """The parameter of a handler registered for every exception (`@app.errorhandler(Exception)`,
    `@app.exception_handler(Exception)`), or for the errors of a database or the system
    (`@app.errorhandler(psycopg2.Error)`, `SQLAlchemyError`, `OSError`), that holds the exception: the one
    annotated as an exception, else the last positional one (Flask passes only it; Starlette and FastAPI pass
    the request first)."""
    registered = any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr in _ERROR_HANDLER_DECORATORS
        and d.args
        and _holds_internals(dotted(d.args[0]) or "")
        for d in node.decorator_list
    )
    positional = [*node.args.posonlyargs, *node.args.args]
    if positional and context_exception_view(node):
        return positional[0].arg  # Pyramid's `@exception_view_config(Exception)`: the exception is the context
    if positional and names_drf and _wraps_drf_handler(node, positional[0].arg):
        return positional[0].arg
    if not registered or not positional:
        return None
    annotated = next(
        (
            a.arg
            for a in positional
            if a.annotation is not None and (dotted(a.annotation) or "").rsplit(".", 1)[-1].endswith("Exception")
        ),
        None,
    )
    return annotated or positional[-1].arg


def context_exception_view(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """`@exception_view_config(Exception)`, `@view_config(context=Exception)`: a Pyramid view for every
    exception (or a database's, the system's) a view raises, handed it first."""
    for deco in node.decorator_list:
        if not isinstance(deco, ast.Call):
            continue
        name = dotted(deco.func) or ""
        if name.rsplit(".", 1)[-1] == "exception_view_config":
            context = deco.args[0] if deco.args else keyword_argument(deco, "context")
        elif name.rsplit(".", 1)[-1] == "view_config":
            context = keyword_argument(deco, "context")
        else:
            continue
        if context is not None and _holds_internals(dotted(context) or ""):
            return True
    return False


def _wraps_drf_handler(node: ast.FunctionDef | ast.AsyncFunctionDef, first: str) -> bool:
    """`def api_exception_handler(exc, context): response = exception_handler(exc, context)`: Django REST
    framework's `EXCEPTION_HANDLER`, handed every exception a view raises; what DRF does not answer itself
    is left to it."""
    return any(
        isinstance(n, ast.Call)
        and (dotted(n.func) or "").rsplit(".", 1)[-1] == "exception_handler"
        and n.args
        and isinstance(n.args[0], ast.Name)
        and n.args[0].id == first
        for n in ast.walk(node)
    )


def _holds_internals(exception: str) -> bool:
    """An exception class whose text can show the application's inside: any exception, or a database's or the
    system's (not the program's own `KeyError`, nor a parser's `csv.Error`)."""
    name = exception.rsplit(".", 1)[-1]
    return (
        name in S.INTERNAL_EXCEPTIONS
        and name not in S.PROGRAM_ERRORS
        and name != "RuntimeError"
        and exception not in S.INPUT_PARSE_ERRORS
        and (name != "Error" or "." in exception)
    )


#: `?token=`, `&reset_code=` at the end of a link's text: the parameter the value written next fills.
_QUERY_KEY = re.compile(r"[?&]([A-Za-z][A-Za-z0-9_]*)=$")


def query_key(text: object) -> str | None:
    """The query parameter a link's text ends on, when its name says it carries a secret or a one-time code
    (`"https://site/confirm?token="` → `token`): what is written next is the link's key."""
    match = _QUERY_KEY.search(text) if isinstance(text, str) else None
    if match is None or names.classify(match.group(1)) not in (names.NameKind.SECRET, names.NameKind.SHORT_CODE):
        return None
    return match.group(1)


def _link_name(match: re.Match[str]) -> str:
    """`reset_link` for `/reset/...`; a `/join/` link is an invitation."""
    word = match.group(1).lower()
    return f"{'invite' if word == 'join' else word}_link"


#: Form classes of the web frameworks (and DRF serializers): an object of a subclass bound to request data
#: holds it.
_FORM_CLASSES = frozenset({"Form", "ModelForm", "FlaskForm", "BaseForm", "Serializer", "ModelSerializer"})
_FORM_BASES = {
    "form",
    "data",
    "body",
    "payload",
    "credentials",
    "creds",
    "login",
    "req",
    "request",
    "args",
    "input",
    "params",
    "cleaned_data",
    "json",
    "values",
    "user_in",
    "signup",
    "register",
    "registration",
    "schema",
    "item",
    "query",
    "post",
    "get",
    "fields",
}


@dataclass(eq=False)
class StoreEvent:
    """A value written somewhere: `name = v`, `obj.attr = v`, `obj[key] = v`."""

    target: ast.AST
    kind: str  # "name" | "attr" | "item" | "key" (a dict display's or a link's) | "query" (a link's query parameter)
    name: str | None  # the identifier or string key written to (`reset_token`, `password`, `"sid"`)
    base: ast.expr | None  # the object written into, for attr and item stores
    value: L.Value
    stmt: ast.AST


@dataclass(eq=False)
class CallEvent:
    call: Call | None
    node: ast.Call
    args: list[L.Value]
    keywords: dict[str, L.Value]
    receiver: L.Value | None
    #: Per element, for positional arguments written as a tuple or list display: `make_response((body, headers))`,
    #: `execute(sql, [name, password])`.
    items: dict[int, tuple[L.Value, ...]] = field(default_factory=dict)

    def value_of(self, index: int | None = None, keyword: str | None = None) -> L.Value:
        if keyword is not None and keyword in self.keywords:
            return self.keywords[keyword]
        if index is not None and index < len(self.args):
            return self.args[index]
        return L.EMPTY


@dataclass(eq=False)
class ReturnEvent:
    node: ast.AST
    value: L.Value
    items: tuple[L.Value, ...] | None = None  # per element, when a tuple literal is returned


@dataclass(eq=False)
class CompareEvent:
    node: ast.Compare
    op: ast.cmpop
    left: ast.expr
    right: ast.expr
    left_value: L.Value
    right_value: L.Value


def flow_of(module: Module, function: Function) -> FunctionFlow:
    """The data flow of one function of the module, computed on first use and kept with the module."""
    flows = module.analyses.get("flows")
    if flows is None:
        flows = module.analyses["flows"] = {}
    flow = flows.get(id(function))
    if flow is None:
        flow = flows[id(function)] = FunctionFlow(module, function)
        flow.run()
    return flow


def init_attribute(module: Module, method: Function, attr: str) -> L.Value:
    """The value `__init__` of the method's class stores in `self.<attr>` (empty if none)."""
    class_qual = method.qualname.rsplit(".", 1)[0]
    init = module.functions.get(f"{class_qual}.__init__")
    if init is None or init is method:
        return {}
    stored = module.analyses.get("init-attributes")
    if stored is None:
        stored = module.analyses["init-attributes"] = {}
    values = stored.get(class_qual)
    if values is None:
        values = stored[class_qual] = {}
        for name, value in _kept_on_self(module, init):
            # `__init__`'s parameters are not the method's: `init-param:N` tells them apart.
            values[name] = {
                (f"init-{label}" if label.startswith("param:") else label): trace for label, trace in value.items()
            }
    return values.get(attr, {})


def _kept_on_self(module: Module, method: Function) -> Iterator[tuple[str, L.Value]]:
    """What a method stores in attributes of `self`: `(attribute, value)`."""
    for store in flow_of(module, method).stores:
        base = store.base
        if store.kind == "attr" and isinstance(base, ast.Name) and base.id == "self" and store.name:
            yield store.name, store.value


#: Methods a class-based view runs on each request before the others (Django's `setup`, `dispatch` and verb
#: methods, DRF's `initial`, Tornado's `prepare`): what they keep on `self` from the request, the others read.
_HANDLER_METHODS = ("setup", "dispatch", "initial", "prepare", "get", "post", "put", "patch", "delete")


def handler_attribute(module: Module, method: Function, attr: str) -> L.Value:
    """Request input a request-handling method of the method's class keeps in `self.<attr>`
    (`self.query = request.GET.get("q")` in `get()`, read by `get_queryset()`): empty if none."""
    if method.name in _HANDLER_METHODS:
        return {}  # the handlers themselves run first: what one keeps, another reads only in its own order
    class_qual = method.qualname.rsplit(".", 1)[0]
    busy = module.analyses.setdefault("handler-attributes-busy", {})
    stored = module.analyses.setdefault("handler-attributes", {})
    if class_qual in busy:
        return {}  # a handler reading what another keeps while that one is being read
    values = stored.get(class_qual)
    if values is None:
        busy[class_qual] = True
        values = {}
        try:
            for name in _HANDLER_METHODS:
                handler = module.functions.get(f"{class_qual}.{name}")
                if handler is None:
                    continue
                for name, value in _kept_on_self(module, handler):
                    if L.REQUEST in value:
                        values.setdefault(name, {})[L.REQUEST] = value[L.REQUEST]
        finally:
            del busy[class_qual]
        stored[class_qual] = values
    return values.get(attr, {})


@dataclass(eq=False)
class FunctionFlow:
    module: Module
    function: Function
    env: dict[str, L.Value] = field(default_factory=dict)
    stores: list[StoreEvent] = field(default_factory=list)
    calls: list[CallEvent] = field(default_factory=list)
    returns: list[ReturnEvent] = field(default_factory=list)
    compares: list[CompareEvent] = field(default_factory=list)
    complete: bool = True  # False when the function was too deep to analyse fully
    fast_hashed_params: set[int] = field(default_factory=set)  # parameters fed to a fast hash

    def __post_init__(self) -> None:
        self._calls_by_node = {id(c.node): c for c in self.function.calls}
        self._shapes = self.module.imports_any(*_TOKEN_LIBRARIES)
        self._seeded_names: set[str] = set()
        self._error_objects: frozenset[str] = frozenset()  # see `_enter`: a server error handler's error object
        # generators this function reseeds from the OS (`random.seed()`) before it draws from them
        self._reseeded_from_os: set[str] = set()
        self._item_containers: set[str] = set()  # names whose items are kept key by key (`d["k"] = v`)
        # `if not raw_key: raw_key = request.query_params.get("key")`: a name given a fallback keeps its role
        # (a credential, a password) in the branch that runs because it was empty.
        self._fallbacks: dict[str, L.Value] = {}
        # dicts bound to a display with literal keys: every item is known, so replacing one replaces what it
        # lent the whole (`d = {"password": pw}; d["password"] = hash(pw)`)
        self._closed_dicts: set[str] = set()
        # dicts whose keys are all constants (`{k: v for k, v in fields.items() if k in ALLOWED}`, a display with
        # literal keys): iterating one gives constants, whatever its values hold
        self._constant_keys: set[str] = set()
        self._dict_items: dict[int, dict[str, L.Value]] = {}  # id of a dict display -> its items' values
        self._list_lengths: dict[str, int] = {}  # lists built here slot by slot: their length so far
        self._config_parsers: set[str] = set()  # names holding a ConfigParser made here
        self._bound_once: dict[str, ast.expr] | None = None  # local names bound once, to their value
        self._input_params: frozenset[str] = frozenset()  # parameters that carry what the client sent
        self._links: set[int] = set()  # ids of `+` / `%` expressions already recorded as filling a link
        self._in_progress = self.module._flow_in_progress

    def run(self) -> None:
        """Analyse the function (the model registers the flow first, so recursion finds it)."""
        self._in_progress.add(id(self.function))
        try:
            self._enter()
            self._block(self.function.body)
        except RecursionError:
            self.complete = False
        finally:
            self._in_progress.discard(id(self.function))

    # -- public ---------------------------------------------------------------

    @property
    def return_value(self) -> L.Value:
        return L.combine(r.value for r in self.returns) if self.returns else L.EMPTY

    def return_items(self, arity: int) -> list[L.Value] | None:
        """What each position holds when every return gives a tuple of `arity` elements, else None.
        A `return None` does not count: unpacking it fails, so no caller's names receive it."""
        returns = [
            r
            for r in self.returns
            if not (isinstance(r.node, ast.Return) and (r.node.value is None or _is_none(r.node.value)))
        ]
        shapes = [r.items for r in returns if r.items is not None and len(r.items) == arity]
        if not returns or len(shapes) != len(returns):
            return None
        return [L.combine(items[index] for items in shapes) for index in range(arity)]

    def location(self, node: ast.AST) -> Location:
        return Location(
            self.module.path,
            getattr(node, "lineno", 1),
            getattr(node, "col_offset", 0),
            getattr(node, "end_lineno", None),
            getattr(node, "end_col_offset", None),
        )

    def step(self, node: ast.AST, note: str) -> FlowStep:
        return FlowStep(self.location(node), note)

    # -- environment ------------------------------------------------------------

    def _enter(self) -> None:
        node = self.function.node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return  # the module body: no parameters
        inputs = R.request_parameters(self.module, self.function)
        self._input_params = frozenset(inputs)
        args = node.args
        arg_nodes = {a.arg: a for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a}
        for index, param in enumerate(self.function.params):
            where = arg_nodes.get(param, node)
            value: dict[str, L.Trace] = {f"{L.PARAM_PREFIX}{index}": ()}
            if _annotated_bool(arg_nodes.get(param)):
                value[L.FLAG] = ()
            elif (
                not self._typed_as_other(arg_nodes.get(param))
                and not (names.words(param) in _CHALLENGE_TOKENS and _about_challenge(self.function))
                and not (inputs.get(param) in R.URL_INPUTS and names.words(param)[-1:] in (("id",), ("ids",)))
            ):
                # (`session_id` in the URL names a resource, such as a chat; it is in every access log already.)
                value.update(self._named(param, where, f"parameter `{param}`"))
                if names.words(param) in (("url",), ("link",)) and not value.keys() & {L.SECRET, L.PASSWORD}:
                    # `def send_password_reset(self, to, url)`: the link the function is named for sending, with
                    # the token that opens it.
                    purpose = "_".join([*names.words(self.function.name), param])
                    if names.classify(purpose) is names.NameKind.SECRET or names.sends_secret_link(self.function.name):
                        value[L.SECRET] = (
                            self.step(where, f"parameter `{param}`, the link `{self.function.name}` sends"),
                        )
            shown = self._password_field_shown(arg_nodes.get(param))
            if shown is not None:
                value[L.PASSWORD] = (self.step(where, f"`{param}`, whose text shows its `{shown}` field"),)
            scheme = self._security_scheme(node, param)
            if scheme is not None:
                # What the client sent in the header, query or cookie the scheme reads: a credential.
                step = (self.step(where, f"`{param}`, the credential `{scheme}` reads"),)
                value.setdefault(L.SECRET, step)
                value.setdefault(L.REQUEST, step)
            if R.is_request_object_param(self.module, self.function, param):
                value[L.REQUEST_OBJECT] = (self.step(where, f"{_REQUEST_OBJECT_NOTE} `{param}`"),)
            elif param in inputs:
                value[L.REQUEST] = (self.step(where, f"{inputs[param]} `{param}`"),)
                if inputs[param] == R.LAMBDA_EVENT and R.lambda_http_handler(self.function):
                    value[L.REQUEST_WHOLE] = value[L.REQUEST]
                if inputs[param] in R.DEFERRED_URL_INPUTS:
                    view = (
                        f"{self.module.module_name}.{self.function.qualname}"
                        if self.module.module_name
                        else self.function.qualname
                    )
                    value[L.url_param(view, param)] = value[L.REQUEST]
            self.env[param] = value
        # `def server_error(error)` registered for 500: the error object carries the exception behind it.
        self._error_objects = frozenset(
            self.function.params[:1] if self.function.qualname in self.module.server_error_handlers else ()
        )
        caught = _catch_all_handler_parameter(node, "exception_handler" in self.function.raw_identifiers)
        registered = self.module.registered_error_handlers.get(self.function.qualname)
        if caught is None and registered and _holds_internals(registered) and self.function.params:
            caught = self.function.params[-1]  # `app.add_error_handler(Exception, handle)`: handed the exception last
        if caught is not None and caught in self.env:
            # `@app.errorhandler(Exception) def handle(e)`: every exception the views raise, whatever it says.
            # A database's or the system's error among them: framed in a sentence, its text is still theirs.
            step = (self.step(arg_nodes.get(caught, node), f"exception `{caught}`, any the app raises"),)
            self.env[caught] = {**self.env[caught], L.EXCEPTION: step, L.SYSTEM_ERROR: step}
        # Seeding the shared PRNG anywhere in the module makes its output predictable everywhere.
        module_flow = flow_of(self.module, self.module.module_function) if not self.function.is_module else None
        if module_flow is not None:
            self._seeded_names = module_flow._seeded_names

    def _typed_as_other(self, arg: ast.arg | None) -> bool:
        """`webhook_key: FidesKey`: the parameter is declared as a class whose name is not a secret's. The
        type says what the value is better than the parameter's name does. Types that commonly carry a
        secret as they are (`str`, `UUID`, `SecretStr`) leave the name to decide."""
        annotation = arg.annotation if arg is not None else None
        if not isinstance(annotation, (ast.Name, ast.Attribute)):
            return False
        short = (self.module.qualified_name(annotation, self.function) or ast.unparse(annotation)).rsplit(".", 1)[-1]
        return short[:1].isupper() and short not in _SECRET_CARRYING_TYPES and names.classify(short) is None

    def _security_scheme(self, node: ast.FunctionDef | ast.AsyncFunctionDef, param: str) -> str | None:
        """`raw_key: str = Security(api_key_header)` with `api_key_header = APIKeyHeader(name="X-API-Key")`:
        the parameter is the credential a FastAPI security scheme reads from the request. The scheme's class."""
        args = node.args
        default = parameter_defaults(args).get(param)
        annotation = next((a.annotation for a in (*args.args, *args.kwonlyargs) if a.arg == param), None)
        if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple):
            # `api_key: Annotated[str | None, Depends(partner_key_header)]`
            default = next((m for m in annotation.slice.elts[1:] if isinstance(m, ast.Call)), default)
        if not (
            isinstance(default, ast.Call)
            and R.last_name(default.func) in ("Security", "Depends")
            and default.args
            and isinstance(default.args[0], ast.Name)
        ):
            return None
        made = self.module.bound_value(default.args[0].id, self.function)
        if made is None or not isinstance(made[0], ast.Call):
            return None
        cls = self.module.qualified_name(made[0].func, made[1]) or ""
        return cls.rsplit(".", 1)[-1] if cls in _CREDENTIAL_SCHEMES else None

    def _password_field_shown(self, arg: ast.arg | None) -> str | None:
        """`user: SignUp` where this module declares `class SignUp(BaseModel): password: str`: a pydantic
        model's text lists its fields with their values, the password among them. The field's name, or None
        where the class writes its own text, hides the field (`Field(repr=False)`) or types it `SecretStr`.
        Only classes of the module the function is in: the log rules judge those of other modules at the
        project stage."""
        annotation = arg.annotation if arg is not None else None
        if isinstance(annotation, ast.Subscript) and R.last_name(annotation.value) == "Optional":
            annotation = annotation.slice
        if not isinstance(annotation, ast.Name):
            return None
        return password_field_shown(self.module, annotation.id)

    def _named(self, name: str | None, node: ast.AST, note: str) -> dict[str, L.Trace]:
        if not name:
            return {}
        kind = names.classify(name)
        if kind is names.NameKind.PASSWORD:
            return {L.PASSWORD: (self.step(node, note),)}
        if kind in (names.NameKind.SECRET, names.NameKind.SHORT_CODE):
            return {L.SECRET: (self.step(node, note),)}
        if kind is names.NameKind.PERSONAL:
            return {L.PERSONAL: (self.step(node, note),)}
        return {}

    def _lookup(self, name: str, node: ast.AST) -> L.Value:
        if name in self.env:
            return self.env[name]
        if not self.function.is_module:
            module_flow = flow_of(self.module, self.module.module_function)
            if name in module_flow.env:
                return module_flow.env[name]
        bound = self.module.binding(name, self.function)
        if bound in R.REQUEST_OBJECTS:
            return {L.REQUEST_OBJECT: (self.step(node, f"{_REQUEST_OBJECT_NOTE} `{name}`"),)}
        if bound is not None:
            if self._project_constant(name, self.function):
                # `DEFAULT_SCHEMA` imported from another project module: a constant of the code.
                return self._constant_elsewhere(node, bound, {})
            return L.EMPTY  # an imported module or object, a builtin, a function: `jwt` is not a token
        return self._named(name, node, f"`{name}`")

    # -- statements -------------------------------------------------------------

    def _block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self._stmt(stmt)

    def _branches(
        self,
        *blocks: list[ast.stmt],
        known: list[tuple[str, L.Value]] | None = None,
        bindings: dict[int, tuple[str, L.Value]] | None = None,
        stores: dict[int, tuple[ast.expr, L.Value]] | None = None,
    ) -> None:
        """Analyse alternative blocks from the same state, then merge their environments.
        `known` is what the first block may assume about names (the guards it is under);
        `bindings` gives a block, by index, a name bound on entry (`except E as e`); `stores`, a target
        (a name or a container's item) assigned on entry."""
        start = dict(self.env)
        results: list[dict[str, L.Value]] = []
        entry: dict[int, list[tuple[str, L.Value]]] = {index: [bound] for index, bound in (bindings or {}).items()}
        if known:
            entry.setdefault(0, []).extend(known)
        returned: list[dict[str, L.Value]] = []
        for index, block in enumerate(blocks):
            self.env = dict(start)
            for name, value in entry.get(index, ()):
                self.env[name] = value
            if stores and index in stores:
                target, value = stores[index]
                self._store(target, value, target, None, record=False)
            self._block(block)
            # A block that ends in `return` does not reach the code after the branches.
            (returned if block and isinstance(block[-1], ast.Return) else results).append(self.env)
        results = results or returned
        merged: dict[str, L.Value] = {}
        for env in results:
            for key, value in env.items():
                merged[key] = L.combine([merged[key], value]) if key in merged else value
        self.env = merged

    def _stmt(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Assign):
            value = self._eval(stmt.value)
            for target in stmt.targets:
                self._store(target, value, stmt, stmt.value)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self._store(stmt.target, self._eval(stmt.value), stmt, stmt.value)
        elif isinstance(stmt, ast.AugAssign):
            current = self._eval(stmt.target)
            self._store(stmt.target, L.combine([current, self._eval(stmt.value)]), stmt, None)
        elif isinstance(stmt, ast.Expr):
            self._eval(stmt.value)
        elif isinstance(stmt, ast.Return):
            if (
                isinstance(stmt.value, ast.Tuple)
                and stmt.value.elts
                and not any(isinstance(e, ast.Starred) for e in stmt.value.elts)
            ):
                items = tuple(self._eval(e) for e in stmt.value.elts)
                self.returns.append(ReturnEvent(stmt, L.combine(items), items))
            elif stmt.value is not None:
                self.returns.append(ReturnEvent(stmt, self._eval(stmt.value)))
        elif isinstance(stmt, ast.If) and (truth := self._constant_truth(stmt.test)) is not None:
            self._block(stmt.body if truth else stmt.orelse)  # `if 6 * 9 > LIMIT:` with a local literal LIMIT
        elif isinstance(stmt, ast.If):
            self._eval(stmt.test)
            allowed, refused = self._guards(stmt.test)
            # `if x:` skipped, or `if not x:` entered: x is falsy (None, "", 0), which carries no text.
            falsy = _falsy_name(stmt.test)
            skipped = {1: (falsy[0], L.CONSTANT)} if falsy and not falsy[1] else None
            # `if isinstance(exc, ConflictError):` — inside, the exception is one the program names.
            narrowed = self._narrowed_exception(stmt.test)
            unnarrowed = {name: self.env.get(name, L.EMPTY) for name, _ in narrowed}
            hashed = _hashed_unless(stmt.test, stmt.body)
            if hashed is not None:
                # `if not is_hashed(p): p = make_password(p)`: the other path has a hash in p already.
                step = self.step(stmt.test, f"`{_text(hashed)}` is a hash already where the test fails")
                self._branches(stmt.body, stmt.orelse, stores={1: (hashed, {L.PASSWORD_HASH: (step,)})})
            elif allowed:  # `if x in ALLOWED [and ...]:` — inside, x is one of the allowed values
                self._branches(
                    stmt.body,
                    stmt.orelse,
                    known=[(name, L.CONSTANT) for name in allowed] + narrowed,
                    bindings=skipped,
                )
            elif falsy and falsy[1]:
                role = {k: v for k, v in self.env.get(falsy[0], L.EMPTY).items() if k in (L.SECRET, L.PASSWORD)}
                before_role = self._fallbacks.get(falsy[0])
                if role:
                    self._fallbacks[falsy[0]] = role
                self._branches(stmt.body, stmt.orelse, known=[(falsy[0], L.CONSTANT)] + narrowed)
                if before_role is None:
                    self._fallbacks.pop(falsy[0], None)
                else:
                    self._fallbacks[falsy[0]] = before_role
            else:
                # `if x not in ALLOWED: ... else: <x is one of them>`
                refused_else = {1: (refused, L.CONSTANT)} if refused and stmt.orelse else {}
                self._branches(stmt.body, stmt.orelse, known=narrowed, bindings={**(skipped or {}), **refused_else})
                if refused and _leaves_or_resets(stmt.body, refused):
                    # `if x not in ALLOWED: raise / x = default`: after it, x is allowed
                    self.env[refused] = L.CONSTANT
            for name, _ in narrowed:
                # The kind holds only inside the branch: after it, the exception is any exception again.
                before = unnarrowed[name]
                self.env[name] = L.combine([L.without(self.env.get(name, L.EMPTY), L.EXPECTED_ERROR), before])
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            # Items of `tokens` are not secrets by name: lexers iterate over tokens too. Iterating a
            # mapping another module returns gives its keys: what its records' fields are named is not theirs.
            self._store(stmt.target, self._iteration(stmt.iter), stmt, None, record=False)
            self._branches(stmt.body + stmt.orelse, [])
        elif isinstance(stmt, ast.While):
            self._eval(stmt.test)
            self._branches(stmt.body + stmt.orelse, [])
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                value = self._eval(item.context_expr)
                if item.optional_vars is not None:
                    self._store(item.optional_vars, value, stmt, None, record=False)
            self._block(stmt.body)
        elif isinstance(stmt, _TRY_NODES):
            self._block(stmt.body)
            # Only broad or infrastructure exceptions carry internals; `except ValueError as e` around
            # parsing user input usually holds a message meant for the user.
            # Every `as e` binds afresh: an earlier handler's `e` says nothing about this one's.
            # A body that only builds a form or schema from data raises that data's validation errors.
            validation = _builds_only_schemas(stmt.body)
            upstream = self._calls_only_outbound(stmt.body, with_files=False)
            upstream_or_files = upstream or self._calls_only_outbound(stmt.body, with_files=True)
            # A block that only reads and parses the request's body raises what is wrong with that body.
            validating = _calls_only_validators(stmt.body) or _reads_request_body_only(stmt.body)
            # A block that works only in memory, sends outbound requests or calls project functions that do
            # no more raises the program's own errors, or an upstream's (decided for those functions by the
            # project stage).
            own: tuple[str, ...] | None = None
            if not (validation or upstream or validating):
                sorted_calls = raises.calls_in(self.module, self.function, stmt.body)
                own = None if sorted_calls.unknown else tuple(dict.fromkeys(sorted_calls.project))
            # A catch-all around a query or file work catches what those raise (unless an earlier handler
            # takes them by kind): a SQL statement, a path.
            system = not (validation or upstream or validating) and raises.touches_system(
                self.module, self.function, stmt.body
            )
            # A handler without `as e` still has its exception, which `sys.exc_info()` hands out.
            caught = {
                index + 1: (
                    h.name or _HANDLED_EXCEPTION,
                    self._caught(
                        h,
                        upstream or upstream_or_files and self._file_errors_handled(stmt.handlers[:index]),
                        validating,
                        own,
                        system and not self._system_errors_handled(stmt.handlers[:index]),
                    )
                    if self._reveals_internals(h.type) and not validation
                    else L.EMPTY,
                )
                for index, h in enumerate(stmt.handlers)
            }
            self._branches([], *[h.body for h in stmt.handlers], stmt.orelse, bindings=caught)
            self._block(stmt.finalbody)
        elif isinstance(stmt, ast.Match):
            self._eval(stmt.subject)
            self._branches(*self._live_cases(stmt))
        elif isinstance(stmt, (ast.Raise, ast.Assert, ast.Delete)):
            for child in ast.iter_child_nodes(stmt):
                if isinstance(child, ast.expr):
                    self._eval(child)
        elif isinstance(stmt, ast.ClassDef) and self.function.is_module:
            pass  # methods are functions of their own
        # Nested defs and classes are functions of their own; imports are in the model.

    # -- constant conditions --------------------------------------------------------

    def _constant_truth(self, test: ast.expr) -> bool | None:
        """Whether a condition built only from literals and local names bound once to literals holds."""
        value = self._folded(test)
        return None if value is _UNSET else bool(value)

    def _folded(self, node: ast.expr) -> object:
        """The value of a compile-time constant expression, else `_UNSET`. Names must hold constants here
        (cheap to ask) before the function is searched for their single binding."""
        names_used = [n.id for n in ast.walk(node) if isinstance(n, ast.Name)]
        if any(L.CONST not in self.env.get(name, L.EMPTY) for name in names_used):
            return self._module_constant(node, names_used)
        if names_used and self._bound_once is None:
            self._bound_once = _names_bound_once(self.function)
        return _fold(node, self._bound_once or {}, 0)

    def _module_constant(self, node: ast.expr, names_used: list[str]) -> object:
        """The value of an expression of names the module binds once to literals (`DEBUG_MODE = False`
        above the function), none of them rebound by a `global` statement; else `_UNSET`."""
        bound: dict[str, ast.expr] = {}
        todo = list(names_used)
        while todo:
            name = todo.pop()
            if name in bound:
                continue
            module = self.module
            # The module's own constants are read once per module; the function's are read only for a name
            # that is one, to see that the function does not bind it too.
            found = (
                None
                if name in self.env
                or name in module.declared_globals
                or module.bound_value(name, module.module_function) is None
                else module.bound_value(name, self.function)
            )
            if found is None or not found[1].is_module or len(bound) > 20:
                return _UNSET
            bound[name] = found[0]
            todo += [n.id for n in ast.walk(found[0]) if isinstance(n, ast.Name)]
        return _fold(node, bound, 0) if bound else _UNSET

    def _live_cases(self, stmt: ast.Match) -> list[list[ast.stmt]]:
        """The bodies of the cases a constant subject can reach: up to the first case sure to match."""
        subject = self._folded(stmt.subject)
        if subject is _UNSET:
            return [case.body for case in stmt.cases]
        live = []
        for case in stmt.cases:
            matched = _matches(case.pattern, subject, self._bound_once or {})
            if matched is not None and case.guard is not None:
                guard = self._constant_truth(case.guard) if matched else False
                matched = None if guard is None else matched and guard
            if matched is False:
                continue
            live.append(case.body)
            if matched:
                break
        return live or [[]]  # no case matches: nothing runs

    def _caught(
        self,
        handler: ast.ExceptHandler,
        upstream: bool,
        validating: bool,
        own: tuple[str, ...] | None = None,
        system: bool = False,
    ) -> L.Value:
        """The exception a handler binds, with what its kind and the try block say about its text. `own`:
        the project functions the block calls, when it calls nothing else that can raise internals;
        `system`: the block queries a database or works on files, and no earlier handler takes those errors."""
        value: dict[str, L.Trace] = {L.EXCEPTION: (self.step(handler, f"exception `{handler.name}`"),)}
        # `except (KeyError, TypeError)` names the program's own data, and a block that only runs
        # validators (`validate_password(new)`) raises their messages; a catch-all around anything else,
        # or a database, network or file error, can carry anything.
        if (
            validating
            or handler.type is not None
            and all(
                self._exception_name(node) not in S.INTERNAL_EXCEPTIONS
                or self._exception_name(node) in S.PROGRAM_ERRORS
                or self._parse_error(node)
                for node in _caught_types(handler.type)
            )
        ):
            value[L.EXPECTED_ERROR] = ()
        elif handler.type is not None and any(
            self._exception_name(node) in S.SYSTEM_EXCEPTIONS and not self._parse_error(node)
            for node in _caught_types(handler.type)
        ):
            value[L.SYSTEM_ERROR] = ()
        elif system and (
            handler.type is None
            or any(self._exception_name(node) in S.CATCH_ALLS for node in _caught_types(handler.type))
        ):
            value[L.SYSTEM_ERROR] = ()
        if upstream:
            value[L.UPSTREAM_ERROR] = ()
        if own is not None and L.EXPECTED_ERROR not in value and L.SYSTEM_ERROR not in value:
            if own:
                value[L.raises_label(own)] = value[L.EXCEPTION]
            else:
                value[L.EXPECTED_ERROR] = ()
        return value

    def _narrowed_exception(self, test: ast.expr) -> list[tuple[str, L.Value]]:
        """`isinstance(exc, (ConflictError, KeyError))` on a caught exception: in the branch it holds, the
        exception is of kinds the program names, as if caught by them (see `_caught`)."""
        if not (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
            and len(test.args) == 2
            and isinstance(test.args[0], ast.Name)
        ):
            return []
        name = test.args[0].id
        value = self.env.get(name, L.EMPTY)
        if L.EXCEPTION not in value or L.EXPECTED_ERROR in value:
            return []
        kinds = _caught_types(test.args[1])
        if not kinds or any(
            self._exception_name(node) in S.INTERNAL_EXCEPTIONS
            and self._exception_name(node) not in S.PROGRAM_ERRORS
            and not self._parse_error(node)
            for node in kinds
        ):
            return []
        return [(name, {**L.without(value, L.SYSTEM_ERROR), L.EXPECTED_ERROR: ()})]

    def _parse_error(self, node: ast.expr) -> bool:
        return self.module.qualified_name(node, self.function) in S.INPUT_PARSE_ERRORS

    def _exception_name(self, node: ast.expr) -> str:
        return (self.module.qualified_name(node, self.function) or "").rsplit(".", 1)[-1]

    def _system_errors_handled(self, handlers: list[ast.ExceptHandler]) -> bool:
        """An earlier handler catches database or I/O errors by kind (`except SQLAlchemyError:`)."""
        return any(
            h.type is not None
            and any(
                self._exception_name(t) in S.INTERNAL_EXCEPTIONS - S.PROGRAM_ERRORS - S.CATCH_ALLS
                for t in _caught_types(h.type)
            )
            for h in handlers
        )

    def _file_errors_handled(self, handlers: list[ast.ExceptHandler]) -> bool:
        """An earlier handler catches what opening a file raises (and its path with it)."""
        return any(
            h.type is not None and any(self._exception_name(t) in _FILE_ERRORS for t in _caught_types(h.type))
            for h in handlers
        )

    def _calls_only_outbound(self, body: list[ast.stmt], *, with_files: bool) -> bool:
        """The block only sends HTTP requests, reads their responses and logs (and, `with_files`, opens
        files): `r = requests.get(url)`, `r.raise_for_status()`, `async with session.post(...) as r:
        await r.json()`. What it raises describes the remote service (a refused connection, an error
        status), not this application."""
        responses: set[str] = set()
        calls = []
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                    return False
                if isinstance(node, ast.Call):
                    calls.append(node)
                elif isinstance(node, (ast.Assign, ast.withitem)):
                    value = node.value if isinstance(node, ast.Assign) else node.context_expr
                    value = value.value if isinstance(value, ast.Await) else value
                    targets = node.targets if isinstance(node, ast.Assign) else [node.optional_vars]
                    if isinstance(value, ast.Call) and (self._is_outbound(value.func) or _method_of(value, responses)):
                        responses.update(t.id for t in targets if isinstance(t, ast.Name))
        sent = False
        for call in calls:
            func = call.func
            if self._is_outbound(func):
                sent = True
            elif (
                _method_of(call, responses)
                or isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.attr in _LOG_LEVELS
                and "log" in func.value.id.lower()
            ):
                continue
            elif not (
                isinstance(func, ast.Name) and (func.id in _HARMLESS_BUILTINS or with_files and func.id == "open")
            ):
                return False
        return sent

    def _is_outbound(self, func: ast.expr) -> bool:
        name = self.module.qualified_name(func, self.function) or ""
        return name.startswith(raises.HTTP_CLIENTS)

    def _reveals_internals(self, caught: ast.expr | None) -> bool:
        return caught is None or any(
            self._exception_name(node) in S.INTERNAL_EXCEPTIONS for node in _caught_types(caught)
        )

    def _allow_list(self, test: ast.expr) -> tuple[str, bool] | None:
        """(name, True) for `name in ALLOWED`, (name, False) for `name not in ALLOWED` or `not name in ALLOWED`.
        ALLOWED is any collection the client did not make: literals, constants, the columns of a model."""
        positive = True
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, positive = test.operand, False
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.left, ast.Name)
            and isinstance(test.ops[0], (ast.In, ast.NotIn))
            and self._not_client_made(test.comparators[0])
        ):
            return test.left.id, positive == isinstance(test.ops[0], ast.In)
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.left, ast.Name)
            and isinstance(test.ops[0], (ast.Eq, ast.NotEq))
            and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.comparators[0].value, (str, int))
        ):
            return test.left.id, positive == isinstance(test.ops[0], ast.Eq)  # `if sort == "state":`
        name = self._matched_plain(test)
        if name is not None:
            return name, positive  # `if not re.match(r"^[\w.$]+$", callback): abort(400)`
        name = self._found_by_predicate(test)
        if name is not None:
            return name, positive  # `if not self.is_worker(name): raise HTTPError(404)`
        return None

    def _found_by_predicate(self, test: ast.expr) -> str | None:
        """The name a project predicate of this module is asked about, when all the predicate does is look its
        parameter up in a collection it does not take from its caller: `def is_worker(self, name): return name
        and name in self.application.workers`. What passes is one of the server's own values."""
        if not (isinstance(test, ast.Call) and len(test.args) == 1 and isinstance(test.args[0], ast.Name)):
            return None
        predicate = self._own_function(test.func)
        if predicate is None or not isinstance(predicate.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        params = [a.arg for a in (*predicate.node.args.posonlyargs, *predicate.node.args.args)]
        if params[:1] in (["self"], ["cls"]) and isinstance(test.func, ast.Attribute):
            params = params[1:]
        body = [s for s in predicate.node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        if len(params) != 1 or len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            return None
        returned = body[0].value
        last_test = (
            returned.values[-1] if isinstance(returned, ast.BoolOp) and isinstance(returned.op, ast.And) else returned
        )
        if not (
            isinstance(last_test, ast.Compare)
            and len(last_test.ops) == 1
            and isinstance(last_test.ops[0], ast.In)
            and isinstance(last_test.left, ast.Name)
            and last_test.left.id == params[0]
        ):
            return None
        # The collection is the server's: it names no parameter of the predicate (`self` aside).
        named = {n.id for n in ast.walk(last_test.comparators[0]) if isinstance(n, ast.Name)}
        return test.args[0].id if not named & set(params) else None

    def _own_function(self, func: ast.expr) -> Function | None:
        """The function of this module a call runs: a module-level function, or a method of the caller's class
        (or of a base class defined in this module) called on `self`."""
        if isinstance(func, ast.Name):
            found = self.module.functions.get(func.id)
            return found if found is not None and (found.parent is None or found.parent.is_module) else None
        return self.module.method_on_self(func, self.function)

    def _matched_plain(self, test: ast.expr) -> str | None:
        r"""The name a regex test matches whole against a pattern of word characters, digits, `.`, `-` and
        `$` only (`re.fullmatch(r"[\w.]+", name)`, `NAME.match(name)` with an anchored pattern): text that
        holds no markup, quote or space."""
        if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.args):
            return None
        method = test.func.attr
        if method not in ("match", "fullmatch", "search"):
            return None
        callee = self.module.qualified_name(test.func, self.function) or ""
        if callee in ("re.match", "re.fullmatch", "re.search") and len(test.args) >= 2:
            pattern, subject = test.args[0], test.args[1]
        elif isinstance(test.func.value, ast.Name):
            compiled = self.module.assignments.get(test.func.value.id, [])
            made = compiled[0] if len(compiled) == 1 else None
            if not (
                isinstance(made, ast.Call)
                and self.module.qualified_name(made.func, self.function) == "re.compile"
                and made.args
            ):
                return None
            pattern, subject = made.args[0], test.args[0]
        else:
            return None
        if not (isinstance(subject, ast.Name) and isinstance(pattern, ast.Constant) and isinstance(pattern.value, str)):
            return None
        return subject.id if S.plain_whole_match(pattern.value, method) else None

    def _not_client_made(self, collection: ast.expr) -> bool:
        if self._made_by_project_code(collection):
            return True
        while (
            isinstance(collection, ast.Call)
            and isinstance(collection.func, ast.Attribute)
            and collection.func.attr in ("keys", "values", "copy")
            and not collection.args
        ):
            collection = collection.func.value  # `Model.__table__.columns.keys()`: the columns' names
        value = self._eval(collection)
        return (L.CONST in value or L.IDENTIFIER in value or L.COMPOSED_IDENT in value) and not any(
            label.startswith(L.REQUEST) or L.is_symbolic(label) for label in value
        )

    def _made_by_project_code(self, collection: ast.expr) -> bool:
        """`allowed = self.sortable_columns(table)`, or `allowed = await columns_of(db)`, bound once: a
        collection a project function or a method of the view's own class computes (the columns of the
        table a URL names) is the server's. One given request data may hand it back
        (`parse_list(request.args["cols"])`): that collection is the client's."""
        if isinstance(collection, ast.Name):
            if self._bound_once is None:
                self._bound_once = _names_bound_once(self.function)
            collection = self._bound_once.get(collection.id, collection)
        if isinstance(collection, ast.Await):
            collection = collection.value
        if not isinstance(collection, ast.Call):
            return False
        func = collection.func
        own_method = (
            isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls")
        )
        callee = self.module.qualified_name(func, self.function) or ""
        if not own_method and callee.split(".", 1)[0] not in self.module.project_roots:
            return False
        passed = [*collection.args, *(k.value for k in collection.keywords)]
        names_read = [n for arg in passed for n in ast.walk(arg) if isinstance(n, ast.Name)]
        return not any(label.startswith(L.REQUEST) for name in names_read for label in self._lookup(name.id, name))

    def _guards(self, test: ast.expr) -> tuple[list[str], str | None]:
        """The names a true test proves allowed (`x in ALLOWED`, and each such conjunct of an `and`), and
        the name a single `x not in ALLOWED` test refuses unless allowed."""
        parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
        guards = [self._allow_list(part) for part in parts]
        allowed = [guard[0] for guard in guards if guard is not None and guard[1]]
        single = guards[0] if len(guards) == 1 else None
        return allowed, single[0] if single is not None and not single[1] else None

    def _store(
        self, target: ast.AST, value: L.Value, stmt: ast.AST, value_node: ast.AST | None, *, record: bool = True
    ) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            if self._exc_info(value_node) and len(target.elts) == 3:
                # `exc_type, exc_value, tb = sys.exc_info()`: the class, the exception handled, the traceback.
                # Outside a handler (a server-error view) it is whatever went wrong: any exception.
                handled = (
                    self.env[_HANDLED_EXCEPTION]
                    if _HANDLED_EXCEPTION in self.env
                    else {L.EXCEPTION: (self.step(stmt, "exception from `sys.exc_info()`"),)}
                )
                for sub_target, element in zip(target.elts, (L.CONSTANT, handled, value)):
                    self._store(sub_target, element, stmt, None, record=record)
                return
            parts = value_node.elts if isinstance(value_node, (ast.Tuple, ast.List)) else None
            items = (
                self._returned_items(value_node, len(target.elts))
                if isinstance(value_node, ast.Call) and not any(isinstance(t, ast.Starred) for t in target.elts)
                else None
            )
            # `login, password = credentials.split(":", 1)`: beside a secret's own name, the one naming who
            # logs in holds the user name, not the secret the whole was named for.
            beside_secret = any(isinstance(t, ast.Name) and names.classify(t.id) for t in target.elts)
            # `prefix, raw_key = generate_api_key()`: the name ending as the credential made ends is that credential.
            maker = _credential_maker(value_node)
            made = names.words(maker)[-1] if maker else None

            def held(sub_target: ast.expr, part: L.Value) -> L.Value:
                if (
                    maker
                    and isinstance(sub_target, ast.Name)
                    and names.words(sub_target.id)[-1:] == (made,)
                    and not any(label in part for label in _NAMED_LABELS)
                ):
                    return {**self._named(maker, sub_target, f"what `{maker}()` makes"), **part}
                if beside_secret and isinstance(sub_target, ast.Name) and _names_identity(sub_target.id):
                    # Also what a name would lend through another module's function (`via:...:secret`).
                    return {
                        label: trace
                        for label, trace in part.items()
                        if label not in _NAMED_LABELS
                        and not (label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] in _NAMED_LABELS)
                    }
                return part

            if (
                parts is not None
                and len(parts) == len(target.elts)
                and not any(isinstance(p, ast.Starred) for p in parts)
            ):
                for sub_target, part in zip(target.elts, parts):
                    self._store(sub_target, self._eval(part), stmt, part, record=record)
            elif items is not None:  # `name, token, error = parse(request)`: each name gets its own element
                for sub_target, item in zip(target.elts, items):
                    self._store(sub_target, held(sub_target, item), stmt, None, record=record)
            elif (
                isinstance(value_node, ast.Call)
                and (callee := self._project_callee(value_node))
                or isinstance(value_node, ast.Name)
                and (callee := _only_returned_by(value))
            ) and not any(isinstance(t, ast.Starred) for t in target.elts):
                # A function of another module: the project stage looks up each element of what it returns.
                for index, sub_target in enumerate(target.elts):
                    item = L.per_item(value, callee, index, len(target.elts))
                    self._store(sub_target, held(sub_target, item), stmt, None, record=record)
            else:
                for sub_target in target.elts:
                    self._store(sub_target, held(sub_target, value), stmt, None, record=record)
            return
        if isinstance(target, ast.Starred):
            self._store(target.value, value, stmt, None, record=record)
            return
        if isinstance(target, ast.Name):
            name = target.id
            if self._keys_constant(value_node):
                self._constant_keys.add(name)
            else:
                self._constant_keys.discard(name)
            if name in self._item_containers or name in self._config_parsers:  # a new object: its items are gone
                self._item_containers.discard(name)
                self._closed_dicts.discard(name)
                self._config_parsers.discard(name)
                self._list_lengths.pop(name, None)
                for stale in [k for k in self.env if k.startswith(name + "[")]:
                    del self.env[stale]
            if (
                isinstance(value_node, ast.Call)
                and not self.function.is_module
                and self.module.qualified_name(value_node.func, self.function) in _CONFIG_PARSERS
            ):
                self._config_parsers.add(name)  # `cp = ConfigParser()`: its options are followed one by one
            if (
                isinstance(value_node, ast.List)
                and all(isinstance(e, ast.Constant) for e in value_node.elts)
                and not self.function.is_module
            ):
                # `parts = []`, `parts = ["a"]`: its slots are followed as they are appended
                self._item_containers.add(name)
                self._list_lengths[name] = len(value_node.elts)
                for index in range(len(value_node.elts)):
                    self.env[_item_key(name, index)] = L.CONSTANT
            displayed = self._dict_items.get(id(value_node)) if isinstance(value_node, ast.Dict) else None
            if displayed is not None and not self.function.is_module:
                self._item_containers.add(name)
                self._closed_dicts.add(name)
                for shown, item in displayed.items():
                    self.env[_item_key(name, shown)] = item
            role = self._fallbacks.get(name)
            if role and value and not any(label in value for label in (L.SECRET, L.PASSWORD)):
                value = {**role, **value}  # the fallback for an empty credential is that credential
            if not _labels_a_literal(name, value_node):
                value = self._add_name_label(value, name, target)
                maker = _credential_maker(value_node)
                if maker and not any(label in value for label in _NAMED_LABELS):
                    # `code = _generate_reset_code()`: the name of what made it says what it is.
                    value = {**self._named(maker, target, f"what `{maker}()` makes"), **value}
                elif not any(label in value for label in _NAMED_LABELS) and self._key_from_token_function(
                    name, value_node
                ):
                    # `raw_key = f"{prefix}.{secrets.token_hex(16)}"`: a key `secrets` draws is a secret key,
                    # whatever word qualifies it (a "key" alone may name a dict's or a cache's key).
                    value = {L.SECRET: (self.step(target, f"named `{name}`, drawn by `secrets`"),), **value}
            if L.TIME in value and S.is_time_field(name):
                value = _as_time_field(value)
            elif S.is_time_field(name) and _only_from_elsewhere(value):
                # `expires = utc_now() + timedelta(minutes=30)` with the project's clock helper: a timestamp.
                value = L.CONSTANT
            if name in R.REQUEST_NAMES and not value and not self._constructed(value_node):
                value = {L.REQUEST_OBJECT: (self.step(stmt, f"{_REQUEST_OBJECT_NOTE} `{name}`"),)}
            if value and value is not L.CONSTANT and any(k != L.CONST for k in value):
                value = L.with_step(value, self.step(stmt, f"assigned to `{name}`")) if record else value
            # A salt is kept in clear beside what it salts (`f"{algorithm}:{salt}:{digest}"`): judged where it is
            # made, it makes nothing it goes into a secret.
            self.env[name] = _cap(L.without(value, *S.PREDICTABLE) if names.words(name)[-1:] == ("salt",) else value)
            if record:
                self.stores.append(StoreEvent(target, "name", name, None, value, stmt))
            return
        if isinstance(target, ast.Attribute):
            self._eval(target.value)
            if record:
                self.stores.append(StoreEvent(target, "attr", target.attr, target.value, value, stmt))
            key = dotted(target)
            if key:
                self.env[key] = value
            return
        if isinstance(target, ast.Subscript):
            option = self._section_option(target)
            if option is not None:  # `cp["ui"]["nick"] = v`
                self.env[_item_key(*option)] = value
                return
            self._eval(target.value)
            key_node = target.slice
            key_value = (
                key_node.value if isinstance(key_node, ast.Constant) and isinstance(key_node.value, str) else None
            )
            if not isinstance(key_node, ast.Constant):
                self._eval(key_node)
            if record:
                self.stores.append(StoreEvent(target, "item", key_value, target.value, value, stmt))
            if (
                isinstance(target.value, ast.Name)
                and isinstance(key_node, ast.Constant)
                and isinstance(key_node.value, (str, int))
            ):
                self._store_item(target.value.id, key_node.value, value)
            elif isinstance(target.value, ast.Name) and target.value.id in self.env:
                # `tokens[serial] = {"type": t, "otpkey": key}`: under a key known only at run time, the
                # mapping now holds the record. What a name lends stays with the item, as above; the
                # fields of a record written here are its content.
                name = target.value.id
                lent = () if isinstance(value_node, (ast.Dict, ast.List, ast.Tuple)) else _NAMED_LABELS
                self.env[name] = (
                    L.combine([L.without(self.env[name], L.CONST), L.without(value, L.CONST, *lent)]) or L.CONSTANT
                )
            if self._shapes and key_value is not None and isinstance(target.value, ast.Name):
                name = target.value.id
                self.env[name] = L.combine(
                    [self.env.get(name, L.EMPTY), self._key_labels(key_value, value_node, value, target)]
                )
            return

    def _store_item(self, name: str, key: str | int, value: L.Value) -> None:
        """`d["nick"] = v`: `d["nick"]` holds v exactly, other keys keep what they held, and the container
        as a whole (formatted, serialised, passed on) now holds v too."""
        self._item_containers.add(name)
        replaced = self.env.get(_item_key(name, key), L.EMPTY)
        self.env[_item_key(name, key)] = value
        whole = L.without(self.env.get(name, L.EMPTY), L.CONST)
        if name in self._closed_dicts and replaced:
            # Every item is known: what only the replaced item lent the whole is gone with it.
            others = [v for k, v in self.env.items() if k.startswith(name + "[") and k != _item_key(name, key)]
            whole = {
                label: trace
                for label, trace in whole.items()
                if label not in replaced or any(label in o for o in others)
            }
        # What a name lends (a secret's, a password's) stays with the item, as with the parts of a value.
        added = {
            label: trace
            for label, trace in L.without(value, L.CONST, *_NAMED_LABELS).items()
            if not (label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] in _NAMED_LABELS)
        }
        self.env[name] = L.combine([whole, added]) if whole or added else L.CONSTANT

    def _constructed(self, node: ast.AST | None) -> bool:
        """`req = Requirement(spec)`: made by an imported class or function, not the request."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            return False
        bound = self.module.binding(node.func.id, self.function)
        return bound is not None and bound not in R.REQUEST_OBJECTS and bound not in R.REQUEST_CLASSES

    def _key_from_token_function(self, name: str, value_node: ast.AST | None) -> bool:
        """`raw_key = secrets.token_urlsafe(32)`, `new_key = f"{prefix}_{secrets.token_hex(24)}"`: a name for a
        key whose value a token function of `secrets` draws (not `uuid4()`, which names objects and files)."""
        if names.words(name)[-1:] not in (("key",), ("keys",)) or value_node is None:
            return False
        return any(
            isinstance(node, ast.Call) and self.module.qualified_name(node.func, self.function) in S.TOKEN_FUNCTIONS
            for node in ast.walk(value_node)
        )

    def _add_name_label(self, value: L.Value, name: str, node: ast.AST) -> L.Value:
        """A name that promises a password or secret lends its label to whatever it holds,
        unless the value is already known to be a hash of one."""
        if L.PASSWORD_HASH in value or L.FAST_HASH_OF_PASSWORD in value or L.FLAG in value:
            return value
        if L.MASKED in value and not any(label in value for label in _NAMED_LABELS):
            return value  # `log_key = f"{key[:4]}****{key[-4:]}"`: the mask of a key, not the key
        named = self._named(name, node, f"named `{name}`")
        if not named:
            return value
        merged = dict(value)
        for label, trace in named.items():
            merged.setdefault(label, trace)
        return merged

    # -- expressions ------------------------------------------------------------

    def _eval(self, node: ast.AST) -> L.Value:
        method = getattr(self, "_eval_" + type(node).__name__, None)
        if method is None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self._eval(child)
            return L.EMPTY
        return method(node)

    def _eval_Constant(self, node: ast.Constant) -> L.Value:
        if isinstance(node.value, str) and _SQL.search(node.value):
            return _SQL_CONSTANT
        return L.CONSTANT

    def _eval_Name(self, node: ast.Name) -> L.Value:
        return self._lookup(node.id, node)

    def _eval_Attribute(self, node: ast.Attribute) -> L.Value:
        key = dotted(node)
        if key and key in self.env:
            return self.env[key]
        if node.attr == "path" and self._pinned_path(node):
            return L.CONSTANT
        if isinstance(node.value, ast.Name) and node.value.id in self._error_objects:
            if node.attr == "traceback":
                return {L.TRACEBACK: (self.step(node, f"`{_text(node)}`, the traceback of a server error"),)}
            if node.attr in ("exception", "original_exception"):
                return {L.EXCEPTION: (self.step(node, f"`{_text(node)}`, the exception of a server error"),)}
        if (
            node.attr == "request"
            and isinstance(node.value, ast.Name)
            and node.value.id in self.module.imports
            and node.value.id not in self.env
            and self.module.qualified_name(node, self.function) in R.REQUEST_OBJECTS
        ):
            # `flask.request` through the module; `flask.Request` is the class, whose attributes are descriptors.
            return {L.REQUEST_OBJECT: (self.step(node, f"{_REQUEST_OBJECT_NOTE} `{_text(node)}`"),)}
        if node.attr == "current_request" and self.module.imports_any("chalice"):
            # Chalice's `app.current_request` (also a blueprint's): the request the view answers.
            return {L.REQUEST_OBJECT: (self.step(node, f"{_REQUEST_OBJECT_NOTE} `{_text(node)}`"),)}
        if node.attr == "payload" and R.restx_namespace(self.module, node.value):
            # Flask-RESTX's `ns.payload`, `api.payload`: the JSON body of the request being answered.
            body: L.Trace = (self.step(node, f"`{_text(node)}`"),)
            return {L.REQUEST: body, L.REQUEST_WHOLE: body, L.REQUEST_BODY: body}
        if (
            node.attr == "request"
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and R.django_view_method(self.module, self.function)
        ):
            # A Django class-based view's `self.request`: the request it answers, in any of its methods.
            return {L.REQUEST_OBJECT: (self.step(node, f"{_REQUEST_OBJECT_NOTE} `self.request`"),)}
        base = self._eval(node.value)
        if L.REQUEST_OBJECT in base:
            if node.attr == "request" and isinstance(node.value, ast.Name) and node.value.id == "self":
                return base  # a Tornado handler's `self.request`: the request it answers
            if node.attr == "__dict__":
                return _every_part_of(base[L.REQUEST_OBJECT] + (self.step(node, f"`{_text(node)}`"),))
            if node.attr in R.INPUT_ATTRIBUTES:
                trace = base[L.REQUEST_OBJECT] + (self.step(node, f"`{_text(node)}`"),)
                if node.attr in R.BODY_INPUTS:  # the whole body
                    return {L.REQUEST: trace, L.REQUEST_WHOLE: trace, L.REQUEST_BODY: trace}
                if node.attr in R.WHOLE_INPUTS:  # all headers, all cookies
                    return {L.REQUEST: trace, L.REQUEST_WHOLE: trace}
                if names.classify(node.attr) in (names.NameKind.SECRET, names.NameKind.PASSWORD):
                    return {L.REQUEST: trace, L.SECRET: trace}  # `request.authorization`: the credentials sent
                return {L.REQUEST: trace}
            return L.EMPTY  # `request.user`, `request.method`: the server's own data
        if self._is_class_constant(node):
            return L.CONSTANT
        if L.REQUEST not in base and _is_metadata(node):
            # `Model._meta.db_table`, `Model.__tablename__`: a name the code defines, not data.
            return {L.IDENTIFIER: (self.step(node, f"`{_text(node)}`"),)}
        if isinstance(node.value, ast.Name) and self.module.qualified_name(node, self.function) in R.INPUT_NAMES:
            typed = (self.step(node, f"`{_text(node)}`"),)
            return {L.REQUEST: typed, L.TERMINAL: typed}
        if node.attr in ("strerror", "errno") and L.EXCEPTION in base:
            # An OSError's `strerror` is the C library's text for its errno ("No such file or directory"), without
            # the file's name: nothing of the application's inside.
            return L.without(base, L.EXCEPTION, L.SYSTEM_ERROR, L.FRAMED_EXCEPTION, L.TRACEBACK, L.EXPECTED_ERROR)
        initial: L.Value = L.EMPTY
        if isinstance(node.value, ast.Name) and node.value.id == "self" and self.function.class_name:
            initial = (
                init_attribute(self.module, self.function, node.attr)
                or handler_attribute(self.module, self.function, node.attr)
                or self._class_generator(node)
            )
        # An attribute of a secret is not the secret (`token.contents` in a lexer), except for the
        # value holders of form libraries (`form.password.data`).
        # So is an attribute of what another module returns (`found.user` of `APIToken.find(...)`): that
        # value is resolved without the name it had there, as a method's result is.
        value = dict(
            L.without(base, L.CONST)
            if node.attr in _VALUE_ATTRS
            else L.method_result(L.without(base, *_NAMED_LABELS, *_named_via(base)))
        )
        if isinstance(node.value, ast.Name) and _labels_a_literal(
            node.attr, self.module.class_attributes.get(node.value.id, {}).get(node.attr)
        ):
            return value  # `GROUP.TOKEN` where `class GROUP: TOKEN = "token"`: a name in a table of names
        if self._project_table_constant(node):
            # `OAuthGrantTypes.OAUTH_PASSWORD`, `urls.TOKEN`: a constant another project module defines, a
            # name in a table of names (a literal secret there is reported where it is written).
            bound = self.module.binding(_text(node.value), self.function) or ""
            return self._constant_elsewhere(node, f"{bound}.{node.attr}", value)
        kind = names.classify(node.attr)
        if kind is None and isinstance(node.value, ast.Name) and names.words(node.attr)[-1:] in _QUALIFIED_HEADS:
            # `reset.code`, `invite.link`: the record's name says what its code or link is for.
            kind = names.classify(f"{node.value.id}_{node.attr}")
        if kind is names.NameKind.PASSWORD:
            base_name = _last_name(node.value)
            if base_name is not None and base_name.lower() in _FORM_BASES or self._submitted(node.value, base):
                value[L.PASSWORD] = (self.step(node, f"`{_text(node)}`"),)
            else:
                value[L.SECRET] = (self.step(node, f"`{_text(node)}`"),)  # a stored password field: plaintext or hash
        elif kind in (names.NameKind.SECRET, names.NameKind.SHORT_CODE):
            value[L.SECRET] = (self.step(node, f"`{_text(node)}`"),)
        return L.combine([value, initial]) if initial else value

    def _submitted(self, node: ast.expr, value: L.Value) -> bool:
        """A parameter the framework fills from the request (`user: UserIn` of a FastAPI route, `form_data`
        of an `OAuth2PasswordRequestForm`): its password field is the one the client typed, not a stored one."""
        return isinstance(node, ast.Name) and node.id in self._input_params and L.REQUEST in value

    @cached_property
    def _path_templates(self) -> list[tuple[str, str]] | None:
        """The request paths the view's routes allow."""
        return None if self.function.is_module else R.flask_path_templates(self.module, self.function)

    def _pinned_path(self, node: ast.expr) -> bool:
        """`request.path.split("/")[1]` under `@app.route("/shop/list")`: text every route of the view fixes."""
        chain = _path_operations(node)
        if chain is None:
            return False
        templates = self._path_templates
        if templates is None or L.REQUEST_OBJECT not in self._eval(chain[0]):
            return False
        for least, stretched in templates:
            result = _on_path(least, chain[1])
            if (
                result is None
                or result != _on_path(stretched, chain[1])
                or R.CLIENT_TEXT in (result if isinstance(result, str) else "".join(result))
            ):
                return False
        return True

    def _is_class_constant(self, node: ast.Attribute) -> bool:
        """`self.reset_url_token` where the class body says `reset_url_token = "set-password"`."""
        if not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"} and self.function.class_name):
            return False
        assigned = self.module.class_attributes.get(self.function.class_name, {}).get(node.attr)
        if isinstance(assigned, ast.Name):  # `DEFAULT_PASSWORD = APPID`: another constant of the code
            return self.module.constant(assigned, _NOT_CONSTANT) is not _NOT_CONSTANT or self._project_constant(
                assigned.id, self.module.module_function
            )
        return assigned is not None and isinstance(assigned, ast.Constant)

    def _constant_elsewhere(self, node: ast.AST, qualified: str, value: L.Value) -> L.Value:
        """A constant another project module defines: a name the code chose, and SQL text when a module of
        queries holds it or its name says it is one (`queries.SEARCH_PRODUCTS`, `REPORT_SQL`), whose text this
        file cannot read."""
        step = (self.step(node, f"`{_text(node)}`"),)
        found = {**value, L.IDENTIFIER: step}
        if _SQL_HOLDER_WORDS & set(names.words(qualified.replace(".", "_"))):
            found[L.SQL_TEXT] = step
        return found

    def _project_table_constant(self, node: ast.Attribute) -> bool:
        """`Enum.MEMBER_NAME` or `module.CONSTANT_NAME` of a class or module the project imports, which is not
        its configuration (`settings.API_TOKEN`, `config.PASSWORD` are values set at run time)."""
        if not (isinstance(node.value, ast.Name) and _CONSTANT_NAME.fullmatch(node.attr)):
            return False
        owner = node.value.id
        bound = self.module.binding(owner, self.function)
        return (
            bound is not None
            and bound.split(".", 1)[0] in self.module.project_roots
            and not _CONFIGURATION_WORDS & set(names.words(f"{owner}_{bound.replace('.', '_')}"))
        )

    def _project_constant(self, name: str, scope: Function) -> bool:
        """`DEFAULT_SCHEMA`, a name in capitals imported from another project module."""
        bound = self.module.binding(name, scope)
        return (
            bound is not None
            and _CONSTANT_NAME.fullmatch(name) is not None
            and bound.split(".", 1)[0] in self.module.project_roots
        )

    def _eval_Subscript(self, node: ast.Subscript) -> L.Value:
        if self._pinned_path(node):
            return L.CONSTANT
        option = self._section_option(node)
        if option is not None:  # `cp["ui"]["nick"]`
            return self._option_value(*option, [])
        key = node.slice
        if isinstance(node.value, ast.Name) and isinstance(key, ast.Constant) and isinstance(key.value, (str, int)):
            exact = self.env.get(_item_key(node.value.id, key.value))
            if exact is not None:
                return exact  # the item stored under this very key
        base = self._eval(node.value)
        if not isinstance(key, ast.Constant):
            self._eval(key)
        # An item holds what its container holds, but not what the container's name or its other keys'
        # names promised: `cfg["model"]` of `{"model": m, "api_key": k}`, here or returned from elsewhere.
        # Under a key known only at run time (`tokens[serial]`) it is any of the records the mapping holds,
        # with their fields: only what the container's own name promised goes.
        if isinstance(key, (ast.Constant, ast.Slice)):  # one field, or a part of the value
            value = dict(L.one_field(L.without(L.method_result(base, L.ITEM_ACCESS), L.CONST, *_NAMED_LABELS)))
            if _short_slice(key):
                # `card_number[-4:]`: the last digits a receipt prints, not the number.
                value.pop(L.PERSONAL, None)
        else:
            value = dict(L.without(base, L.CONST, L.REQUEST_WHOLE, *_lent_by_name(base, node.value)))
        if L.CONST in base:
            value[L.CONST] = ()  # an item of a constant table is a constant

        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            value.update(self._named(key.value, node, f"`{_text(node)}`"))
            if L.REQUEST_WHOLE in base and R.whole_event_part(self.function, node.value, key.value):
                value[L.REQUEST_WHOLE] = base[L.REQUEST_WHOLE] + (self.step(node, f"`{_text(node)}`"),)
                if key.value == "body":
                    value[L.REQUEST_BODY] = value[L.REQUEST_WHOLE]
        return value

    def _eval_JoinedStr(self, node: ast.JoinedStr) -> L.Value:
        parts = [self._eval(v) for v in node.values]
        value = self._composed(node, parts or [L.CONSTANT], "f-string", quoted=_fstring_quotes_a_value(node, parts))
        if _has_words(node.values):
            value = _framed(value)
        if _is_mask(node):
            value = {**value, L.MASKED: (self.step(node, "a masked form"),)}
        if L.CONST not in value:
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            match = LINK_PATH.search(text)
            if match:
                # `f"https://site/reset/{token}"`: whatever fills a reset / login / invite link is its key.
                self.stores.append(StoreEvent(node, "key", _link_name(match), None, value, node))
            else:
                # `f"https://site/confirm?token={code}&next={page}"`: what fills a query parameter named so.
                for index, before in enumerate(node.values[:-1]):
                    key = query_key(before.value) if isinstance(before, ast.Constant) else None
                    if key is not None and isinstance(node.values[index + 1], ast.FormattedValue):
                        self.stores.append(StoreEvent(node, "query", key, None, parts[index + 1], node))
        return value

    def _eval_FormattedValue(self, node: ast.FormattedValue) -> L.Value:
        return L.text_of(self._eval(node.value))

    def _eval_BinOp(self, node: ast.BinOp) -> L.Value:
        parts = [self._eval(node.left), self._eval(node.right)]
        if (
            isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Call)
            and self.module.qualified_name(node.left.func, self.function) in S.MARKUP_CLASSES
        ):
            return self._escaped(node, "Markup %", parts[1])  # `Markup("<b>%s</b>") % x` escapes x
        if self._shapes and isinstance(node.op, ast.Add):
            # `time.time() + 3600`: a point in time that far from now.
            for clock, other_node in ((parts[0], node.right), (parts[1], node.left)):
                number = _number_literal(other_node, self.module)
                if (L.TIME in clock or L.TIME_FIELD in clock) and number is not None:
                    return {**L.combine(parts), L.DURATION_PREFIX + str(int(number)): (self.step(node, "now +"),)}
                timed = L.TIME in clock or L.TIME_FIELD in clock
                # `ttl = current_app.config["TOKEN_TTL"]`, then `now + ttl`: the setting the name holds.
                read = (self._bound(other_node) or other_node) if isinstance(other_node, ast.Name) else other_node
                setting = setting_name(self.module, self.function, read, self.env) if timed else None
                if setting is not None:  # `time.time() + settings.TOKEN_TTL`: seconds
                    return {
                        **L.combine(parts),
                        L.SETTING_DURATION_PREFIX + f"1:0:{setting}": (self.step(node, "now +"),),
                    }
        if (
            isinstance(node.op, ast.Sub)
            and (L.TIME in parts[0] or L.TIME_FIELD in parts[0])
            and (
                L.TIME in parts[1]
                or L.TIME_FIELD in parts[1]
                or isinstance(node.right, (ast.Name, ast.Attribute, ast.Subscript))
                and _number_literal(node.right, self.module) is None
            )
        ):
            # `now - self.timestamp`, `time.time() - started["at"]`: the time elapsed since an earlier reading
            # of the clock, not the clock. (`time.time() - 3600` and `now - timedelta(days=1)` are points in
            # time again.)
            return L.without(L.combine(parts), L.TIME, L.TIME_FIELD)
        if isinstance(node.op, ast.Mult):
            # `["?"] * n`, `"-" * width`: the repeated sequence is the content, the count adds nothing.
            for side, value in ((node.left, parts[0]), (node.right, parts[1])):
                if isinstance(side, (ast.List, ast.Tuple)) or _is_str(side):
                    return value
        if isinstance(node.op, ast.Mod) and L.SQL_TEXT not in parts[0] and _names_sql_template(node.left):
            parts = [{**parts[0], L.SQL_TEXT: (self.step(node.left, f"`{_text(node.left)}`"),)}, *parts[1:]]
        # `template % value` formats text, whether the template is written here or held in a name (SQL text).
        textual = (
            isinstance(node.op, ast.Mod)
            and (_is_str(node.left) or L.SQL_TEXT in parts[0])
            or isinstance(node.op, ast.Add)
            and (
                _is_str(node.left)
                or _is_str(node.right)
                or any(L.COMPOSED in p or L.COMPOSED_IDENT in p for p in parts)
            )
        )
        value = (
            self._composed(
                node,
                parts,
                "`%` formatting" if isinstance(node.op, ast.Mod) else "`+`",
                quoted=_opens_a_quote(node, parts[1]),
            )
            if textual
            else L.combine(parts)
        )
        framing = isinstance(node.op, (ast.Mod, ast.Add)) and _has_words([node.left])
        if textual and L.CONST not in value and id(node.left) not in self._links:
            match = LINK_PATH.search(_literal_text(node))
            if match:
                # `"Reset: /reset/confirm?code=" + code`, `"/login/%s" % key`: as in an f-string (below).
                self._links.add(id(node))
                self.stores.append(StoreEvent(node, "key", _link_name(match), None, value, node))
            elif isinstance(node.op, ast.Add) and isinstance(node.left, (ast.Constant, ast.BinOp)):
                # `"https://site/confirm?token=" + code`: what fills a query parameter named so.
                left = node.left.right if isinstance(node.left, ast.BinOp) else node.left
                key = query_key(left.value) if isinstance(left, ast.Constant) and isinstance(left.value, str) else None
                if key is not None:
                    self.stores.append(StoreEvent(node, "query", key, None, parts[1], node))
        return _framed(value) if framing else value

    def _composed(self, node: ast.AST, parts: list[L.Value], how: str, quoted: bool = False) -> L.Value:
        """A string built from parts: non-constant when any part is, and then marked as composed. `quoted`:
        a part that is neither constant nor a name the code defines is put between quotes (`'{name}'`), a
        value written into the text as a literal."""
        if any(L.MAC in p or L.SECRET in p for p in parts):
            # `f"{digest}:{issued}"`, `f"{user}:{secret}:{now}"`: a clock beside a signature or a secret is
            # a claim anyone may read; the signature or the secret is what cannot be guessed.
            parts = [L.without(p, L.TIME, L.TIME_FIELD) for p in parts]
        value = L.combine(parts)
        if L.CONST in value:
            return value
        if L.COMPOSED in value:
            if quoted and L.QUOTED_VALUE not in value:
                value = {**value, L.QUOTED_VALUE: (self.step(node, f"built by {how} with a value between quotes"),)}
            return _mark_sql(value)
        step = self.step(node, f"built by {how}")
        unknown = [p for p in parts if L.CONST not in p]
        if all(p and all(L.deferred(k) for k in p) for p in unknown):
            # Only other modules' return values are not constant here: decided by the project stage.
            callees = {k[len(L.RET_PREFIX) :] for p in unknown for k in p if k.startswith(L.RET_PREFIX)} | {
                L.parse_text_of(k)[0] for p in unknown for k in p if k.startswith(L.TEXT_OF_PREFIX)
            }
            return {**value, **{L.COMPOSED_FROM_PREFIX + c: (step,) for c in callees}}
        if all(p and set(p) <= _IDENTIFIER_LABELS for p in unknown):
            # Only identifiers the code defines (table names from model metadata) are formatted in.
            return L.without({**value, L.COMPOSED_IDENT: (step,)}, L.IDENTIFIER)
        composed = {**L.without(value, L.COMPOSED_IDENT), L.COMPOSED: (step,)}
        if quoted:
            composed[L.QUOTED_VALUE] = (self.step(node, f"built by {how} with a value between quotes"),)
        return _mark_sql(composed)

    def _eval_BoolOp(self, node: ast.BoolOp) -> L.Value:
        return L.combine([self._eval(v) for v in node.values])

    def _eval_UnaryOp(self, node: ast.UnaryOp) -> L.Value:
        value = self._eval(node.operand)
        if isinstance(node.op, ast.Not):
            return L.CONSTANT if L.CONST in value else L.EMPTY
        return value

    def _eval_IfExp(self, node: ast.IfExp) -> L.Value:
        truth = self._constant_truth(node.test)
        if truth is not None:
            return self._eval(node.body if truth else node.orelse)
        self._eval(node.test)
        if isinstance(node.body, ast.Name) and node.body.id in self._guards(node.test)[0]:
            return L.combine([L.CONSTANT, self._eval(node.orelse)])  # `x if x in ALLOWED else "id"`
        return L.combine([self._eval(node.body), self._eval(node.orelse)])

    def _eval_NamedExpr(self, node: ast.NamedExpr) -> L.Value:
        value = self._eval(node.value)
        self._store(node.target, value, node, node.value)
        return self.env.get(node.target.id, value) if isinstance(node.target, ast.Name) else value

    def _eval_Await(self, node: ast.Await) -> L.Value:
        return self._eval(node.value)

    def _eval_Starred(self, node: ast.Starred) -> L.Value:
        return self._eval(node.value)

    def _eval_collection(self, elts: list[ast.expr]) -> L.Value:
        return L.combine([self._eval(e) for e in elts]) if elts else L.CONSTANT

    def _eval_List(self, node: ast.List) -> L.Value:
        return self._eval_collection(node.elts)

    _eval_Tuple = _eval_List
    _eval_Set = _eval_List

    def _eval_Dict(self, node: ast.Dict) -> L.Value:
        parts: list[L.Value] = []
        items: dict[str, L.Value] | None = {}
        spread_unknown = False  # `{**claims, "iat": now}` with `claims` of unknown keys
        for key, val in zip(node.keys, node.values):
            if key is not None:
                self._eval(key)
            value = self._eval(val)
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                # A dict display is a store under each of its keys: `{"token": v}`.
                if self._keyed_secret(key.value, val, value):
                    value = self._add_name_label(_without_parameter_hints(value), key.value, key)
                if L.TIME in value and S.is_time_field(key.value):
                    value = _as_time_field(value)
                elif S.is_time_field(key.value) and _only_from_elsewhere(value):
                    # `{"created": utcnow()}` with the project's clock helper: a timestamp, whatever it returns.
                    value = L.CONSTANT
                self.stores.append(StoreEvent(key, "key", key.value, None, value, node))
                if self._shapes:
                    parts.append(self._key_labels(key.value, val, value, key))
                if items is not None:
                    items[key.value] = value
            else:
                items = None  # `**other` or a computed key: not every item is known
                spread_unknown = spread_unknown or key is None and L.DICT not in value
            if isinstance(key, ast.JoinedStr) and L.TIME in value:
                # `{f"{step}_at": now}`: the written end of the key names the field.
                tail = key.values[-1] if key.values else None
                if isinstance(tail, ast.Constant) and isinstance(tail.value, str) and S.is_time_field("x" + tail.value):
                    value = _as_time_field(value)
            parts.append(value)
        if items is not None:
            self._dict_items[id(node)] = items
        if self._shapes and not spread_unknown:
            parts.append({L.DICT: (self.step(node, "dict"),)})
        return L.combine(parts) if parts else L.CONSTANT

    def _exc_info(self, node: ast.AST | None) -> bool:
        return isinstance(node, ast.Call) and self.module.qualified_name(node.func, self.function) == "sys.exc_info"

    def _keyed_secret(self, key: str, node: ast.expr, value: L.Value) -> bool:
        """Whether a dict entry takes the label its key's name gives: not for a value named for a hash, a
        record's stored field, a parameter judged where it came in, a function or class the module defines
        (`{"moderator_password": str_to_bytes}` maps a field to its converter), or the name of another
        field (`dict(mod_password="moderator_password")` maps an old field's name to the new one's), nor a truth
        value (`{"basic_auth": bool(basic_auth)}` says whether there is one)."""
        return (
            names.classify(key) is not None
            and not _is_truth_value(node)
            and not _names_field(node)
            and not _names_derived(node)
            and not _stored_field(node, value)
            and not self._judged_parameter(node, key)
            and not (isinstance(node, ast.Name) and node.id not in self.env and node.id in self.module.defined)
        )

    def _judged_parameter(self, node: ast.expr, key: str) -> bool:
        """`{"token": token}` with the function's parameter `token`: the key repeats the name. What the
        parameter holds was judged where it came in (its type, a flag, a published challenge), or, if a
        call may leave it out (`pin=None`), is judged by what each call passes (`via:`). A required
        parameter judged by its name alone is another matter: every call stores it under the key, and the
        key's name leaves the function with the entry (a parameter's own name does not)."""
        return (
            isinstance(node, ast.Name)
            and node.id == key
            and node.id in self.function.params
            and (
                node.id in _defaulted_params(self.function)
                or not any(label in self.env.get(node.id, L.EMPTY) for label in _NAMED_LABELS)
            )
        )

    def _key_labels(self, key: str, node: ast.AST | None, value: L.Value, where: ast.AST) -> dict[str, L.Trace]:
        """`key:exp`, `keyval:verify_signature=False`, `lifetime:3600` for one entry of a dict."""
        step = (self.step(where, f"key `{key}`"),)
        out: dict[str, L.Trace] = {L.KEY_PREFIX + key: step}
        if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int, str, type(None))):
            out[f"{L.KEYVAL_PREFIX}{key}={node.value!r}"] = step
        if key == "exp":
            for label in value:
                if label.startswith(L.DURATION_PREFIX):
                    # Where the span was written (`STAFF_TOKEN_TTL = timedelta(days=30)`) leads the trace.
                    out[L.LIFETIME_PREFIX + label[len(L.DURATION_PREFIX) :]] = (*value[label], *step)
                elif label.startswith(L.SETTING_DURATION_PREFIX):
                    out[L.SETTING_LIFETIME_PREFIX + label[len(L.SETTING_DURATION_PREFIX) :]] = step
                elif label.startswith(L.PARAM_PREFIX):  # `now + expires_delta`: the callers decide
                    out[L.PARAM_LIFETIME_PREFIX + label[len(L.PARAM_PREFIX) :]] = step
        return out

    def _comprehension(self, generators: list[ast.comprehension], *elts: ast.expr) -> L.Value:
        saved = dict(self.env)
        for gen in generators:
            # As in a `for` statement: the items of `tokens` or `secrets` are not secrets by that name.
            self._store(gen.target, self._iteration(gen.iter), gen, None, record=False)
            for cond in gen.ifs:
                self._eval(cond)
                # `[k for k in fields if k in ALLOWED]`: what passes the filter is one of the listed values.
                for name in self._guards(cond)[0]:
                    self.env[name] = L.CONSTANT
        # The elements are the value: `"?" for _ in ids` is constants, however many there are.
        value = L.combine([self._eval(e) for e in elts])
        self.env = saved
        return value

    def _iteration(self, iterated: ast.expr) -> L.Value:
        """What a loop over `iterated` takes from it: the keys of a dict whose keys are all constants
        (`for k in allowed`, `allowed.keys()`) are constants, whatever its values hold."""
        value = _iterated(self._eval(iterated))
        held = iterated
        if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute) and iterated.func.attr == "keys":
            held = iterated.func.value
        if isinstance(held, ast.Name) and held.id in self._constant_keys:
            return L.CONSTANT
        return value

    def _keys_constant(self, node: ast.AST | None) -> bool:
        """A dict whose every key is a constant: a display with literal keys, or a comprehension whose key
        passes an allow-list (`{k: v for k, v in fields.items() if k in {"name", "email"}}`)."""
        if isinstance(node, ast.Dict):
            return bool(node.keys) and all(isinstance(k, ast.Constant) for k in node.keys)
        if not isinstance(node, ast.DictComp) or not isinstance(node.key, ast.Name):
            return False
        return any(node.key.id in self._guards(cond)[0] for gen in node.generators for cond in gen.ifs)

    def _eval_ListComp(self, node: ast.ListComp) -> L.Value:
        return self._comprehension(node.generators, node.elt)

    _eval_SetComp = _eval_ListComp
    _eval_GeneratorExp = _eval_ListComp

    def _eval_DictComp(self, node: ast.DictComp) -> L.Value:
        return self._comprehension(node.generators, node.key, node.value)

    def _eval_Lambda(self, node: ast.Lambda) -> L.Value:
        return L.EMPTY

    def _eval_Compare(self, node: ast.Compare) -> L.Value:
        left = node.left
        left_value = self._eval(left)
        for op, right in zip(node.ops, node.comparators):
            right_value = self._eval(right)
            self.compares.append(CompareEvent(node, op, left, right, left_value, right_value))
            left, left_value = right, right_value
        return L.EMPTY

    def _eval_Call(self, node: ast.Call) -> L.Value:
        if (
            isinstance(node.func, ast.Name)
            and node.func.id == "vars"
            and len(node.args) == 1
            and isinstance(node.args[0], (ast.Name, ast.Attribute))  # evaluated twice: nothing it runs
            and L.REQUEST_OBJECT in (request := self._eval(node.args[0]))
        ):
            return _every_part_of(request[L.REQUEST_OBJECT] + (self.step(node, f"`{_text(node)}`"),))
        value = self._call_value(node)
        if isinstance(node.func, ast.Name) and self.module.binding(node.func.id, self.function) in (
            "dict",
            "builtins.dict",
        ):
            value = self._keyed_entries(node, value)
        self._given_as_password(node)
        if value and L.REQUEST in value and _converted_to_number(node):
            # `request.args.get("maxwidth", 600, type=int)`: Werkzeug converts it, and a number carries no
            # markup or SQL; only predictability survives.
            return {k: v for k, v in value.items() if k in _SURVIVES_NUMBERS} or L.CONSTANT
        if value and statement_object(self.module, self.function, node):
            # SQLAlchemy binds every value a statement object is given: no SQL text is made of them.
            return L.CONSTANT
        if value and self._secret_masker(node):
            # `mask_secret(client_secret)`, `redact(token)`: what comes out shows part of the secret, or none.
            value = {
                label: trace
                for label, trace in value.items()
                if label not in _NAMED_LABELS
                and not (label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] in _NAMED_LABELS)
            }
        if value and self._error_sanitiser(node):
            # `sanitize_database_error(exc, FALLBACK)`: the project's own helper decides what of an error a
            # client may read; its text is no longer the exception's as raised.
            return {
                label: trace
                for label, trace in value.items()
                if label not in _ERROR_LABELS
                and not (label.startswith(L.VIA_PREFIX) and label.rsplit(":", 1)[-1] in _ERROR_LABELS)
            }
        return value

    def _given_as_password(self, node: ast.Call) -> None:
        """`user.set_password(temp)`: what is handed to a password setter is a password from then on, whatever
        it is called (`temp = secrets.token_urlsafe(16)`)."""
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in _PASSWORD_SETTERS or not node.args or not isinstance(node.args[0], ast.Name):
            return
        held = node.args[0].id
        value = self.env.get(held)
        if value and L.PASSWORD not in value:
            self.env[held] = {**value, L.PASSWORD: (self.step(node, f"`{held}`, given to `{name}()` as a password"),)}

    def _keyed_entries(self, node: ast.Call, value: L.Value) -> L.Value:
        """`dict(pin=pin)` stores under the key `pin`, as `{"pin": pin}` does."""
        event, _callee = self._event_of(node)
        if event is None:
            return value
        parts = []
        for kw in node.keywords:
            entry = event.keywords.get(kw.arg or "", L.EMPTY)
            if kw.arg and self._keyed_secret(kw.arg, kw.value, entry):
                parts.append(self._add_name_label(_without_parameter_hints(entry), kw.arg, kw))
        return L.combine([*parts, value])  # the key's label first: of two as short, the first is kept

    def _deferred_call(
        self, node: ast.Call, args: list[L.Value], keywords: dict[str, L.Value], items: dict[int, tuple[L.Value, ...]]
    ) -> CallEvent | None:
        """`background.add_task(send_mail, to, link)`, `pool.submit(f, x)`, `loop.run_in_executor(None, f, x)`,
        `queue.enqueue(f, x)`, a task's `f.delay(x)`: the project function runs later with those arguments, so
        it is a call of it here, with what it is given (a second event at the same place)."""
        func = node.func
        # `queue.enqueue(f, x)`, or the project's own helper named for it: `enqueue(ingest_batch, token, data)`.
        runner = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        skip = _DEFERRING_METHODS.get(runner)
        if runner == "delay" and isinstance(func, ast.Attribute):
            target, skip = func.value, 0
        elif skip is None or len(node.args) <= skip or isinstance(node.args[skip], ast.Starred):
            return None
        else:
            target, skip = node.args[skip], skip + 1
        if not isinstance(target, (ast.Name, ast.Attribute)):
            return None
        callee = self.module.qualified_name(target, self.function)
        if not callee or (
            callee.split(".", 1)[0] not in self.module.project_roots and self.module.local_function(callee) is None
        ):
            return None  # only the project's own functions: a library's is known by its own name
        run = ast.Call(func=target, args=node.args[skip:], keywords=node.keywords)
        ast.copy_location(run, node)
        shifted = {index - skip: values for index, values in items.items() if index >= skip}
        return CallEvent(Call(run, callee, self.function), run, args[skip:], dict(keywords), None, shifted)

    def _secret_masker(self, node: ast.Call) -> bool:
        """A function named for hiding what it is given (`mask_secret`, `redact`, `obfuscate_key`,
        `masked_token`)."""
        name = call_name(node.func)
        words = names.words(name) if name else ()
        return bool(words) and (words[0] in _MASKING_VERBS or words[-1] in _MASKED_WORDS or words[0] in _MASKED_WORDS)

    def _error_sanitiser(self, node: ast.Call) -> bool:
        """A project function named for cleaning what it is given (`sanitize_error`, `redact_exception`) or
        for making it fit for the client (`error_for_client`, `client_safe_error`)."""
        call = self._calls_by_node.get(id(node))
        callee = call.callee if call else self.module.qualified_name(node.func, self.function)
        if not callee:
            return False
        project = callee.split(".", 1)[0] in self.module.project_roots or self.module.local_function(callee) is not None
        words = names.words(callee.rsplit(".", 1)[-1])
        for_client = any(a == "for" and b in _AUDIENCES for a, b in zip(words, words[1:]))
        return project and bool(set(words[:1]) & _SANITISING_VERBS or "safe" in words or for_client)

    def _call_value(self, node: ast.Call) -> L.Value:
        if isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_OPERATIONS and self._pinned_path(node):
            return L.CONSTANT
        call = self._calls_by_node.get(id(node))
        callee = call.callee if call else self.module.qualified_name(node.func, self.function)
        func = node.func
        receiver: L.Value | None = None
        if isinstance(func, ast.Attribute):
            receiver = self._eval(func.value)
        elif not isinstance(func, ast.Name):
            self._eval(func)
        args = []
        items: dict[int, tuple[L.Value, ...]] = {}
        for position, arg in enumerate(node.args):
            if (
                isinstance(arg, (ast.Tuple, ast.List))
                and arg.elts
                and not any(isinstance(e, ast.Starred) for e in arg.elts)
            ):
                items[position] = tuple(self._eval(e) for e in arg.elts)
                args.append(L.combine(items[position]))
            else:
                args.append(self._eval(arg))
        keywords = {}
        for kw in node.keywords:
            value = self._eval(kw.value)
            keywords[kw.arg if kw.arg is not None else "**"] = value
        deferred = self._deferred_call(node, args, keywords, items)
        if deferred is not None:
            self.calls.append(deferred)  # first: what the function run does is the call's meaning
        self.calls.append(CallEvent(call, node, args, keywords, receiver, items))
        for index, phrase in credential_arguments(node):
            # `store_reset_code(conn, user_id, code)`: what `code` holds is the reset code, from here on.
            held = node.args[index]
            if isinstance(held, ast.Name) and held.id in self.env:
                lent = self._named(phrase, node, f"passed as the {phrase.replace('_', ' ')} to `{call_name(func)}()`")
                self.env[held.id] = {**lent, **self.env[held.id]}
        bound_form = self._form_of_request(node, args, keywords)
        if bound_form is not None:
            return bound_form
        if isinstance(func, ast.Attribute) and func.attr == "parse_args" and self._request_parser(func.value):
            # Flask-RESTful / Flask-RESTX: `args = parser.parse_args()` reads the arguments from the request.
            return {L.REQUEST: (self.step(node, f"`{_text(node)}`, arguments parsed from the request"),)}
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self._item_containers
        ):
            kept = self._container_method(func.value.id, func.attr, node, args)
            if kept is not None:
                return kept
        elif (
            isinstance(func, ast.Attribute)
            and func.attr in _LIST_ADDITIONS
            and isinstance(func.value, ast.Name)
            and func.value.id in self.env
            and args
            and not self.function.is_module
        ):
            # `clauses = [f"tenant = {int(t)}"]; clauses.append(f"name = '{name}'")`: a list whose slots are not
            # followed holds what is added to it. Exceptions and other modules' results are left out: a list
            # that gathers them (`responses.append((receiver, err))`) is sorted by whoever reads it.
            name = func.value.id
            added = {
                label: trace
                for label, trace in args[-1].items()
                if not L.deferred(label) and label not in (L.EXCEPTION, L.TRACEBACK)
            }
            if added:
                step = self.step(node, f"added to `{name}`")
                self.env[name] = L.combine([L.without(self.env[name], L.CONST), L.with_step(added, step)])
            return L.EMPTY
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self._config_parsers
        ):
            kept = self._config_method(func.value.id, func.attr, node, args, keywords)
            if kept is not None:
                return kept
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and node.args
            and self._config_parsers
            and (option := self._section_option(ast.Subscript(value=func.value, slice=node.args[0])))
        ):
            return self._option_value(*option, [*args[1:], *keywords.values()])  # `cp["ui"].get("nick")`
        if (
            callee in _UNVERIFIED_JWT_READERS
            or callee in _JWT_DECODERS
            and _signature_unchecked(node)
            or callee in _JWT_HEADER_READERS
        ):
            # The claims of a token nobody checked, and any token's header (`kid`, `alg`, `jku`), are what its
            # sender wrote in it.
            token = args[0] if args else keywords.get("token", keywords.get("jwt", L.EMPTY))
            kept = {label: trace for label, trace in token.items() if label in (L.REQUEST, L.REQUEST_WHOLE)}
            if callee in _JWT_HEADER_READERS:
                kept = L.with_step(kept, self.step(node, "the token's header, which its sender wrote"))
                return {**L.without(kept, L.REQUEST_WHOLE), L.TOKEN_HEADER: (self.step(node, f"`{_text(node)}`"),)}
            return L.with_step(kept, self.step(node, "claims read without checking the signature"))
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _TEMPLATE_RENDERS
            and (source := self._unescaped_source(node)) is not None
        ):
            # `Template("<p>{{ name }}</p>").render(name=request.args["name"])`: the template writes what it
            # is given as it is, so the text carries the arguments it names unescaped.
            written = set(_TEMPLATE_NAMES.findall(" ".join(_TEMPLATE_EXPRESSIONS.findall(source))))
            named = [value for name, value in keywords.items() if name == "**" or name in written]
            given = L.combine([*args, *named, *self._context_given(node)])
            given = L.without(given, L.REQUEST_OBJECT, L.HTML_ESCAPED)
            return L.with_step(given, self.step(node, "rendered by a template that does not escape"))
        return self._call_result(node, callee, func, args, keywords, receiver)

    def _unescaped_source(self, node: ast.Call) -> str | None:
        """The text of the template a `render()` call renders, when it is written in the code and does not
        escape: a Jinja2 `Template("...")` (autoescape is off unless asked), `from_string("...")` of an
        `Environment()` without autoescape or with `autoescape=False`, or a Django `Template("...")`
        rendered with `Context(..., autoescape=False)`. A template read from elsewhere is not known here."""
        assert isinstance(node.func, ast.Attribute)
        template = self._bound(node.func.value)
        if not isinstance(template, ast.Call):
            return None
        # The template's text: a literal, or a constant of the module (`Template(PAGE)`).
        text = self.module.constant(template.args[0], None, self.function) if template.args else None
        if not isinstance(text, str):
            return None
        made = self.module.qualified_name(template.func, self.function) or ""
        if made in _JINJA_TEMPLATES:
            return None if _escapes(keyword_argument(template, "autoescape")) else text
        if made in _DJANGO_TEMPLATES:
            context = node.args[0] if node.args else keyword_argument(node, "context")
            context = self._bound(context) if context is not None else None
            off = (
                isinstance(context, ast.Call)
                and (self.module.qualified_name(context.func, self.function) or "") in _DJANGO_CONTEXTS
                and _switched_off(keyword_argument(context, "autoescape"))
            )
            return text if off else None
        if isinstance(template.func, ast.Attribute) and template.func.attr == "from_string":
            environment = self._bound(template.func.value)
            if not isinstance(environment, ast.Call):
                return None
            if (self.module.qualified_name(environment.func, self.function) or "") not in JINJA_ENVIRONMENTS:
                return None
            autoescape = keyword_argument(environment, "autoescape")
            return text if autoescape is None or _switched_off(autoescape) else None
        return None

    def _context_given(self, node: ast.Call) -> list[L.Value]:
        """What a Django `Context(...)` passed to `render()` was given."""
        context = self._bound(node.args[0]) if node.args else None
        event = self._event_of(context)[0] if isinstance(context, ast.Call) else None
        return [*event.args, *event.keywords.values()] if event is not None else []

    def _bound(self, expr: ast.expr) -> ast.expr | None:
        """What a name bound once holds, in the function or else at module level (other expressions as
        they are)."""
        if isinstance(expr, ast.Name):
            if self._bound_once is None:
                self._bound_once = _names_bound_once(self.function)
            if expr.id in self._bound_once:
                return self._bound_once[expr.id]
            if self.function.is_module or expr.id in self.env:
                return None
            values = self.module.assignments.get(expr.id, [])
            return values[0] if len(values) == 1 else None
        return expr

    def _container_method(self, name: str, method: str, node: ast.Call, args: list[L.Value]) -> L.Value | None:
        """Methods of a container whose items are kept key by key: `get` reads one item, `append` and
        `pop(0)` move the slots of a list; any other change makes the items unknown (the whole remains)."""
        key = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
        if method == "get" and isinstance(key, (str, int)) and _item_key(name, key) in self.env:
            return L.combine([self.env[_item_key(name, key)], *args[1:]])
        length = self._list_lengths.get(name)
        if method == "append" and length is not None and len(args) == 1:
            self._store_item(name, length, L.with_step(args[0], self.step(node, f"added to `{name}`")))
            self._list_lengths[name] = length + 1
            return L.EMPTY
        if method == "pop" and length and (not node.args or key == 0 or key == -1 or key == length - 1):
            from_end = not node.args or key == -1 or key == length - 1
            index = length - 1 if from_end else 0
            taken = self.env.get(_item_key(name, index), L.EMPTY)
            if index == 0:
                for i in range(1, length):
                    self.env[_item_key(name, i - 1)] = self.env.pop(_item_key(name, i), L.EMPTY)
            else:
                self.env.pop(_item_key(name, index), None)
            self._list_lengths[name] = length - 1
            return taken
        if method not in ("get", "items", "keys", "values", "copy", "count", "index"):
            self._item_containers.discard(name)
            self._closed_dicts.discard(name)
            self._list_lengths.pop(name, None)
            for item in [k for k in self.env if k.startswith(name + "[")]:
                del self.env[item]
        return None

    def _config_method(
        self, name: str, method: str, node: ast.Call, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value | None:
        """`cp.set("ui", "nick", v)` then `cp.get("ui", "nick")` of a ConfigParser: each option holds what was
        set under it; an option set under a key not known here makes every option unknown."""
        if method == "set" and len(args) == 3:
            key = _option_key(node.args[0], node.args[1])
            if key is None:
                self.env[name] = L.combine([L.without(self.env.get(name, L.EMPTY), L.CONST), args[2]])
            else:
                self.env[_item_key(name, key)] = args[2]
            return L.EMPTY
        if method in _OPTION_READS and len(node.args) >= 2:
            value = self._option_value(
                name,
                _option_key(node.args[0], node.args[1]),
                [keywords[k] for k in ("fallback", "vars") if k in keywords],
            )
            return (
                value
                if method == "get"
                else L.CONSTANT
                if not value or L.CONST in value
                else {k: v for k, v in value.items() if k in _SURVIVES_NUMBERS} or L.CONSTANT
            )
        return None

    def _section_option(self, node: ast.Subscript) -> tuple[str, str] | None:
        """(`cp`, `[ui]nick`) for `cp["ui"]["nick"]` on a ConfigParser made here."""
        section = node.value
        if not (
            self._config_parsers
            and isinstance(section, ast.Subscript)
            and isinstance(section.value, ast.Name)
            and section.value.id in self._config_parsers
        ):
            return None
        key = _option_key(section.slice, node.slice)
        return (section.value.id, key) if key is not None else None

    def _option_value(self, name: str, key: str | None, fallbacks: list[L.Value]) -> L.Value:
        """What an option holds: what was set under it (or under DEFAULT), else what was set under unknown keys."""
        kept = self.env.get(_item_key(name, key)) if key is not None else None
        if kept is None and key is not None:
            kept = self.env.get(_item_key(name, "[DEFAULT]" + key.split("]", 1)[1]))
        return L.combine([kept if kept is not None else L.without(self.env.get(name, L.EMPTY), L.CONST), *fallbacks])

    # -- calls ------------------------------------------------------------------

    def _call_result(
        self,
        node: ast.Call,
        callee: str | None,
        func: ast.expr,
        args: list[L.Value],
        keywords: dict[str, L.Value],
        receiver: L.Value | None,
    ) -> L.Value:
        method = func.attr if isinstance(func, ast.Attribute) else None
        all_args = [*args, *keywords.values()]
        if (
            method in ("format", "format_map")
            and receiver is not None
            and L.SQL_TEXT not in receiver
            and isinstance(func, ast.Attribute)
            and _names_sql_template(func.value)
        ):
            # `queries.KEEPER_QUERY.format(keeper)`: a template named as SQL whose text is not seen here.
            receiver = {**receiver, L.SQL_TEXT: (self.step(func.value, f"`{_text(func.value)}`"),)}
        if method in _QUERY_METHODS and node.args and (table := _selected_table(self.module, node.args[0])):
            # `cur.execute("SELECT body FROM comments")`: the rows of that table, on the result and on the cursor
            # whose `fetchall()` returns them.
            rows = {f"{L.TABLE_PREFIX}{table}": (self.step(node, f"rows of `{table}`"),)}
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                self.env[func.value.id] = L.combine([self.env.get(func.value.id, L.EMPTY), rows])
            return rows
        if receiver is not None and L.REQUEST_OBJECT in receiver:
            if method in R.INPUT_METHODS:
                trace = receiver[L.REQUEST_OBJECT] + (self.step(node, f"`{_text(node)}`"),)
                if method in R.WHOLE_METHODS:  # the whole raw body
                    return {L.REQUEST: trace, L.REQUEST_WHOLE: trace, L.REQUEST_BODY: trace}
                field = node.args[0] if node.args else None
                if isinstance(field, ast.Constant) and isinstance(field.value, str):
                    # `self.get_argument("password")`: the field's name says what the value is, as for
                    # `request.form["password"]`.
                    return {L.REQUEST: trace, **self._named(field.value, node, f"`{_text(node)}`")}
                return {L.REQUEST: trace}
            if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
                return L.EMPTY  # `request.is_secure()`; a handler's own methods (`self.render(...)`) are followed
            # What a handler's own method returns is not the request it answers.
            receiver = L.without(receiver, L.REQUEST_OBJECT)
        if self._shapes:
            shaped = self._shape_call(node, callee, func, method, args, keywords)
            if shaped is not None:
                return shaped
        if self.module.knowledge is not NOTHING:
            declared = self._declared(node, callee, method, all_args)
            if declared is not None:
                return declared
        if method in ("sub", "subn"):
            marked = _marked_up_text(node, callee == "re." + method)
            if marked is not None:
                # `pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text)`: markup written around the text,
                # which is composed into it as `+` would.
                given = args[node.args.index(marked)] if marked in node.args else keywords.get("string", L.EMPTY)
                return self._composed(node, [given], "regex substitution")
            substituted = self._substituted_text(node, callee, args, keywords)
            if substituted is not None:
                return substituted
        if method == "split" or callee == "re.split":
            pieces = self._split_text(node, callee, args, keywords)
            if pieces is not None:
                return pieces
        if method == "findall" or callee == "re.findall":
            found = self._found_text(node, callee, args, keywords)
            if found is not None:
                return found
        if (
            callee in _ENV_READS
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            return {L.LITERAL_FALLBACK: (self.step(node, f"`{_text(node)}`"),)}
        if method == "convert" and isinstance(func, ast.Attribute):
            made = self._bound(func.value)  # `md = markdown.Markdown(...)`, then `md.convert(text)`
            if (
                isinstance(made, ast.Call)
                and self.module.qualified_name(made.func, self.function) == "markdown.Markdown"
            ):
                callee = "markdown.Markdown.convert"
        if callee in S.MARKDOWN_RENDERERS:
            if self._cleaning_extension(node):
                # `markdown.markdown(text, extensions=[CleanExtension(...)])`: an extension sanitises the HTML.
                return self._escaped(node, callee, L.combine(all_args[:1]))
            return self._composed(node, all_args[:1], f"`{_text(node.func)}()`") if all_args else L.EMPTY
        if callee:
            source = self._source(node, callee, args, keywords)
            if source is not None:
                return source
            sanitised = self._sanitised(node, callee, all_args)
            if sanitised is not None:
                return sanitised
            if callee in _LINK_BUILDERS:
                # `reverse("booking:open", args=[link.token])`: the link carries the token it is built with; the
                # rest of its input is quoted into a path, neither markup nor SQL.
                carried = {k: v for k, v in L.combine(all_args).items() if k in (L.SECRET, L.PASSWORD)}
                return L.with_step(carried, self.step(node, f"built into a link by `{_text(node.func)}()`"))
            if callee in S.PASSWORD_HASHERS:
                return {L.PASSWORD_HASH: (self.step(node, f"hashed by `{callee}()`"),)}
            if callee in S.FAST_HASHES:
                return self._fast_hash(node, callee, all_args)
            if callee in S.PROPAGATORS:
                value = L.combine(all_args) if all_args else L.EMPTY
                if callee in _KEY_COLLECTIONS and node.args and not isinstance(node.args[0], ast.Call):
                    value = L.without(value, L.REQUEST_WHOLE)  # `set(request.GET)`: the names of the fields
                return value
            summary = self._project_call(node, callee, args, keywords)
            if summary is not None:
                return summary
            if callee.split(".", 1)[0] in self.module.project_roots and not _formats_a_constant(callee):
                if names.hashes_passwords(callee.rsplit(".", 1)[-1]) and any(L.PASSWORD in a for a in all_args):
                    # `hash_password(password)` of another module: a hash, whatever the name it is stored
                    # under says (a fast one is reported where the helper hashes).
                    return {L.PASSWORD_HASH: (self.step(node, f"hashed by `{_text(node.func)}()`"),)}
                # A function of another project module: the project stage looks up what it returns,
                # and which of its parameters reach the return value.
                return self._returned_elsewhere(node, [callee], args, keywords)
        elif isinstance(func, ast.Subscript):
            chosen = self._callables(func)
            if chosen:  # `{"plain": Plain, "padded": Padded}[kind]()`: one of these project classes
                return self._returned_elsewhere(node, chosen, args, keywords)
        own = self._own_method(func)
        if own is not None and id(own) not in self._in_progress:
            # `code = self._new_code()`: what a method of this object's class draws from a generator;
            # `self.get_display_currency()`: a request field it reads and returns as it came. Only these labels
            # are followed: what else a method returns (its names, a flag beside a message) is decided where it
            # is used, as before.
            drawn = {k: v for k, v in flow_of(self.module, own).return_value.items() if k in _FOLLOWED_LABELS}
            if drawn:
                return L.with_step(drawn, self.step(node, f"returned by `{own.qualname}()`"))
        called = method if method is not None else func.id if isinstance(func, ast.Name) else None
        if called in S.SQL_QUOTING_METHODS:
            return L.CONSTANT  # `preparer.quote(name)`, `quote_name(table)`: a quoted identifier
        if (
            isinstance(func, ast.Attribute)
            and receiver is not None
            and not (not receiver and self._is_module_attribute(func))
        ):
            if (method in S.PASSWORD_HASH_METHODS or names.hashes_passwords(method or "")) and any(
                L.PASSWORD in a for a in all_args
            ):
                # `pwd_context.hash(pw)`, and `auth.get_password_hash(pw)` of an object another module makes:
                # a method named for hashing passwords.
                return {L.PASSWORD_HASH: (self.step(node, f"hashed by `.{method}()`"),)}
            if method == "update" and L.HASH_OBJECT in receiver and any(L.PASSWORD in a for a in all_args):
                # `h = sha256(); h.update(password)`: the hash object now digests a password.
                target = dotted(func.value)
                if target and target in self.env:
                    password = next(a[L.PASSWORD] for a in all_args if L.PASSWORD in a)
                    self.env[target] = {
                        **self.env[target],
                        L.FAST_HASH_OF_PASSWORD: password + (self.step(node, "fed to a fast hash"),),
                    }
                return L.EMPTY
            template = self.module.constant(func.value, None, self.function) if method in _TEMPLATE_METHODS else None
            if method in _TEMPLATE_METHODS and (
                _is_str(func.value)
                or L.COMPOSED in receiver
                or L.COMPOSED_IDENT in receiver
                or L.SQL_TEXT in receiver
                or method != "join"
                and (L.IDENTIFIER in receiver or isinstance(template, str))
            ):
                # The template as written, or as a name bound once holds it (`sql = "..."; sql.format(...)`, a
                # module constant `PAGE.format(...)`), or another module's constant (`queries.SEARCH.format(...)`).
                quoted = _format_quotes_a_value(template, method, all_args)
                value = L.without(
                    self._composed(node, [receiver, *all_args], f"`.{method}()`", quoted=quoted), L.HASH_OBJECT
                )
                worded = isinstance(template, str) and any(c.isalpha() for c in _PLACEHOLDER.sub("", template))
                if method in ("format", "format_map") and (
                    _has_words([func.value]) or worded or L.IDENTIFIER in receiver
                ):
                    # Written text around it, or another module's template constant (`ERRORS.UPLOAD.format(e)`),
                    # a sentence the code wrote for its reader.
                    value = _framed(value)
                if method == "join" and L.RANDOM_PICK in value:
                    value = {**L.without(value, L.RANDOM_PICK), L.RANDOM: value[L.RANDOM_PICK]}
                return value
            if method == "replace" and _doubles_a_quote(node):
                # `name.replace('"', '""')`: an identifier escaped for quoting.
                return {L.IDENTIFIER: (self.step(node, f"`{_text(node)}`"),)}
            if method == "replace" and len(node.args) >= 2 and re.search(r"<\w", str(literal_value(node.args[1]))):
                # `text.replace("\n", "<br>")`: markup written into the text, which is composed into it as `+`
                # would (as a regex substitution that writes markup).
                return self._composed(node, [receiver], "replacement with markup")
            if method == "urlencode" and not node.args and not node.keywords:
                # `request.GET.urlencode()`: every key and value percent-encoded, no markup left.
                return self._escaped(node, f"`.{method}()`", receiver)
            if method in S.PROPAGATING_METHODS:
                # `store.get(key, default)`: what the store holds, or the default; never the key.
                # A mapping's `get(key, default)` takes no keywords: `session.get(url, headers=...)` is a
                # request, whose headers are not what it returns.
                looked_up = args[1:] if method in _LOOKUP_METHODS and node.args else all_args
                if _codec_call(node):
                    # `jwt.decode(body, key=jwks)`: a codec object decoding what it is given, not text or
                    # bytes changing encoding: the result is the argument's, whatever the codec is named.
                    receiver = L.EMPTY
                if method in _REMOVING_METHODS:
                    looked_up = []  # `path.removeprefix(token)`: what is cut away is not in the result
                elif method == "replace" and len(node.args) >= 2:
                    looked_up = args[1:]  # `text.replace(token, "***")`: the old part is gone
                value = L.without(L.combine([receiver, *looked_up]), L.HASH_OBJECT)
                whole_part = (
                    node.args
                    and isinstance(func, ast.Attribute)
                    and isinstance(node.args[0], ast.Constant)
                    and R.whole_event_part(self.function, func.value, node.args[0].value)
                )
                if method in _ONE_ITEM_METHODS and not whole_part:
                    value = L.without(value, L.REQUEST_WHOLE)  # one header is not all headers
                elif whole_part and getattr(node.args[0], "value", None) == "body" and L.REQUEST_WHOLE in value:
                    value = {**value, L.REQUEST_BODY: value[L.REQUEST_WHOLE]}
                if method == "keys":
                    value = L.without(value, *_NAMED_LABELS)  # the keys of `secrets` name them: not secrets
                if method == "join" and L.RANDOM_PICK in value:
                    # Many random picks joined together make a token.
                    value = {**L.without(value, L.RANDOM_PICK), L.RANDOM: value[L.RANDOM_PICK]}
                if (
                    method in {"get", "pop", "setdefault"}
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    # As with `claims["client_id"]`: one item of a token's claims is what its key says, unless
                    # its default says it is a flag (`data.get("reset_password", False)`).
                    flag = (
                        len(node.args) > 1
                        and isinstance(node.args[1], ast.Constant)
                        and type(node.args[1].value) is bool
                    )
                    value = {
                        **self._method_of_callee(
                            L.without(L.method_result(value, method), *_NAMED_LABELS), args, keywords, node, func.attr
                        ),
                        **({L.FLAG: ()} if flag else self._named(node.args[0].value, node, f"`{_text(node)}`")),
                    }
                return value
            # A method of a labelled object (a PRNG instance, a hash object) returns labelled data.
            value = self._method_of_callee(
                L.method_result(L.without(receiver, L.CONST, L.SECRET, L.PASSWORD), method),
                args,
                keywords,
                node,
                func.attr,
            )
            if method in S.PICK_METHODS and L.RANDOM in value:
                value = {**L.without(value, L.RANDOM), L.RANDOM_PICK: value[L.RANDOM]}
            return value
        return L.EMPTY

    def _form_of_request(self, node: ast.Call, args: list[L.Value], keywords: dict[str, L.Value]) -> L.Value | None:
        """`SignupForm(request.POST)`, `SearchSerializer(data=request.data)`: a form or serializer bound to what
        the client sent holds it (`form.cleaned_data["name"]`, `serializer.validated_data["term"]`). A class is
        taken for one by its name (`...Form`, `...Serializer`), or by such a base in this module."""
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if not name[:1].isupper():
            return None
        local = self.module.classes.get(name)
        form_base = local is not None and any(b.rsplit(".", 1)[-1] in _FORM_CLASSES for b in local.bases)
        holder = _holds_what_it_is_given(name, local)
        if not name.endswith(("Form", "Serializer")) and not form_base and not holder:
            return None
        given = [v for v in (*args, *keywords.values()) if L.REQUEST in v and L.REQUEST_OBJECT not in v]
        if given:
            how = f"kept by `{name}`" if holder else f"bound to `{name}`"
            trace = given[0][L.REQUEST] + (self.step(node, how),)
            return {L.REQUEST: trace}
        if holder:
            return None
        flask_wtf = form_base and any(b.rsplit(".", 1)[-1] == "FlaskForm" for b in local.bases) if local else False
        if not args and not keywords and (flask_wtf or self.function.mentions(("validate_on_submit",))):
            # `form = LoginForm()`: a Flask-WTF form fills itself from the request it is made in.
            return {L.REQUEST: (self.step(node, f"the Flask-WTF form `{name}`, filled from the request"),)}
        return None

    def _method_of_callee(
        self, value: L.Value, args: list[L.Value], keywords: dict[str, L.Value], node: ast.Call, method: str
    ) -> L.Value:
        """`Incoming(request).field(name)`: the project stage reads what the method returns; what it is passed
        arrives by `via:` (positions count `self`), as for a function of another module."""
        methods: list[tuple[str, str]] = []  # (callee, the class it is a method of)
        for label in value:
            if label.startswith(L.RET_PREFIX):
                split = L.split_method(label[len(L.RET_PREFIX) :])
                if split:
                    methods.append((label[len(L.RET_PREFIX) :], split[0]))
        if not methods:
            return value
        out = dict(value)
        step = self.step(node, f"returned by `.{method}()`")
        for callee, owner in methods:
            passed: list[tuple[int | str, L.Value]] = [*((i + 1, a) for i, a in enumerate(args)), *keywords.items()]
            for position, arg in passed:
                for label, trace in arg.items():
                    if label != L.CONST and not L.is_symbolic(label):
                        out[L.via(callee, position, label)] = trace + (step,)
            # What the constructor was passed (`Wrapper(text).show()`) arrives if the method returns what it kept.
            for label, trace in value.items():
                if label.startswith(f"{L.VIA_PREFIX}{owner}:"):
                    _owner, position, inner = L.parse_via(label)
                    kept = f"init-{int(position) + 1}" if position.isdigit() else f"init-{position}"
                    out[L.via(callee, kept, inner)] = trace + (step,)
        return out

    def _returned_elsewhere(
        self, node: ast.Call, callees: list[str], args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value:
        """`ret:` and `via:` labels for a call of project functions the project stage resolves."""
        value: dict[str, L.Trace] = {}
        for callee in callees:
            step = self.step(node, f"returned by `{callee}()`")
            value[f"{L.RET_PREFIX}{callee}"] = (step,)
            passed: list[tuple[int | str, L.Value]] = [*enumerate(args), *keywords.items()]
            for position, arg in passed:
                for label, trace in arg.items():
                    if label != L.CONST and not L.is_symbolic(label):
                        value[L.via(callee, position, label)] = trace + (step,)
        return value

    def _callables(self, node: ast.expr) -> list[str] | None:
        """The project functions or classes a table lookup picks from: `TABLE[kind]` where TABLE is a dict,
        list or tuple display of their names (written there or bound once at module level)."""
        table = node.value if isinstance(node, ast.Subscript) else None
        if isinstance(table, ast.Name) and table.id not in self.env:
            bound = self.module.assignments.get(table.id, [])
            table = bound[0] if len(bound) == 1 else None
        entries = (
            table.values
            if isinstance(table, ast.Dict)
            else table.elts
            if isinstance(table, (ast.List, ast.Tuple))
            else []
        )
        names = [self.module.qualified_name(e, self.function) if isinstance(e, ast.Name) else None for e in entries]
        known = [n for n in names if n is not None and n.split(".", 1)[0] in self.module.project_roots]
        if not names or len(known) != len(names):
            return None
        return sorted(set(known))

    def _substituted_text(
        self, node: ast.Call, callee: str | None, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value | None:
        """`re.sub(r"\\s+", " ", raw)`, `WS_RE.sub(" ", raw)` on a compiled pattern: the text, with some of it
        replaced, is still the text it was given. A pattern of one character class (`[^a-z0-9-]+`) filters
        characters: what is left is not followed (None, as for any other call)."""
        func = node.func
        method = func.attr if isinstance(func, ast.Attribute) else ""
        if callee in ("re.sub", "re.subn"):
            pattern_node, at = (node.args[0] if node.args else None), 2
        else:
            made = self._bound(func.value) if isinstance(func, ast.Attribute) else None
            if method not in ("sub", "subn") or not isinstance(made, ast.Call):
                return None
            if self.module.qualified_name(made.func, self.function) != "re.compile":
                return None
            pattern_node, at = (made.args[0] if made.args else None), 1
        pattern = self.module.constant(pattern_node, None, self.function) if pattern_node is not None else None
        if not isinstance(pattern, str) or _CHARACTER_FILTER.fullmatch(pattern):
            return None
        given = args[at] if at < len(args) else keywords.get("string", L.EMPTY)
        return L.with_step(given, self.step(node, "regex substitution")) if given else L.EMPTY

    def _split_text(
        self, node: ast.Call, callee: str | None, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value | None:
        """`re.split(r"\n{2,}", text)`, `PARAGRAPHS.split(text)` on a compiled pattern: the pieces are the text's
        (escaped if it was)."""
        func = node.func
        if callee == "re.split":
            at = 1
        else:
            made = self._bound(func.value) if isinstance(func, ast.Attribute) else None
            if not isinstance(made, ast.Call) or self.module.qualified_name(made.func, self.function) != "re.compile":
                return None
            at = 0
        given = args[at] if at < len(args) else keywords.get("string", L.EMPTY)
        return L.with_step(given, self.step(node, "split by a pattern")) if given else L.EMPTY

    def _found_text(
        self, node: ast.Call, callee: str | None, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value | None:
        """`re.findall(r"[\\w'-]+", text)`, `TERMS.findall(text)` on a compiled pattern: the pieces found are
        the text's, unless the pattern only finds plain characters (`\\d+`, `[a-z0-9_]+`), which can carry no
        quote or markup."""
        func = node.func
        if callee == "re.findall":
            pattern_node, at = (node.args[0] if node.args else None), 1
        else:
            made = self._bound(func.value) if isinstance(func, ast.Attribute) else None
            if not isinstance(made, ast.Call) or self.module.qualified_name(made.func, self.function) != "re.compile":
                return None
            pattern_node, at = (made.args[0] if made.args else None), 0
        pattern = self.module.constant(pattern_node, None, self.function) if pattern_node is not None else None
        if not isinstance(pattern, str) or S.plain_pieces(pattern):
            return None
        given = args[at] if at < len(args) else keywords.get("string", L.EMPTY)
        return L.with_step(given, self.step(node, "found by a pattern")) if given else L.EMPTY

    def _is_module_attribute(self, func: ast.expr) -> bool:
        """`jwt.encode(...)`, `json.dumps(...)`: a function of an imported module, not a method of a value.
        (Only asked when the base carries no labels: `request.args.get` is a method of request data.)"""
        if not isinstance(func, ast.Attribute):
            return False
        base = func.value
        while isinstance(base, ast.Attribute):
            base = base.value
        return (
            isinstance(base, ast.Name)
            and base.id not in self.env
            and (base.id in self.module.imports or base.id in self.module.local_imports.get(id(self.function.node), {}))
        )

    def _shape_call(
        self,
        node: ast.Call,
        callee: str | None,
        func: ast.expr,
        method: str | None,
        args: list[L.Value],
        keywords: dict[str, L.Value],
    ) -> L.Value | None:
        """Calls that build or change dict shapes and time spans, in token-handling modules."""
        if callee == "dict":
            # `dict(claims)` copies a mapping: its keys are known only when that mapping's are.
            known = all(L.DICT in a for a in args)
            parts = [*args, {L.DICT: (self.step(node, "dict()"),)}] if known else list(args)
            for kw in node.keywords:
                if kw.arg:
                    parts.append(self._key_labels(kw.arg, kw.value, keywords[kw.arg], kw))
            return L.combine(parts)
        if callee == "datetime.timedelta":
            span = timedelta_span(self.module, self.function, node, self.env)
            if span is not None and span.setting is None:
                return {L.DURATION_PREFIX + str(int(span.seconds)): (self.step(node, f"`{_text(node)}`"),)}
            if span is not None:
                return {L.SETTING_DURATION_PREFIX + span.label: (self.step(node, f"`{_text(node)}`"),)}
            return L.EMPTY
        if callee is not None and callee.endswith("get_unverified_header"):
            return {L.TOKEN_HEADER: (self.step(node, f"`{_text(node)}`"),)}
        if method in {"update", "setdefault"} and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            name = func.value.id
            parts = [self.env.get(name, L.EMPTY)]
            if method == "update":
                parts.extend(L.without(a, *_NON_SHAPE) for a in args)
                parts.extend(self._key_labels(kw.arg, kw.value, keywords[kw.arg], kw) for kw in node.keywords if kw.arg)
            elif node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                value = args[1] if len(args) > 1 else L.EMPTY
                parts.append(
                    self._key_labels(node.args[0].value, node.args[1] if len(node.args) > 1 else None, value, node)
                )
            self.env[name] = L.combine(parts)
            return L.EMPTY
        return None

    def _request_parser(self, node: ast.expr) -> bool:
        """The name holds a `reqparse.RequestParser()`, made in this function or at the module's top level."""
        if not isinstance(node, ast.Name):
            return False
        made = self._bound(node)
        parser = self.module.qualified_name(made.func, self.function) if isinstance(made, ast.Call) else None
        if parser not in _REQUEST_PARSERS:
            return False
        # A parser all of whose arguments are converted to numbers, dates or truth values gives no text.
        added = [
            c.node
            for c in self.module.calls_with_method("add_argument")
            if isinstance(c.receiver, ast.Name) and c.receiver.id == node.id
        ]
        return not added or not all(_typed_not_text(a) for a in added)

    def _declared(self, node: ast.Call, callee: str | None, method: str | None, args: list[L.Value]) -> L.Value | None:
        """A source or sanitiser the project's config declares (`secpat.knowledge`)."""
        knowledge = self.module.knowledge
        name = callee or f".{method}"
        if find(knowledge.sources, callee, method) is not None:
            return {L.REQUEST: (self.step(node, f"`{name}()`, a request source the config declares"),)}
        sanitizer = find(knowledge.sanitizers, callee, method)
        if sanitizer is None:
            return None
        if sanitizer.kind == "html":
            return self._escaped(node, f"{name}()", L.combine(args) if args else L.EMPTY)
        return L.CONSTANT  # safe inside SQL text, as a quoted identifier is

    def _escaped(self, node: ast.AST, how: str, data: L.Value) -> L.Value:
        """HTML-escaped data: safe in markup, still request input for SQL."""
        # What another module's function returns is escaped here too, whatever it turns out to be.
        value = {
            label: trace
            for label, trace in L.without(data, L.REQUEST, L.COMPOSED, L.CONST).items()
            if not L.deferred(label) and not label.startswith(L.TABLE_PREFIX)  # stored text, escaped
        }
        if L.REQUEST in data:
            value[L.HTML_ESCAPED] = data[L.REQUEST] + (self.step(node, f"escaped by `{how}`"),)
        for label in list(value):
            if label.startswith(L.PARAM_PREFIX):  # summaries say "returns its parameter, escaped"
                value[L.ESCAPED_PARAM_PREFIX + label[len(L.PARAM_PREFIX) :]] = value.pop(label)
        value[L.HTML_SAFE] = (self.step(node, f"`{how}`"),)
        return value

    def _cleaning_extension(self, node: ast.Call) -> bool:
        """A Markdown call given an extension named for sanitising its output (`LinkifyAndCleanExtension`,
        a bleach or nh3 postprocessor), in the call or in the list a name bound once holds."""
        made = self._bound(func.value) if isinstance(func := node.func, ast.Attribute) else None
        given = [keyword_argument(node, "extensions")]
        if isinstance(made, ast.Call):
            given.append(keyword_argument(made, "extensions"))  # `md = Markdown(extensions=...)`, `md.convert()`
        for extensions in given:
            listed = self._bound(extensions) if extensions is not None else None
            if isinstance(listed, (ast.List, ast.Tuple)) and any(
                _CLEANING_WORDS & set(names.words(_text(e.func if isinstance(e, ast.Call) else e))) for e in listed.elts
            ):
                return True
        return False

    def _sanitised(self, node: ast.Call, callee: str, args: list[L.Value]) -> L.Value | None:
        """Escapers, safe-markup builders, numeric conversions and SQL composition objects."""
        data = L.combine(args) if args else L.EMPTY
        if callee in S.HTML_ESCAPERS or callee in S.HTML_SAFE_BUILDERS:
            return self._escaped(node, callee, data)
        if (
            callee in S.NUMERIC_SANITISERS
            or callee in {"max", "min"}
            and any(isinstance(a, ast.Constant) and type(a.value) in (int, float) for a in node.args)
        ):
            # A number carries no markup or SQL, whatever it came from; only predictability survives.
            value = {k: v for k, v in data.items() if k in _SURVIVES_NUMBERS}
            return value or L.CONSTANT
        if callee.startswith(S.SQL_SAFE_PREFIXES):
            # `sql.Identifier(name)`, `sql.Literal(value)` are quoted; `sql.SQL(text)` is the raw text it is given.
            return data if callee.endswith(".SQL") and data and data is not L.CONSTANT else L.CONSTANT
        if callee in R.INPUT_CALLS:
            typed = (self.step(node, f"`{callee}()`"),)
            return {L.REQUEST: typed, L.TERMINAL: typed}
        if callee in S.TRACEBACK_CALLS:
            return {L.TRACEBACK: (self.step(node, f"`{callee}()`"),)}
        return None

    def _source(self, node: ast.Call, callee: str, args: list[L.Value], keywords: dict[str, L.Value]) -> L.Value | None:
        if callee in S.SEED_FUNCTIONS:
            seed = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg in ("a", "seed")), None)
            if seed is None or (isinstance(seed, ast.Constant) and seed.value is None):
                # No seed, or None: the generator takes a fresh one from the OS. Draws that follow in this
                # function come from that fresh state, and nothing outside it is made reproducible.
                if not self.function.is_module:
                    self._reseeded_from_os.add(callee.rsplit(".", 1)[0])
            else:
                self._seeded_names.add(callee.rsplit(".", 1)[0])
            return L.EMPTY
        prng_module = callee.rsplit(".", 1)[0]
        if callee in S.RANDOM_FUNCTIONS or (
            callee.startswith(S.NUMPY_RANDOM_PREFIXES) and callee not in S.PRNG_CONSTRUCTORS
        ):
            if prng_module in self._reseeded_from_os and prng_module not in self._seeded_names:
                return L.EMPTY
            label = L.SEEDED if prng_module in self._seeded_names else L.RANDOM
            if label == L.RANDOM and callee.rsplit(".", 1)[1] in S.PICK_METHODS:
                label = L.RANDOM_PICK
            note = " from a seeded generator" if label == L.SEEDED else ""
            return {label: (self.step(node, f"`{callee}()` output{note}"),)}
        if callee in S.PRNG_CONSTRUCTORS:
            seed = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "seed"), None)
            if seed is not None:
                seed_value = self._eval(seed)
                if L.CONST in seed_value or L.TIME in seed_value or L.TIME_FIELD in seed_value:
                    return {L.SEEDED: (self.step(node, f"a `{callee}` seeded with a fixed or time-based value"),)}
            return {L.RANDOM: (self.step(node, f"a `{callee}` generator"),)}
        if callee in S.CSPRNG_CONSTRUCTORS:
            return L.EMPTY
        if callee in S.TIME_FUNCTIONS:
            return {L.TIME: (self.step(node, f"`{callee}()`"),)}
        if callee in S.UUID1_FUNCTIONS:
            return {L.UUID1: (self.step(node, "`uuid.uuid1()`"),)}
        if callee in S.UUID4_FUNCTIONS:
            return {L.CSPRNG: (self.step(node, f"`{callee}()`"),)}
        if callee in S.TOKEN_FUNCTIONS:
            nbytes = _int_arg(node, 0, "nbytes" if callee.startswith("secrets") else "size")
            if nbytes is None and node.args and isinstance(node.args[0], ast.Name):
                # `secrets.token_hex(PREFIX_BYTES)` with `PREFIX_BYTES = 4` at the top of the module.
                size = self.module.constant(node.args[0], None, self.function)
                nbytes = size if isinstance(size, int) and not isinstance(size, bool) else None
            if nbytes is None:
                nbytes = S.TOKEN_FUNCTIONS[callee]
            if nbytes is not None and nbytes < 16:
                return L.short_token(nbytes * 8, self.step(node, f"`{callee}({nbytes})` ({nbytes * 8} bits)"))
            return {L.CSPRNG: (self.step(node, f"`{callee}()`"),)}
        if callee == "secrets.randbelow":
            bound = _int_arg(node, 0, "exclusive_upper_bound")
            if bound is not None and bound < 2**128:
                bits = bound.bit_length()
                return L.short_token(bits, self.step(node, f"`secrets.randbelow({bound})` ({bits} bits)"))
            return {L.CSPRNG: (self.step(node, f"`{callee}()`"),)}
        if callee in {"secrets.choice", "random.SystemRandom.choice"}:
            return {L.CSPRNG: (self.step(node, f"`{callee}()`"),)}
        return None

    def _fast_hash(self, node: ast.Call, callee: str, args: list[L.Value]) -> L.Value:
        data = L.combine(args) if args else L.EMPTY
        if any(
            kw.arg == "usedforsecurity" and isinstance(kw.value, ast.Constant) and kw.value.value is False
            for kw in node.keywords
        ):
            return L.without(data, L.PASSWORD, L.SECRET, L.CONST)
        value = dict(L.without(data, L.PASSWORD, L.CONST))
        for label in list(value):
            if label.startswith(L.PARAM_PREFIX):
                # The function returns a fast hash of its parameter, not the parameter itself.
                index = label[len(L.PARAM_PREFIX) :]
                self.fast_hashed_params.add(int(index))
                value[L.HASHED_PARAM_PREFIX + index] = value.pop(label)
        value[L.HASH_OBJECT] = (self.step(node, f"`{callee}()`"),)
        keyed = L.SECRET in data or L.CSPRNG in data
        if keyed:
            # `sha224(f"{user}:{secret}:{now}")`: keyed by a secret, the digest is no more guessable than it.
            value = dict(L.without(value, L.TIME, L.TIME_FIELD))
        elif L.TIME_FIELD in value and callee not in {"hmac.new", "hmac.digest"}:
            # A digest of the issue or expiry time is as guessable as the clock, and no longer readable.
            value[L.TIME] = value.pop(L.TIME_FIELD)
        if L.PASSWORD in data:
            value[L.FAST_HASH_OF_PASSWORD] = data[L.PASSWORD] + (self.step(node, f"hashed with fast `{callee}()`"),)
        if callee in {"hmac.new", "hmac.digest"}:
            value[L.MAC] = (self.step(node, f"`{callee}()` signature"),)
        weak = callee in S.WEAK_HASHES
        if callee == "hashlib.new" and node.args and isinstance(node.args[0], ast.Constant):
            weak = str(node.args[0].value).lower() in S.WEAK_HASH_NAMES
            callee = f"hashlib.new({node.args[0].value!r})"
        if weak:
            value[L.WEAK_HASH] = (self.step(node, f"`{callee}()` digest"),)
        return value

    def _project_call(
        self, node: ast.Call, callee: str, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value | None:
        """Follow a call into a function of this module through its summary."""
        target = self._same_module_function(callee, node)
        if target is None:
            return None
        if id(target) in self._in_progress:
            return L.EMPTY  # recursion: give up on this path rather than loop
        summary = flow_of(self.module, target).return_value
        if not summary:
            return L.EMPTY
        return self._through(node, target, summary, args, keywords)

    def _class_generator(self, node: ast.Attribute) -> L.Value:
        """`self._rng` where the class body binds `_rng = random.Random()`: a generator the class keeps."""
        owner = self.function.qualname.rsplit(".", 1)[0]
        cls = self.module.classes.get(owner)
        made = cls.attributes.get(node.attr) if cls is not None else None
        if not isinstance(made, ast.Call) or self.module.qualified_name(made.func) not in S.PRNG_CONSTRUCTORS:
            return L.EMPTY
        seeded = bool(made.args) and isinstance(made.args[0], ast.Constant)
        note = f"a `{_text(made.func)}` generator the class keeps" + (" with a fixed seed" if seeded else "")
        return {L.SEEDED if seeded else L.RANDOM: (self.step(made, note),)}

    def _own_method(self, func: ast.expr) -> Function | None:
        """The method `self.name` names, when the class this method belongs to defines it itself (a base's or a
        subclass's override is not known here)."""
        if not (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
            and self.function.class_name
            and self.function.params[:1] == ["self"]
        ):
            return None
        owner = self.function.qualname.rsplit(".", 1)[0]
        method = self.module.functions.get(f"{owner}.{func.attr}")
        return method if method is not None and (_may_draw(method) or _reads_request(method)) else None

    def _event_of(self, node: ast.Call) -> tuple[CallEvent | None, str | None]:
        """The event this call was recorded as (its arguments' values), and its callee."""
        event = next((e for e in reversed(self.calls) if e.node is node), None)
        return event, event.call.callee if event is not None and event.call else None

    def _project_callee(self, node: ast.Call) -> str | None:
        """The qualified name of a function of another project module that this call runs, if it is one."""
        _event, callee = self._event_of(node)
        if not callee or self._same_module_function(callee, node) is not None:
            return None
        return callee if callee.split(".", 1)[0] in self.module.project_roots else None

    def _returned_items(self, node: ast.Call, arity: int) -> list[L.Value] | None:
        """Per element, what a call of a function of this module returns, if it always returns an `arity`-tuple."""
        event, callee = self._event_of(node)
        if event is None or not callee:
            return None
        target = self._same_module_function(callee, node)
        if target is None or id(target) in self._in_progress:
            return None
        items = flow_of(self.module, target).return_items(arity)
        if items is None:
            return None
        return [self._through(node, target, item, event.args, event.keywords) if item else L.EMPTY for item in items]

    def _through(
        self, node: ast.Call, target: Function, summary: L.Value, args: list[L.Value], keywords: dict[str, L.Value]
    ) -> L.Value:
        """A summary of `target` with its parameters replaced by the arguments of this call."""
        offset = 1 if target.class_name and isinstance(node.func, ast.Attribute) else 0
        out: list[L.Value] = []
        step = self.step(node, f"returned by `{target.qualname}()`")
        for label, trace in summary.items():
            hashed = label.startswith(L.HASHED_PARAM_PREFIX)
            escaped = label.startswith(L.ESCAPED_PARAM_PREFIX)
            if label.startswith(L.PARAM_PREFIX) or hashed or escaped:
                index = int(label.split(":", 1)[1]) - offset
                param_name = target.params[index + offset] if index + offset < len(target.params) else None
                arg = args[index] if 0 <= index < len(args) else keywords.get(param_name or "", L.EMPTY)
                if hashed and L.PASSWORD in arg:
                    arg = {**L.without(arg, L.PASSWORD), L.FAST_HASH_OF_PASSWORD: arg[L.PASSWORD]}
                if escaped:
                    arg = self._escaped(node, f"{target.name}()", arg)
                out.append(L.with_step(arg, step))
            elif label == L.CONST:
                out.append(L.CONSTANT)
            elif self._parameter_hint(trace, target):
                # `def strip_quotes(self, token)`: the name says what the function expects; what this call
                # passes arrives with its own labels (above), judged by the caller's words.
                continue
            else:
                out.append({label: trace + (step,)})
        return L.combine(out)

    @staticmethod
    def _parameter_hint(trace: L.Trace, target: Function) -> bool:
        """The label comes from the name of one of `target`'s parameters."""
        note = trace[0].note if trace else ""
        return note.startswith("parameter `") and note[len("parameter `") :].split("`", 1)[0] in target.params

    def _same_module_function(self, callee: str, node: ast.Call) -> Function | None:
        return self.module.local_function(callee)


_SQL = re.compile(
    r"\b(select\s.+\sfrom|insert\s+into|update\s.+\sset|delete\s+from|where\s|order\s+by|group\s+by|"
    r"values\s*\(|create\s+table|drop\s+table|alter\s+table|union\s+select|from\s+\w+\s+where)\b",
    re.IGNORECASE | re.DOTALL,
)
_SQL_CONSTANT: L.Value = {L.CONST: (), L.SQL_TEXT: ()}
_IDENTIFIER_LABELS = frozenset({L.IDENTIFIER, L.COMPOSED_IDENT, L.SQL_TEXT})


_IDENTITY_WORDS = frozenset({"login", "user", "username", "email", "account", "name", "uid", "principal"})


def call_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: Verbs of a call that keeps or hands out what it is given.
_KEEPING_VERBS = frozenset({"store", "save", "set", "send", "email", "mail", "record", "remember", "put", "insert"})


def credential_arguments(node: ast.Call) -> list[tuple[int, str]]:
    """`store_reset_code(conn, user_id, code, expires)`, `send_api_key(user, key)`: a positional argument whose
    name ends the credential the call is named for keeping or sending is that credential (its position, and the
    credential's name: `reset_code`)."""
    words = names.words(call_name(node.func))
    if len(words) < 2 or words[0] not in _KEEPING_VERBS:
        return []
    phrase = "_".join(words[1:])
    if names.classify(phrase) not in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
        return []
    found = []
    for index, arg in enumerate(node.args):
        arg_words = names.words(arg.id) if isinstance(arg, ast.Name) else []
        if arg_words and words[1:][-len(arg_words) :] == arg_words:
            found.append((index, phrase))
    return found


#: Verbs of a function that makes a new value: `make_reset_token()`, `generate_otp()`, `new_api_key()`.
_MAKING_VERBS = frozenset({"make", "generate", "gen", "new", "issue", "mint"})


#: Methods and functions that take the password to set or hash as their first argument.
_PASSWORD_SETTERS = frozenset({"set_password", "hash_password", "make_password", "generate_password_hash"})


_NUMBER_GETTERS = frozenset(
    {"getint", "get_int", "getfloat", "get_float", "getbool", "get_bool", "getboolean", "get_boolean", "getintlist"}
)


def _converted_to_number(node: ast.Call) -> bool:
    """`args.get(key, default, type=int)`: a mapping's `get` that converts the value to a number (Werkzeug's
    `MultiDict`), or the default when it cannot; `req.args.getint("page", 1)`, `get_float(...)`: a getter named
    for the number it returns."""
    if isinstance(node.func, ast.Attribute) and node.func.attr in _NUMBER_GETTERS:
        return True
    if not (isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "getlist")):
        return False
    kind = next((k.value for k in node.keywords if k.arg == "type"), node.args[2] if len(node.args) > 2 else None)
    return isinstance(kind, ast.Name) and kind.id in ("int", "float", "bool")


#: Words of a constant's or its module's name that say it holds SQL text.
_SQL_HOLDER_WORDS = frozenset({"sql", "query", "queries", "stmt", "statement", "statements"})


#: String methods that build text from a template and values.
_TEMPLATE_METHODS = frozenset({"format", "join", "format_map"})


def _formats_a_constant(callee: str) -> bool:
    """`queries.SEARCH.format(...)`: another module's template constant formatted here, a string method."""
    owner, _, method = callee.rpartition(".")
    return method in ("format", "format_map") and owner.rsplit(".", 1)[-1].isupper()


def _credential_maker(node: ast.AST | None) -> str | None:
    """The name of the function a call runs when it is named for making a credential (`make_reset_token`,
    `_generate_reset_code`, `issue_api_key`, `generate_otp`): a verb of making, then a secret's name with what
    it is for, or a one-time code's name. A
    check, a lookup or a decoder (`validate_token`, `get_token`, `decode_token`) is not, nor `create_secret()`,
    which makes a record in a secret store and returns its handle."""
    if not isinstance(node, ast.Call):
        return None
    name = call_name(node.func)
    words = names.words(name)
    if len(words) < 2 or words[0] not in _MAKING_VERBS:
        return None
    rest = "_".join(words[1:])
    kind = names.classify(rest)
    # `generate_token(48)`: a bare token is a library's utility for nonces, verifiers and ids alike; the
    # credential is named by what it is for (`reset_token`, `invite_code`) or is a one-time code (`otp`).
    if kind is names.NameKind.SECRET and len(words) < 3:
        return None
    return name if kind in (names.NameKind.SECRET, names.NameKind.SHORT_CODE) else None


#: Words of a Markdown extension's name that say it sanitises the HTML it makes.
_CLEANING_WORDS = frozenset({"clean", "cleaner", "sanitize", "sanitise", "sanitizer", "sanitiser", "bleach", "nh3"})


def _may_draw(function: Function) -> bool:
    """A cheap test before a method's flow is computed: it calls `random` or numpy's generator, or a method
    of a generator object (`self._rng.randint(...)`)."""
    return any(
        (call.callee or "").startswith(("random.", "numpy.random"))
        or call.callee is None
        and call.method in S.PRNG_OBJECT_METHODS
        for call in function.calls
    )


def _reads_request(function: Function) -> bool:
    """A cheap test before a method's flow is computed: it reads `self.request` (a class-based view's)."""
    known = function.__dict__.get("_reads_self_request")
    if known is None:
        known = function.__dict__["_reads_self_request"] = "request" in function.raw_identifiers and any(
            isinstance(node, ast.Attribute)
            and node.attr == "request"
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            for node in ast.walk(function.node)
        )
    return bool(known)


#: Labels of what a generator draws, and of one request field returned as it came, followed through a class's
#: own methods (see `_own_method`).
#: Flask-RESTful's and Flask-RESTX's request argument parsers.
_REQUEST_PARSERS = frozenset(
    f"{package}.reqparse.RequestParser" for package in ("flask_restful", "flask_restx", "flask_restplus")
)
#: What a request parser's `type=` turns an argument into when it is no text: numbers, dates, truth values.
_NOT_TEXT_TYPES = frozenset(
    {"int", "float", "bool", "boolean", "date", "datetime_from_iso8601", "iso8601interval", "natural", "positive"}
    | {"int_range", "uuid.UUID", "UUID", "Decimal"}
)


def _typed_not_text(add_argument: ast.Call) -> bool:
    """`parser.add_argument("page", type=int)`, `type=inputs.date`: the argument is no text."""
    given = next((k.value for k in add_argument.keywords if k.arg == "type"), None)
    if given is None:
        return False
    name = ast.unparse(given.func if isinstance(given, ast.Call) else given)
    return name in _NOT_TEXT_TYPES or name.rsplit(".", 1)[-1] in _NOT_TEXT_TYPES


_FOLLOWED_LABELS = frozenset({L.RANDOM, L.SEEDED, L.RANDOM_PICK, L.REQUEST})

#: List methods that add their (last) argument to the list.
_LIST_ADDITIONS = frozenset({"append", "extend", "insert"})


def _names_identity(name: str) -> bool:
    """`login`, `user_name`, `email`: a name for who someone is, never a secret."""
    ws = names.words(name)
    return bool(ws) and ws[-1] in _IDENTITY_WORDS and names.classify(name) is None


_JWT_DECODERS = frozenset({"jwt.decode", "jwt.api_jwt.decode", "jose.jwt.decode"})
_UNVERIFIED_JWT_READERS = frozenset({"jose.jwt.get_unverified_claims", "jwt.get_unverified_claims"})
_JWT_HEADER_READERS = frozenset(
    {"jwt.get_unverified_header", "jwt.api_jws.get_unverified_header", "jose.jwt.get_unverified_header"}
)


def _signature_unchecked(node: ast.Call) -> bool:
    """`jwt.decode(t, options={"verify_signature": False})`, or PyJWT 1's `jwt.decode(t, verify=False)`."""
    if _switched_off(keyword_argument(node, "verify")):
        return True
    options = keyword_argument(node, "options")
    return isinstance(options, ast.Dict) and any(
        isinstance(k, ast.Constant) and k.value == "verify_signature" and _switched_off(v)
        for k, v in zip(options.keys, options.values)
    )


_TEMPLATE_RENDERS = frozenset({"render", "render_async", "generate", "stream"})
_TEMPLATE_EXPRESSIONS = re.compile(r"\{[{%](.*?)[}%]\}", re.DOTALL)  # `{{ name }}`, `{% for x in items %}`
_TEMPLATE_NAMES = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_JINJA_TEMPLATES = frozenset({"jinja2.Template", "jinja2.environment.Template"})
#: Jinja2's environments; the sandboxed ones keep templates from reaching Python, not HTML from the page.
#: FastAPI's security schemes whose dependency hands the view the credential itself (a key or a token).
_CREDENTIAL_SCHEMES = frozenset(
    f"fastapi.security.{name}"
    for name in ("APIKeyHeader", "APIKeyQuery", "APIKeyCookie", "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer")
)

JINJA_ENVIRONMENTS = frozenset(
    {
        "jinja2.Environment",
        "jinja2.environment.Environment",
        "jinja2.sandbox.SandboxedEnvironment",
        "jinja2.sandbox.ImmutableSandboxedEnvironment",
    }
)
_DJANGO_TEMPLATES = frozenset({"django.template.Template", "django.template.base.Template"})
_DJANGO_CONTEXTS = frozenset({"django.template.Context", "django.template.context.Context"})


def _switched_off(value: ast.expr | None) -> bool:
    """`autoescape=False` (or another false constant)."""
    return isinstance(value, ast.Constant) and not value.value


def _escapes(value: ast.expr | None) -> bool:
    """`autoescape=True`, or anything but a false constant (`select_autoescape()`, a setting)."""
    return value is not None and not _switched_off(value)


_IDENTIFIER_TEXT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _names_field(node: ast.expr) -> bool:
    """`"moderator_password"`: a literal that is itself the name of a secret-named field."""
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _IDENTIFIER_TEXT.fullmatch(node.value) is not None
        and names.classify(node.value) is not None
    )


def _defaulted_params(function: Function) -> set[str]:
    """Parameters with a default: a call may leave them out."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return set()
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    with_default = positional[len(positional) - len(args.defaults) :]
    with_default += [a for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    return {arg.arg for arg in with_default}


def _without_parameter_hints(value: L.Value) -> L.Value:
    """The value without the secret and password labels its parameter's name gave it (`parameter `pin``)."""
    return {
        label: trace
        for label, trace in value.items()
        if not (label in _NAMED_LABELS and trace and trace[0].note.startswith("parameter `"))
    }


def _annotated_bool(arg: ast.arg | None) -> bool:
    """`reset_password: bool`: a flag that asks for something, never the secret itself."""
    return arg is not None and isinstance(arg.annotation, ast.Name) and arg.annotation.id == "bool"


_NOT_CONSTANT = object()


def reads_as_sql(node: ast.AST) -> bool:
    """A string literal in this expression reads as SQL (`"SELECT * FROM users WHERE name = '" + name`), or it
    formats a constant named for a SQL template (`sql.SQL(REVENUE_QUERY).format(period=...)`)."""
    return any(
        isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and _SQL.search(n.value)
        or isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "format"
        and any(_names_sql_template(part) for part in ast.walk(n.func.value) if isinstance(part, ast.expr))
        for n in ast.walk(node)
    )


def _names_sql_template(node: ast.expr) -> bool:
    """`KEEPER_QUERY`, `queries.USERS_SQL`, `SQL_FIND_USER`: a constant whose name says it holds SQL."""
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    name = name.lstrip("_")  # `_REVENUE_QUERY`, the module's own
    if not _CONSTANT_NAME.fullmatch(name):
        return False
    words = name.lower().split("_")
    return words[-1] in _SQL_TEMPLATE_WORDS or words[0] == "sql"


_SQL_TEMPLATE_WORDS = frozenset({"query", "sql", "statement", "stmt"})
#: Words in the name of a module or object that holds configuration set at run time.
_CONFIGURATION_WORDS = frozenset(
    {"settings", "setting", "config", "configs", "conf", "cfg", "env", "environ", "secrets", "credentials"}
)
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{2,}[0-9]*")
_METADATA_ATTRS = frozenset({"_meta", "db_table", "__tablename__", "__table__"})


def _is_metadata(node: ast.Attribute) -> bool:
    """`Voucher._meta.db_table`, `self.model.__tablename__`, `meta.db_table`: ORM metadata of a model."""
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        if current.attr in _METADATA_ATTRS:
            return True
        current = current.value
    return isinstance(current, ast.Name) and current.id == "_meta"


_TEXT_CODEC_KEYWORDS = frozenset({"encoding", "errors"})


_QUERY_METHODS = frozenset({"execute", "exec_driver_sql"})
_SELECTED_TABLE = re.compile(r"^\s*SELECT\b.*?\bFROM\s+[\"`\[]?(\w+)", re.IGNORECASE | re.DOTALL)


def literal_sql_text(module: Module, sql: ast.expr) -> str | None:
    """The literal text a statement starts with: the whole constant, or the written part of one formatted by
    `%`, `+`, `.format()` or an f-string (enough to tell which table it names)."""
    while isinstance(sql, ast.BinOp):
        sql = sql.left
    if isinstance(sql, ast.Call) and isinstance(sql.func, ast.Attribute) and sql.func.attr == "format":
        sql = sql.func.value
    text: object = (
        "".join(v.value for v in sql.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        if isinstance(sql, ast.JoinedStr)
        else module.constant(sql)
    )
    return text if isinstance(text, str) else None


def _selected_table(module: Module, sql: ast.expr) -> str | None:
    """The first table a SELECT statement reads."""
    match = _SELECTED_TABLE.match(literal_sql_text(module, sql) or "")
    return match[1].lower() if match else None


def _codec_call(node: ast.Call) -> bool:
    """`codec.decode(data, key=...)`: `decode`/`encode` given data to work on (not a constant encoding name)
    and a keyword or a second argument that text and bytes do not take (`str.encode(encoding, errors)`)."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in {"decode", "encode"}
        and bool(node.args)
        and not isinstance(node.args[0], ast.Constant)
        and (len(node.args) > 2 or any(k.arg not in _TEXT_CODEC_KEYWORDS for k in node.keywords))
    )


_OPENING_QUOTE = re.compile(r"'%?$")  # `= '`, `LIKE '%` before a formatted value
_CLOSING_QUOTE = re.compile(r"^%?'")
_QUOTED_CONVERSION = re.compile(r"'(?:%%)?%(?:\(\w+\))?s(?:%%)?'")  # `'%s'`, `'%%%s%%'`, `'%(name)s'`
_QUOTED_FIELD = re.compile(r"'%?\{[^{}]*\}%?'")  # `'{}'`, `'{name}'`, `'%{0}%'`
_QUOTED_SEPARATOR = re.compile(r"^'\s*,\s*'$")  # `"','".join(names)`


def _value_part(value: L.Value) -> bool:
    """A part that is data: not constant, and not only names the code defines."""
    return L.CONST not in value and not (value and set(value) <= _IDENTIFIER_LABELS)


def _fstring_quotes_a_value(node: ast.JoinedStr, parts: list[L.Value]) -> bool:
    """`f"WHERE slug = '{slug}'"`: a formatted value with a quote on each side."""
    values = node.values
    for i, (piece, value) in enumerate(zip(values, parts)):
        if not isinstance(piece, ast.FormattedValue) or not _value_part(value) or not 0 < i < len(values) - 1:
            continue
        before, after = values[i - 1], values[i + 1]
        if (
            isinstance(before, ast.Constant)
            and isinstance(after, ast.Constant)
            and _OPENING_QUOTE.search(str(before.value))
            and _CLOSING_QUOTE.search(str(after.value))
        ):
            return True
    return False


def _opens_a_quote(node: ast.BinOp, right: L.Value) -> bool:
    """`"... = '%s'" % name` and `"... = '" + name + "'"`: a value written between quotes."""
    if not _value_part(right):
        return False
    if isinstance(node.op, ast.Mod):
        template = node.left
        return (
            isinstance(template, ast.Constant)
            and isinstance(template.value, str)
            and bool(_QUOTED_CONVERSION.search(template.value))
        )
    if isinstance(node.op, ast.Add):
        left = node.left.right if isinstance(node.left, ast.BinOp) and isinstance(node.left.op, ast.Add) else node.left
        return (
            isinstance(left, ast.Constant) and isinstance(left.value, str) and bool(_OPENING_QUOTE.search(left.value))
        )
    return False


def _format_quotes_a_value(template: object, method: str, args: list[L.Value]) -> bool:
    """`"... = '{}'".format(name)` and `"','".join(names)`: values written between quotes."""
    if not isinstance(template, str) or not any(_value_part(a) for a in args):
        return False
    if method == "join":
        return bool(_QUOTED_SEPARATOR.search(template))
    return method == "format" and bool(_QUOTED_FIELD.search(template))


def _doubles_a_quote(node: ast.Call) -> bool:
    args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
    return len(args) == 2 and args[0] in {'"', "'", "`"} and args[1] == args[0] * 2


def _mark_sql(value: L.Value) -> L.Value:
    """A composed string whose literal text reads as SQL is composed SQL, wherever it goes."""
    if L.SQL_TEXT in value and L.COMPOSED in value and L.SQL_COMPOSED not in value:
        return {**value, L.SQL_COMPOSED: value[L.COMPOSED]}
    return value


# A number made from a random value is still random; a length or truth value of a password is not secret.
_SURVIVES_NUMBERS = frozenset(
    {
        L.RANDOM,
        L.RANDOM_PICK,
        L.SEEDED,
        L.TIME,
        L.TIME_FIELD,
        L.UUID1,
        L.SHORT_TOKEN,
        L.SHORT_TOKEN_96,
        L.SHORT_TOKEN_64,
        L.CSPRNG,
    }
)


def _only_from_elsewhere(value: L.Value) -> bool:
    """What functions of other modules return, and constants (spans of time among them): nothing known here yet."""
    return any(L.deferred(label) for label in value) and all(
        L.deferred(label) or label == L.CONST or label.startswith((L.DURATION_PREFIX, L.SETTING_DURATION_PREFIX))
        for label in value
    )


def _as_time_field(value: L.Value) -> L.Value:
    """The clock stored as an issue or expiry time: readable by design, so no longer a would-be secret."""
    out = dict(value)
    out[L.TIME_FIELD] = out.pop(L.TIME)
    return out


#: Class names of the values a request is validated into: `ChatForm(**data)`, `UserSchema(**body)`.
_SCHEMA_SUFFIXES = ("Form", "Schema", "Model", "Params", "Payload", "Body", "Input", "Request", "Query")


_LOG_LEVELS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})
_HARMLESS_BUILTINS = frozenset({"len", "str", "int", "dict", "list", "bool", "isinstance"})
_FILE_ERRORS = frozenset({"FileNotFoundError", "OSError", "IOError", "EnvironmentError"})


def _calls_only_validators(body: list[ast.stmt]) -> bool:
    """Every call in the block is a validator (`validate_password(p)`, `to_valid_user_id(x)`) or builds
    a response; at least one validates."""
    validates = False
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return False
        if isinstance(node, ast.Call):
            name = (
                node.func.id
                if isinstance(node.func, ast.Name)
                else node.func.attr
                if isinstance(node.func, ast.Attribute)
                else ""
            )
            if {"valid", "validate", "validated"} & set(names.words(name)):
                validates = True
            elif not (name.endswith("Response") or name in _READS_OF_RESULTS):
                return False
    return validates


def _reads_request_body_only(body: list[ast.stmt]) -> bool:
    """Every call in the block reads the request's body or parses text (`await request.json()`,
    `await request.body()`, `json.loads(raw)`, `await _json_request_body(request)`); at least one reads it."""
    reads = False
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return False
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = R.last_name(func) or ""
        receiver = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        words = set(names.words(name))
        if receiver in _REQUEST_NAMES and name in _BODY_READS:
            reads = True  # `request.json()`
        elif words & {"request", "req"} and words & {"body", "json", "form", "payload"}:
            reads = True  # `_json_request_body(request)`
        elif not (receiver == "json" and name == "loads" or name in _READS_OF_RESULTS | {"int", "float"}):
            return False
    return reads


_REQUEST_NAMES = frozenset({"request", "req"})
_BODY_READS = frozenset({"body", "json", "form", "get_json", "get_data", "text", "data", "stream"})

#: Calls that only read what a validator returned (`errors.get("imports", {})`) or convert it.
_READS_OF_RESULTS = frozenset({"get", "items", "keys", "values", "len", "list", "dict", "str", "bool"})


_UNSET = object()
_CONFIG_PARSERS = frozenset(
    {"configparser.ConfigParser", "configparser.RawConfigParser", "configparser.SafeConfigParser"}
)
_OPTION_READS = frozenset({"get", "getint", "getfloat", "getboolean"})


def _option_key(section: ast.expr, option: ast.expr) -> str | None:
    """`[ui]nick` for the literal section and option of a ConfigParser (option names are case-blind)."""
    if not (
        isinstance(section, ast.Constant)
        and isinstance(section.value, str)
        and isinstance(option, ast.Constant)
        and isinstance(option.value, str)
    ):
        return None
    return f"[{section.value}]{option.value.lower()}"


#: How a stored password hash starts: `$2b$…` (bcrypt), `pbkdf2_sha256$…` (Django), `{SSHA}…` (LDAP).
_HASH_PREFIXES = (
    "$1$",
    "$2",
    "$5$",
    "$6$",
    "$argon2",
    "$pbkdf2",
    "$scrypt",
    "pbkdf2_",
    "argon2",
    "bcrypt",
    "scrypt",
    "{",
)


def _hashed_unless(test: ast.expr, body: list[ast.stmt]) -> ast.expr | None:
    """The target `p` of `if not is_hashed(p): p = hash(p)` (also `if p and not p.startswith("$2b$")`,
    `if d.get("password") and not is_hashed(d.get("password")): d["password"] = ...`): where the test
    fails, p was empty or a hash already, so after the statement p is a hash either way."""
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    checks = [
        part.operand
        for part in parts
        if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not) and isinstance(part.operand, ast.Call)
    ]
    if len(checks) != 1:
        return None
    subject = _hash_check_subject(checks[0])
    if subject is None:
        return None
    target = _item_target(subject)
    if target is None:
        return None
    text = ast.unparse(target)
    for part in parts:
        if isinstance(part, ast.UnaryOp) and part.operand is checks[0]:
            continue
        # The other conjuncts only ask whether p is set: `p`, `p is not None`, `d.get("p", None) != ""`.
        if isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.ops[0], (ast.IsNot, ast.NotEq)):
            part = part.left
        asked = _item_target(part)
        if asked is None or ast.unparse(asked) != text:
            return None
    assigned = {
        ast.unparse(t) for stmt in body for node in ast.walk(stmt) if isinstance(node, ast.Assign) for t in node.targets
    }
    return target if ast.unparse(target) in assigned else None


def _hash_check_subject(call: ast.Call) -> ast.expr | None:
    """p in `is_hashed(p)`, `looks_hashed(p)`, `p.startswith("$2b$")`, `p.startswith(("pbkdf2_", "$2"))`."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "startswith" and len(call.args) == 1:
        prefixes = call.args[0].elts if isinstance(call.args[0], ast.Tuple) else [call.args[0]]
        if prefixes and all(
            isinstance(p, ast.Constant) and isinstance(p.value, str) and p.value.startswith(_HASH_PREFIXES)
            for p in prefixes
        ):
            return func.value
        return None
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    words = set(names.words(name))
    if len(call.args) == 1 and ("hashed" in words or {"is", "hash"} <= words):
        return call.args[0]
    return None


def _item_target(node: ast.expr) -> ast.expr | None:
    """The assignable form of a name or a container item read: `d.get("k")` and `d["k"]` are `d["k"]`."""
    if isinstance(node, ast.Name):
        return ast.Name(id=node.id, ctx=ast.Store())
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        node = ast.Subscript(value=node.func.value, slice=node.args[0], ctx=ast.Load())
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant):
        return ast.copy_location(ast.Subscript(value=node.value, slice=node.slice, ctx=ast.Store()), node)
    return None


def _falsy_name(test: ast.expr) -> tuple[str, bool] | None:
    """(name, True) for `if not name:`, whose body runs with `name` falsy; (name, False) for `if name:`,
    whose other branch does."""
    if isinstance(test, ast.Name):
        return test.id, False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name):
        return test.operand.id, True
    return None


def _names_bound_once(function: Function) -> dict[str, ast.expr]:
    """Local names with a single binding in the function, an assignment `name = value`, to that value."""
    if function.is_module:
        return {}
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    for node in ast.walk(function.node):
        bound: list[str] = []
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound = [node.id]
        elif isinstance(node, ast.arg):
            bound = [node.arg]
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound = list(node.names) * 2  # written elsewhere too
        elif isinstance(node, ast.alias):
            bound = [(node.asname or node.name).split(".")[0]]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not function.node:
            bound = [node.name]
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            bound = [node.name]
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound = [node.rest]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                values[targets[0].id] = node.value
        for name in bound:
            counts[name] = counts.get(name, 0) + 1
    return {name: value for name, value in values.items() if counts.get(name) == 1}


_FOLD_OPERATORS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.FloorDiv: lambda a, b: a // b,
    ast.Mod: lambda a, b: a % b,
    ast.Pow: lambda a, b: a**b,
}
_FOLD_UNARY = {ast.USub: lambda a: -a, ast.UAdd: lambda a: +a, ast.Invert: lambda a: ~a}
_FOLD_COMPARISONS = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: lambda a, b: a is b,
    ast.IsNot: lambda a, b: a is not b,
}
_FOLDED_TYPES = (str, bytes, int, float, type(None), tuple)


def _fold(node: ast.expr, bound: dict[str, ast.expr], depth: int) -> object:
    """Evaluate literals, local constants, arithmetic, comparisons, `in`, `not`/`and`/`or` and subscripts
    of literal strings; `_UNSET` for anything else (or for results too large to be worth computing)."""
    if depth > 20:
        return _UNSET
    again = lambda n: _fold(n, bound, depth + 1)  # noqa: E731
    try:
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, _FOLDED_TYPES) else _UNSET
        if isinstance(node, ast.Name):
            return again(bound[node.id]) if node.id in bound else _UNSET
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = tuple(again(e) for e in node.elts)
            return _UNSET if _UNSET in items else items
        if isinstance(node, ast.UnaryOp):
            operand = again(node.operand)
            if operand is _UNSET:
                return _UNSET
            if isinstance(node.op, ast.Not):
                return not operand
            return _FOLD_UNARY[type(node.op)](operand)
        if isinstance(node, ast.BoolOp):
            value: object = _UNSET
            for part in node.values:
                value = again(part)
                if value is _UNSET or bool(value) == isinstance(node.op, ast.Or):
                    return value
            return value
        if isinstance(node, ast.BinOp) and type(node.op) in _FOLD_OPERATORS:
            left, right = again(node.left), again(node.right)
            if left is _UNSET or right is _UNSET or isinstance(node.op, ast.Mod) and isinstance(left, (str, bytes)):
                return _UNSET
            if isinstance(node.op, ast.Pow) and not (
                isinstance(right, int) and abs(right) <= 64 and isinstance(left, (int, float)) and abs(left) <= 2**16
            ):
                return _UNSET
            if isinstance(node.op, ast.Mult):
                repeated = (
                    left
                    if isinstance(left, (str, bytes, tuple))
                    else right
                    if isinstance(right, (str, bytes, tuple))
                    else None
                )
                times = right if isinstance(right, int) else left if isinstance(left, int) else 0
                if repeated is not None and len(repeated) * times > 10_000:
                    return _UNSET
            return _FOLD_OPERATORS[type(node.op)](left, right)
        if isinstance(node, ast.Compare):
            left = again(node.left)
            for op, comparator in zip(node.ops, node.comparators):
                right = again(comparator)
                if (
                    left is _UNSET
                    or right is _UNSET
                    or isinstance(op, (ast.Is, ast.IsNot))
                    and not all(v is None or isinstance(v, bool) for v in (left, right))
                ):
                    return _UNSET
                if not _FOLD_COMPARISONS[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Subscript):
            base = again(node.value)
            index = _literal_index(node.slice) if isinstance(node.slice, ast.Slice) else again(node.slice)
            if (
                not isinstance(base, (str, bytes, tuple))
                or not isinstance(index, (int, slice))
                or isinstance(index, bool)
            ):
                return _UNSET
            return base[index]
        if isinstance(node, ast.IfExp):
            test = again(node.test)
            return _UNSET if test is _UNSET else again(node.body if test else node.orelse)
    except (ArithmeticError, TypeError, ValueError, IndexError):
        return _UNSET
    return _UNSET


def _matches(pattern: ast.pattern, subject: object, bound: dict[str, ast.expr]) -> bool | None:
    """Whether a `case` pattern matches a constant subject; None when that cannot be told here."""
    if isinstance(pattern, ast.MatchAs):
        return True if pattern.pattern is None else _matches(pattern.pattern, subject, bound)
    if isinstance(pattern, ast.MatchValue):
        value = _fold(pattern.value, bound, 0)
        return None if value is _UNSET else subject == value
    if isinstance(pattern, ast.MatchSingleton):
        return subject is pattern.value
    if isinstance(pattern, ast.MatchOr):
        results = [_matches(p, subject, bound) for p in pattern.patterns]
        return True if True in results else None if None in results else False
    return None


_PATH_SPLITS = frozenset({"split", "rsplit", "partition", "rpartition", "strip", "lstrip", "rstrip"})
_PATH_OPERATIONS = _PATH_SPLITS | {"lower", "upper", "casefold"}
#: Methods that run a function given as an argument later, with the arguments after it: the function's
#: position. (`f.delay(...)`, a task queue's, runs the receiver.)
_DEFERRING_METHODS = {
    "add_task": 0,  # Starlette/FastAPI `BackgroundTasks`
    "submit": 0,  # `concurrent.futures` executors
    "enqueue": 0,  # RQ
    "start_soon": 0,  # anyio task groups
    "run_in_executor": 1,  # asyncio
    "to_thread": 0,  # `asyncio.to_thread(f, ...)`
    "run_sync": 0,  # `anyio.to_thread.run_sync(f, ...)`
}


def _path_operations(node: ast.expr) -> tuple[ast.expr, list[ast.expr]] | None:
    """(`request`, [split, subscript]) for `request.path.split("/")[1]`: the object whose `path` is read, and
    the string operations applied to it, innermost first."""
    operations: list[ast.expr] = []
    while True:
        if isinstance(node, ast.Subscript):
            operations.append(node)
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_OPERATIONS:
            operations.append(node)
            node = node.func.value
        elif isinstance(node, ast.Attribute) and node.attr == "path":
            return node.value, operations[::-1]
        else:
            return None


def _on_path(text: str, operations: list[ast.expr]) -> str | list[str] | tuple[str, ...] | None:
    """The result of the operations on a path template; None when one is not a split on `/` with literal
    arguments, a case change or a literal index (a client's text may hold any other separator)."""
    from secpat.model.module import literal_value

    value: str | list[str] | tuple[str, ...] = text  # a split gives a list, a partition a tuple
    for operation in operations:
        if isinstance(operation, ast.Subscript):
            index = _literal_index(operation.slice)
            if index is None or not isinstance(value, (str, list, tuple)):
                return None
            try:
                value = value[index]
            except IndexError:
                return None
            continue
        assert isinstance(operation, ast.Call) and isinstance(operation.func, ast.Attribute)
        method = operation.func.attr
        args = [literal_value(a, _UNSET) for a in operation.args]
        keywords = {k.arg: literal_value(k.value, _UNSET) for k in operation.keywords if k.arg is not None}
        if (
            not isinstance(value, str)
            or any(not isinstance(a, (str, int)) or isinstance(a, bool) for a in (*args, *keywords.values()))
            or any(k.arg is None for k in operation.keywords)
        ):  # `**options`
            return None
        if (
            method in _PATH_SPLITS
            and (args[:1] or [keywords.get("sep")])[0] != "/"
            or method not in _PATH_SPLITS
            and (args or keywords)
        ):
            return None
        try:
            value = getattr(value, method)(*args, **keywords)
        except (TypeError, ValueError):
            return None
    return value


def _literal_index(node: ast.expr) -> int | slice | None:
    from secpat.model.module import literal_value

    if isinstance(node, ast.Slice):
        bounds = [literal_value(b, _UNSET) if b is not None else None for b in (node.lower, node.upper, node.step)]
        if any(b is not None and (not isinstance(b, int) or isinstance(b, bool)) for b in bounds) or bounds[2] == 0:
            return None
        return slice(*bounds)
    index = literal_value(node, _UNSET)
    return index if isinstance(index, int) and not isinstance(index, bool) else None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _item_key(name: str, key: str | int) -> str:
    """The environment key of one item of a local container: `d['nick']`, `parts[0]`."""
    return f"{name}[{key!r}]"


def _only_returned_by(value: L.Value) -> str | None:
    """`pkg.f` when the value is just what `pkg.f` of another module returned (`result = pkg.f(...)`)."""
    callees = {label[len(L.RET_PREFIX) :] for label in value if label.startswith(L.RET_PREFIX)}
    if len(callees) != 1:
        return None
    callee = callees.pop()
    if "#" in callee or L.METHOD_SUFFIX in callee:
        return None
    others = [
        label
        for label in value
        if label != f"{L.RET_PREFIX}{callee}" and not label.startswith(f"{L.VIA_PREFIX}{callee}:")
    ]
    return None if others else callee


def _method_of(call: ast.Call, receivers: set[str]) -> bool:
    """`client.get(url)` or `reply.json()` for a name in `receivers`."""
    return (
        isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id in receivers
    )


def _caught_types(caught: ast.expr) -> list[ast.expr]:
    return list(caught.elts) if isinstance(caught, ast.Tuple) else [caught]


def _builds_only_schemas(body: list[ast.stmt]) -> bool:
    """Every call in the block constructs a form, schema or model class: `form = ChatForm(**data)`."""
    calls = [node for stmt in body for node in ast.walk(stmt) if isinstance(node, ast.Call)]
    if not calls or not all(isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Expr, ast.Return)) for stmt in body):
        return False
    for call in calls:
        name = (
            call.func.id
            if isinstance(call.func, ast.Name)
            else call.func.attr
            if isinstance(call.func, ast.Attribute)
            else ""
        )
        if not (name[:1].isupper() and name.endswith(_SCHEMA_SUFFIXES)):
            return False
    return True


def _labels_a_literal(name: str, value_node: ast.AST | None) -> bool:
    """`FAILED_TO_DECRYPT_PASSWORD = "__failed__"`, `TOKEN_TYPE = "bearer"`: a secret-named name bound to
    a string that is judged not to be a secret (a marker, a label, a placeholder) holds that string."""
    if not (
        _CONSTANT_NAME.fullmatch(name) and isinstance(value_node, ast.Constant) and isinstance(value_node.value, str)
    ):
        return False  # `password = "user_password"` in an example stands for a user's password
    from secpat.secrets.entropy import judge_value, secret_kind

    kind = secret_kind(name)
    if kind is None and names.classify(name) is names.NameKind.SHORT_CODE:
        kind = names.NameKind.SECRET  # `PIN = "pin"`: judged like any other secret-named constant
    return kind is not None and judge_value(value_node.value, kind, name) is None


_DERIVED_WORDS = frozenset({"hash", "hashed", "digest", "encrypted", "crypted", "bcrypt", "argon2", "scrypt"})


def _stored_field(node: ast.AST, value: L.Value) -> bool:
    """`{"password": user.password}`: a record's stored password field (plaintext or hash) copied into
    another record; the key's name says nothing the field did not."""
    return isinstance(node, ast.Attribute) and L.SECRET in value and L.PASSWORD not in value


def _names_derived(node: ast.AST) -> bool:
    """`{"password": hashed}`, `{"password": user.password_hash}`: the value is named for a hash, not a password."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return name is not None and bool(_DERIVED_WORDS & set(names.words(name)))


def _literal_text(node: ast.AST) -> str:
    """The literal parts of a `+` chain, or a `%` template's text: `"Reset: /reset/?code=" + code + "&x"` gives
    `"Reset: /reset/?code=&x"`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) + _literal_text(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _literal_text(node.left)
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _is_str(node: ast.AST) -> bool:
    """A string literal, an f-string, or text built from one (`a + " " + b`, `"%s" % x`)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_str(node.left) or isinstance(node.op, ast.Add) and _is_str(node.right)
    return isinstance(node, (ast.JoinedStr,)) or isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_truth_value(node: ast.expr) -> bool:
    """`bool(x)`, `x is not None`, `not x`, `a == b`: whether something holds, never what."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "bool":
        return True
    return isinstance(node, ast.Compare) or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)


_KEY_COLLECTIONS = frozenset({"set", "frozenset", "sorted", "list", "tuple"})
#: Library functions that build a link to a view from its name and arguments.
_LINK_BUILDERS = frozenset(
    {"django.urls.reverse", "django.urls.reverse_lazy", "django.shortcuts.resolve_url", "flask.url_for"}
    | {"quart.url_for"}
)
_ENV_READS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault"})
_NON_SHAPE = (L.CONST,)


@dataclass(frozen=True)
class Span:
    """A `timedelta(...)`: its literal parts in seconds, and the setting it reads, if one (in `unit`s)."""

    seconds: float
    unit: float = 0
    setting: str | None = None

    @property
    def label(self) -> str:
        """`<seconds per unit>:<seconds added>:<setting name>`, as `L.SETTING_DURATION_PREFIX` labels carry it."""
        return f"{self.unit:g}:{self.seconds:g}:{self.setting}"


def timedelta_span(module: Module, function: Function, node: ast.Call, local: Container[str] = ()) -> Span | None:
    """`timedelta(hours=1, minutes=30)` when every part is a literal or module constant, or all but one, which
    reads a setting (`timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)`). `local`: names bound in the
    function, which are no settings."""
    total = 0.0
    found: tuple[float, str] | None = None
    parts = list(zip(("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"), node.args))
    parts += [(kw.arg, kw.value) for kw in node.keywords if kw.arg]
    for unit, value_node in parts:
        value = _number_literal(value_node, module)
        if value is not None and unit in _TIME_UNITS:
            total += value * _TIME_UNITS[unit]
            continue
        if unit == "microseconds":
            continue
        name = setting_name(module, function, value_node, local)
        if name is None or found is not None or unit not in _TIME_UNITS:
            return None
        found = (_TIME_UNITS[unit], name)
    return Span(total, *found) if found else Span(total)


def setting_name(module: Module, function: Function, node: ast.expr, local: Container[str] = ()) -> str | None:
    """The name of a setting read where a span is expected, when that name speaks of time:
    `settings.TOKEN_TTL`, `app.config["JWT_EXPIRES_MINUTES"]`, `JWT_LIFETIME` imported from the project."""
    name: str | None = None
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Subscript):
        key = node.slice
        name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
    elif isinstance(node, ast.Name) and node.id not in local:
        qualified = module.qualified_name(node, function)
        if qualified and qualified.split(".", 1)[0] in module.project_roots:
            name = qualified.rsplit(".", 1)[-1]
    if name is None or not set(names.words(name)) & TIME_SETTING_WORDS:
        return None
    return name


def _number_literal(node: ast.AST, module) -> float | None:
    from secpat.model.module import literal_value

    value = literal_value(node)
    if value is None and isinstance(node, ast.Name):
        assigned = module.assignments.get(node.id)
        value = literal_value(assigned[-1]) if assigned else None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _leaves_or_resets(body: list[ast.stmt], name: str) -> bool:
    """The block ends by leaving (raise, return, continue, break, Flask's `abort(400)`) or assigns a constant to
    `name`."""
    if body and isinstance(body[-1], (ast.Raise, ast.Return, ast.Continue, ast.Break)):
        return True
    last_call = body[-1].value if body and isinstance(body[-1], ast.Expr) else None
    if isinstance(last_call, ast.Call) and ast.unparse(last_call.func).rsplit(".", 1)[-1] == "abort":
        return True  # `abort(400)` raises
    return any(
        isinstance(stmt, ast.Assign)
        and isinstance(stmt.value, ast.Constant)
        and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets)
        for stmt in body
    )


def _int_arg(node: ast.Call, index: int, keyword: str) -> int | None:
    from secpat.model.module import literal_value

    arg = next((k.value for k in node.keywords if k.arg == keyword), None)
    if arg is None and index < len(node.args):
        arg = node.args[index]
    if arg is None:
        return None
    value = literal_value(arg)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_FILLER = re.compile(r"[*•#]{2,}|…|\.{3,}|x{4,}")


def _is_mask(node: ast.JoinedStr) -> bool:
    """`f"{key[:4]}****{key[-4:]}"`: a few characters of a value around filler that hides the rest."""
    sliced = any(
        isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Subscript) and _short_slice(v.value.slice)
        for v in node.values
    )
    return sliced and any(
        isinstance(v, ast.Constant) and isinstance(v.value, str) and _FILLER.search(v.value) for v in node.values
    )


def _named_via(value: L.Value) -> tuple[str, ...]:
    """The `via:` labels of `value` that carry a secret a parameter's name lent: an attribute of what the
    callee returns is not that parameter, even where the callee returns it."""
    return tuple(
        label
        for label in value
        if label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] in _NAMED_LABELS and _lent_by_a_name(value[label])
    )


def _lent_by_a_name(trace: L.Trace) -> bool:
    return bool(trace) and trace[0].note.startswith(("named `", "parameter `"))


def _iterated(value: L.Value) -> L.Value:
    """What a loop takes from a collection: its labels, without those a name lends (here, or in what
    another module returns)."""
    return L.method_result(L.without(value, *_NAMED_LABELS))


def _lent_by_name(value: L.Value, container: ast.expr) -> tuple[str, ...]:
    """The secret labels `value` has from the name of `container` itself (`tokens`, `self.secrets`):
    a trace that starts at that name, or none at all."""
    name = _text(container)
    return tuple(
        label for label in _NAMED_LABELS if label in value and (not value[label] or f"`{name}`" in value[label][0].note)
    )


def _short_slice(key: ast.expr) -> bool:
    """`[:4]`, `[-4:]`, `[2:6]`: at most 8 characters cut by constant bounds, as a mask shows them."""
    if not isinstance(key, ast.Slice) or key.step is not None:
        return False
    low = 0 if key.lower is None else _int_literal(key.lower)
    if key.upper is None:
        return low is not None and -8 <= low < 0  # `[-4:]`
    high = _int_literal(key.upper)
    return low is not None and high is not None and (low >= 0) == (high >= 0) and 0 <= high - low <= 8


def _int_literal(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int_literal(node.operand)
        return -inner if inner is not None else None
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


#: The name an `except` block without `as` binds its exception to, for `sys.exc_info()` to hand out.
_HANDLED_EXCEPTION = "sys.exc_info()[1]"
_CHALLENGE_TOKENS = {("token",), ("challenge", "token")}


def _about_challenge(function: Function) -> bool:
    """`create_txt_record(domain, token)`, `answer_challenge(token)`: a function about a DNS TXT record
    or an ACME challenge. Its token is the challenge's, published in DNS or at a well-known URL for the
    certificate authority to read: not a secret."""
    ws = set(names.words(function.name))
    return {"txt", "record"} <= ws or bool(ws & {"challenge", "acme"})


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a chain of attributes on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _last_name(node: ast.expr) -> str | None:
    """`form` for `request.form`, `form()`, `form[0]`: the last name in an expression."""
    if isinstance(node, ast.Call):
        return _last_name(node.func)
    return R.last_name(node)


def _text(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # pragma: no cover
        return "?"
    return text if len(text) <= 60 else text[:57] + "..."


def _cap(value: L.Value) -> L.Value:
    """Keep traces short so long functions cannot grow them without bound."""
    if all(len(t) <= MAX_TRACE for t in value.values()):
        return value
    return {k: (t[:2] + t[-(MAX_TRACE - 2) :] if len(t) > MAX_TRACE else t) for k, t in value.items()}


#: Last words of an attribute that say what it is only with a qualifier, which the record's name may give.
_QUALIFIED_HEADS = frozenset({("code",), ("codes",), ("link",), ("url",)})


#: A pattern of a single character class, repeated or not (`[^\w.-]+`, `[<>"']`): a substitution with it
#: removes or replaces kinds of characters, which is a filter.
_CHARACTER_FILTER = re.compile(r"\[(?:\\.|[^\]\\])+\][+*]?")


def _marked_up_text(node: ast.Call, module_function: bool) -> ast.expr | None:
    """The text argument of `re.sub(p, repl, text)` / `pattern.sub(repl, text)` when the replacement writes
    markup (`r"<mark>\\1</mark>"`, `lambda m: f"<b>{m.group(0)}</b>"`), else None."""
    args = node.args[1:] if module_function else node.args
    repl = args[0] if args else next((k.value for k in node.keywords if k.arg == "repl"), None)
    text = args[1] if len(args) > 1 else next((k.value for k in node.keywords if k.arg == "string"), None)
    if repl is None or text is None:
        return None
    written = repl.body if isinstance(repl, ast.Lambda) else repl
    pieces = [n.value for n in ast.walk(written) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return text if any(re.search(r"<\w", p) for p in pieces) else None


def _has_words(parts: list[ast.expr]) -> bool:
    """Literal text with a letter in it among the parts of a string: `f"Error: {e}"`, not `f"{e}"`; or
    the translation of such text (`_("Upload failed: %(error)s") % ...`)."""
    for part in parts:
        if isinstance(part, ast.Call) and (dotted(part.func) or "").rsplit(".", 1)[-1] in S.TRANSLATIONS:
            part = next((a for a in (*part.args, *(k.value for k in part.keywords))), part)
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            if any(c.isalpha() for c in _PLACEHOLDER.sub("", part.value)):
                return True
    return False


#: `%(name)s`, `%s`, `{name}`, `{}`: where values go in a template, not words of its sentence.
_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}]*\}")


def _framed(value: L.Value) -> L.Value:
    """An exception's text put in a sentence for its reader: the exception is framed, not sent raw."""
    if L.EXCEPTION not in value:
        return value
    return {**L.without(value, L.EXCEPTION), L.FRAMED_EXCEPTION: value[L.EXCEPTION]}


#: What a caught exception's value carries, with its text.
_ERROR_LABELS = frozenset(
    {L.EXCEPTION, L.FRAMED_EXCEPTION, L.EXPECTED_ERROR, L.SYSTEM_ERROR, L.UPSTREAM_ERROR, L.TRACEBACK}
)
#: First words of a helper named for hiding a secret it is given, and words of one named for the result.
_MASKING_VERBS = frozenset({"mask", "redact", "obfuscate", "scrub", "hide", "censor", "anonymize", "anonymise"})
_MASKED_WORDS = frozenset({"masked", "redacted", "obfuscated", "censored"})
#: First words of a helper named for cleaning what it is given.
_SANITISING_VERBS = frozenset({"sanitize", "sanitise", "redact", "scrub"})
#: Whom a helper makes an error fit for: `error_for_client`, `message_for_user`.
_AUDIENCES = frozenset({"client", "clients", "user", "users", "public", "response"})

#: SQLAlchemy's statement constructors, by their last name, under any of its modules.
_STATEMENT_CONSTRUCTORS = frozenset({"insert", "select", "update", "delete", "upsert"})


def statement_object(module: Module, function: Function, node: ast.expr) -> bool:
    """`insert(Model).values(rows).on_conflict_do_nothing()`, `select(User).where(User.id == uid)`: a
    statement object whose values SQLAlchemy binds as parameters. One holding `text(...)` built from
    something other than a literal is not vouched for."""
    root = node
    while isinstance(root, ast.Call) and isinstance(root.func, ast.Attribute) and isinstance(root.func.value, ast.Call):
        root = root.func.value
    if not isinstance(root, ast.Call):
        return False
    name = module.qualified_name(root.func, function) or ""
    if not (name.startswith("sqlalchemy.") and name.rsplit(".", 1)[-1] in _STATEMENT_CONSTRUCTORS):
        return False
    return not any(
        isinstance(inner, ast.Call)
        and (module.qualified_name(inner.func, function) or "").rsplit(".", 1)[-1] == "text"
        and not all(isinstance(a, ast.Constant) for a in inner.args)
        for inner in ast.walk(node)
    )


_PYDANTIC_MODELS = frozenset({"pydantic.BaseModel", "pydantic.main.BaseModel", "pydantic_settings.BaseSettings"})


def password_field_shown(module: Module, name: str) -> str | None:
    """The plain-text password field a pydantic model of this module shows in its text (its `repr()`, which
    f-strings, `%s` and loggers write): `password` for `class SignUp(BaseModel): password: str`. None where the
    class writes its own text, hides the field (`Field(repr=False)`), types it `SecretStr`, or is no model."""
    return _pydantic_password_field(module, name, 0)


def _pydantic_password_field(module: Module, name: str, depth: int) -> str | None:
    cls = next((c for c in module.classes.values() if c.qualname == name), None)
    if cls is None or depth > 4 or "__str__" in cls.methods or "__repr__" in cls.methods:
        return None
    local_bases = [b.rsplit(".", 1)[-1] for b in cls.bases if b not in _PYDANTIC_MODELS]
    if not any(base in _PYDANTIC_MODELS for base in cls.bases) and not any(
        _pydantic_model(module, base, depth + 1) for base in local_bases
    ):
        return None
    for stmt in cls.node.body:
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and names.classify(stmt.target.id) is names.NameKind.PASSWORD
            and _plain_text_type(stmt.annotation)
            and not (isinstance(stmt.value, ast.Call) and _switched_off(keyword_argument(stmt.value, "repr")))
        ):
            return stmt.target.id
    for base in local_bases:
        found = _pydantic_password_field(module, base, depth + 1)
        if found is not None:
            return found
    return None


def _pydantic_model(module: Module, name: str, depth: int) -> bool:
    cls = next((c for c in module.classes.values() if c.qualname == name), None)
    if cls is None or depth > 4:
        return False
    return any(
        base in _PYDANTIC_MODELS or _pydantic_model(module, base.rsplit(".", 1)[-1], depth + 1) for base in cls.bases
    )


def _plain_text_type(annotation: ast.expr) -> bool:
    """`str`, `Optional[str]`, `str | None`: a type whose value is written as it is (not `SecretStr`)."""
    if isinstance(annotation, ast.BinOp):
        return _plain_text_type(annotation.left) or _plain_text_type(annotation.right)
    if isinstance(annotation, ast.Subscript):
        return R.last_name(annotation.value) in ("Optional", "Union") and _plain_text_type(annotation.slice)
    if isinstance(annotation, ast.Tuple):
        return any(_plain_text_type(e) for e in annotation.elts)
    return isinstance(annotation, ast.Name) and annotation.id == "str"
