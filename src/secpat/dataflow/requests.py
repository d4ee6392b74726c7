"""Where request input enters a program: request objects, their input attributes, and view parameters.

The request object itself is not input (`request.user`, `request.method` are
the server's own), only what the client sent: query string, form, body,
headers, cookies, files, path and URL parameters. View parameters are input
when the framework fills them from the URL or the body:

- Django: a function whose first parameter is `request` gets URL kwargs in the others;
- Flask: a view decorated with `@app.route` / `@bp.get` ... gets URL variables;
- FastAPI / Starlette: a route function's parameters are path, query, header,
  cookie, form or body input, except dependencies and framework objects.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from secpat import names
from secpat.frameworks import appbuilder, bottle, flask, known
from secpat.frameworks.syntax import class_routes, last

if TYPE_CHECKING:
    from secpat.model.module import Function, Module

#: Names that hold a request object by convention.
REQUEST_NAMES = frozenset({"request", "req"})
#: Imported request proxies, request types, and what a request holds that the client sent: the union
#: of the framework records.
REQUEST_OBJECTS = known.union("request_objects")
REQUEST_CLASSES = known.union("request_classes")
INPUT_ATTRIBUTES = known.union("input_attributes")
INPUT_METHODS = known.union("input_methods")
#: Input attributes that hold everything of a kind at once (all headers, the whole body).
# (`json` is the document the client posted and `FILES` the uploaded files: parts, not every header and cookie.)
WHOLE_INPUTS = frozenset(
    {
        "headers",
        "cookies",
        "COOKIES",
        "META",
        "body",
        "data",
        "form",
        "POST",
        "values",
        "environ",
    }
)
#: The whole inputs that are the body the client submitted: every field of it, but no header or cookie.
BODY_INPUTS = frozenset({"body", "data", "form", "POST", "values"})
#: Methods that return the whole raw body.
WHOLE_METHODS = frozenset({"get_data", "body", "stream", "form", "post", "text", "read"})
#: Scripts read input too.
INPUT_CALLS = frozenset({"input", "sys.stdin.read", "sys.stdin.readline"})
INPUT_NAMES = frozenset({"sys.argv"})

_ROUTE_METHODS = known.union("route_decorators")
_FASTAPI_PARAM_CALLS = frozenset(f"fastapi.{n}" for n in ("Header", "Cookie", "Query", "Form", "Body", "Path", "File"))
#: FastAPI's own dependency classes that read the submitted form (`form_data: OAuth2PasswordRequestForm =
#: Depends()`): their fields are what the client sent.
_FASTAPI_FORMS = frozenset(
    f"fastapi.security.{n}" for n in ("OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict")
)
_FASTAPI_NOT_INPUT = frozenset({"fastapi.Depends", "fastapi.Security", "fastapi.params.Depends"})
_FRAMEWORK_TYPES = frozenset(
    {
        "Request",
        "Response",
        "BackgroundTasks",
        "WebSocket",
        "Session",
        "AsyncSession",
        "HTTPConnection",
        "SecurityScopes",
        "HTTPAuthorizationCredentials",
    }
)


def request_parameters(module: Module, function: Function) -> dict[str, str]:
    """Parameters that carry request input (or the request object): name → how it is known."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    everything = [*positional, *args.kwonlyargs]
    found: dict[str, str] = {}
    defaults = dict(zip((a.arg for a in positional[len(positional) - len(args.defaults) :]), args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})

    for arg in everything:
        default = defaults.get(arg.arg)
        if isinstance(default, ast.Call) and module.qualified_name(default.func, function) in _FASTAPI_PARAM_CALLS:
            found[arg.arg] = "FastAPI parameter"
        if _annotated_class(module, function, arg.annotation) in _FASTAPI_FORMS:
            found[arg.arg] = "FastAPI form"
        if _annotated_with(module, function, arg.annotation, _FASTAPI_PARAM_CALLS):
            found[arg.arg] = "FastAPI parameter"

    asgi = [a.arg for a in everything[1 if function.class_name else 0 :]][:3]
    if asgi == ["scope", "receive", "send"]:
        # An ASGI application or middleware (`async def __call__(self, scope, receive, send)`): the scope is the
        # request, its path, query string and headers.
        found["scope"] = "ASGI scope"
    if lambda_handler(function):
        found["event"] = LAMBDA_EVENT
    if _tornado_verb_method(module, function):
        for arg in everything[1:]:
            found.setdefault(arg.arg, "URL group")
    elif _falcon_responder(module, function):
        # Falcon's `on_get(self, req, resp, name)`: the URL's fields follow the response.
        for arg in everything[3:]:
            if last_name(arg.annotation) not in _NOT_TEXT_TYPES:
                found.setdefault(arg.arg, "URL variable")
    elif _graphql_resolver(module, function):
        # `resolve_pastes(self, info, filter=None)`, `mutate(root, info, title)`: a GraphQL query's arguments
        # follow `info`; a Strawberry field takes them beside it.
        for arg in everything:
            if arg.arg not in {"self", "cls", "root", "parent", "obj", "_", "info"} and last_name(
                arg.annotation
            ) not in _NOT_TEXT_TYPES | {"Info"}:
                found.setdefault(arg.arg, "GraphQL argument")
        if args.kwarg is not None:
            found.setdefault(args.kwarg.arg, "GraphQL argument")
    elif _filter_method(module, function):
        # django-filter's `CharFilter(method="filter_patient")`: the FilterSet calls
        # `filter_patient(queryset, name, value)` with the query string's value.
        if len(everything) > 3:
            found.setdefault(everything[3].arg, "filter value")
    elif _dash_callback(module, function):
        # Dash's `@app.callback(Output(...), Input("search", "value"), State(...))`: the browser posts the
        # components' values, one parameter each.
        for arg in everything:
            if arg.arg not in {"self", "cls"}:
                found.setdefault(arg.arg, "Dash callback input")
    elif _consumer_receiver(module, function):
        # Django Channels' `receive(self, text_data=None, bytes_data=None)`, `receive_json(self, content)`:
        # what the browser sent over the WebSocket.
        for arg in everything[1:]:
            found.setdefault(arg.arg, "WebSocket message")
    elif _class_view_method(module, function):
        # Sanic's `HTTPMethodView.get(self, request, name)`: the URL's variables follow the request.
        for arg in everything[2:]:
            if last_name(arg.annotation) not in _NOT_TEXT_TYPES:
                found.setdefault(arg.arg, "URL variable")
    if function.name == "authenticate" and _method_of_class_on(module, function, _NINJA_AUTH):
        # Django Ninja's `HttpBearer.authenticate(self, request, token)`: the credential the client sent.
        for arg in everything[2:]:
            found.setdefault(arg.arg, "credential sent")
    parsed = _parsed_argument_count(module, function)
    for arg in everything[1 if function.class_name else 0 :][:parsed]:
        # flask-smorest's `@blp.arguments(QuerySchema, location="query")`, webargs' `@use_args(schema)`: the
        # request's fields, loaded by the schema, are handed to the view first.
        found.setdefault(arg.arg, "request arguments")
    for rule in _resource_rules(module, function):
        # Flask-RESTX's `@ns.route("/cards/<card_number>")` on a `Resource`: its verb methods take the
        # rule's variables after `self`.
        for name, converter in _url_variables(module, rule):
            if converter not in _NOT_TEXT_CONVERTERS and name in function.params[1:]:
                found.setdefault(name, "URL variable")
    route = route_framework(module, function)
    record = known.record(route) if route else None
    if record is not None and record.parameters_are_input:
        # Sanic's `<item_id:int>`: the rule converts the value before the handler runs.
        not_text = _flask_non_text_variables(module, function)[0] if route == "sanic" else set()
        for arg in everything:
            if arg.arg in found or arg.arg in {"self", "cls"} or arg.arg in not_text:
                continue
            if last_name(arg.annotation) in _NOT_TEXT_TYPES:
                continue  # `book_id: int`: validated to a number before the view runs
            default = defaults.get(arg.arg)
            if isinstance(default, ast.Call) and module.qualified_name(default.func, function) in _FASTAPI_NOT_INPUT:
                continue
            if _annotated_with(module, function, arg.annotation, _FASTAPI_NOT_INPUT):
                continue
            if last_name(arg.annotation) in _FRAMEWORK_TYPES:
                continue
            if _names_dependency_alias(last_name(arg.annotation)):
                continue  # `session: SessionDep`, `user: CurrentUser`: what a dependency gives, not the request
            found[arg.arg] = "route parameter"
    elif route == "flask":
        not_text, converted = _flask_non_text_variables(module, function)
        variables = _flask_rule_variables(module, function)
        for arg in everything:
            if variables is not None and arg.arg not in variables:
                continue  # `def index(ex=None, text=None)` also an error handler: `ex` is in no route's rule
            if arg.arg not in {"self", "cls"} and arg.arg not in not_text:
                found.setdefault(arg.arg, CUSTOM_CONVERTED_VARIABLE if arg.arg in converted else "URL variable")
    elif module.imports_any("django", "rest_framework"):
        # Django passes URL kwargs after the request. Helpers share that signature, so only
        # parameters that look like URL values count: untyped or str/int/UUID, not context objects.
        first = (
            1
            if positional and positional[0].arg in REQUEST_NAMES
            else 2
            if len(positional) > 1 and positional[0].arg == "self" and positional[1].arg in REQUEST_NAMES
            else 0
        )
        if first:
            for arg in positional[first:]:
                if (
                    _looks_like_url_value(arg.arg)
                    and last_name(arg.annotation) in _URL_TYPES
                    and last_name(arg.annotation) not in _NOT_TEXT_TYPES
                ):
                    found.setdefault(arg.arg, DJANGO_URL_PARAMETER)
    return found


def _filter_method(module: Module, function: Function) -> bool:
    """A method of a django-filter `FilterSet` that one of its filters names (`method="filter_patient"`)."""
    if not function.class_name or not module.imports_any("django_filters"):
        return False
    info = module.classes.get(function.qualname.rsplit(".", 1)[0])
    if info is None:
        return False
    return any(
        isinstance(stmt, ast.Assign)
        and isinstance(stmt.value, ast.Call)
        and any(
            k.arg == "method" and isinstance(k.value, ast.Constant) and k.value.value == function.name
            for k in stmt.value.keywords
        )
        for stmt in info.node.body
    )


def _parsed_argument_count(module: Module, function: Function) -> int:
    """How many `@blp.arguments(...)` (flask-smorest) or `@use_args(...)` (webargs) decorators the view has:
    each hands it one positional parameter."""
    count = 0
    for deco in getattr(function.node, "decorator_list", []):
        if not isinstance(deco, ast.Call):
            continue
        name = module.qualified_name(deco.func, function) or ""
        if isinstance(deco.func, ast.Attribute) and deco.func.attr == "arguments" and deco.args:
            count += 1
        elif last(name) == "use_args" and name.startswith(("webargs", "flask_smorest")):
            count += 1
    return count


#: How a Lambda handler's event is known: the whole request, headers and body included.
LAMBDA_EVENT = "Lambda event"
#: How a Django view's URL keyword argument is known: its URL patterns, seen at the project stage, may
#: convert it (`<int:pk>`) before the view runs.
DJANGO_URL_PARAMETER = "URL parameter"
#: How a Flask URL variable a project converter reads (`<uuid_str:watch>`) is known: the converter's class,
#: seen at the project stage, may admit no markup.
CUSTOM_CONVERTED_VARIABLE = "URL variable with a project converter"


#: How parameters that come from the URL (its path or query) are known.
def _names_dependency_alias(name: str | None) -> bool:
    """`SessionDep`, `TokenDeps`, `CurrentUser`, `CurrentActiveUser`: the names FastAPI projects give the
    `Annotated[X, Depends(...)]` aliases they import, which hand a view what a dependency returns."""
    ws = names.words(name or "")
    return bool(ws) and (ws[-1] in ("dep", "deps", "dependency") or ws[0] == "current" and ws[-1] == "user")


URL_INPUTS = frozenset({"route parameter", "URL variable", DJANGO_URL_PARAMETER, CUSTOM_CONVERTED_VARIABLE})
#: Request input the project stage decides from the URL patterns and converters.
DEFERRED_URL_INPUTS = frozenset({DJANGO_URL_PARAMETER, CUSTOM_CONVERTED_VARIABLE})
_URL_TYPES = frozenset({None, "str", "int", "UUID", "slug"})
#: Parameter types the framework converts before the view runs: a client picks the value, but it can
#: carry no markup and no SQL.
_NOT_TEXT_TYPES = frozenset(
    {
        "int",
        "float",
        "bool",
        "UUID",
        "datetime",
        "date",
        "time",
        "timedelta",
        "Decimal",
        "PositiveInt",
        "NonNegativeInt",
        "StrictInt",
        "StrictBool",
    }
)
#: Flask / Werkzeug converters of that kind; `any(a, b)` accepts only the listed words.
_NOT_TEXT_CONVERTERS = frozenset({"int", "float", "uuid", "any"})
_TEXT_CONVERTERS = frozenset({"string", "path", "default"})
_URL_VARIABLE = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
_BOTTLE_VARIABLE = re.compile(bottle.URL_VARIABLE)


def _route_rules(function: Function) -> list[tuple[ast.expr | None, str | None]]:
    """For each route decorator of the view (`@bp.route("/<path:text>")`), what it is called on (`bp`; None for
    Bottle's module-level `@route`, which registers on the default app) and its rule, None when the rule is not
    a literal."""
    found: list[tuple[ast.expr | None, str | None]] = []
    for decorator in getattr(function.node, "decorator_list", ()):
        if not isinstance(decorator, ast.Call):
            continue
        func = decorator.func
        if isinstance(func, ast.Attribute) and func.attr in _ROUTE_METHODS:
            owner: ast.expr | None = func.value
        elif isinstance(func, ast.Name) and (func.id in _ROUTE_METHODS or func.id == "expose"):
            owner = None  # Bottle's default app; Flask-AppBuilder's `@expose("/x/<int:pk>")` on a view class
        else:
            continue
        rule = (
            decorator.args[0]
            if decorator.args
            else next((k.value for k in decorator.keywords if k.arg in ("rule", "path")), None)
        )
        literal = rule.value if isinstance(rule, ast.Constant) and isinstance(rule.value, str) else None
        found.append((owner, literal))
    return found


def _url_variables(module: Module, rule: str) -> list[tuple[str, str]]:
    """(name, converter or "") of each variable of a route rule: Werkzeug's `<int:id>`, Bottle's `<id:int>`."""
    pattern = _BOTTLE_VARIABLE if _bottle_rules(module) else _URL_VARIABLE
    return [(match["name"], match["converter"] or "") for match in pattern.finditer(rule)]


def _bottle_rules(module: Module) -> bool:
    """Bottle's and Sanic's `<name:int>`: the filter follows the name."""
    return module.imports_any("bottle", "sanic") and not module.imports_any("flask", "quart", "werkzeug")


def _flask_rule_variables(module: Module, function: Function) -> set[str] | None:
    """The variables the view's route rules name (`/<path:text>`), when every route decorator's rule is a
    literal; None when one is not, or the view is routed some other way."""
    rules = [rule for _, rule in _route_rules(function)]
    if not rules or None in rules:
        return None
    return {name for rule in rules if rule for name, _ in _url_variables(module, rule)}


def _flask_non_text_variables(module: Module, function: Function) -> tuple[set[str], set[str]]:
    """URL variables every route of the view converts to a number, a UUID or one of a fixed set of words; and
    those that a converter of Werkzeug's own would leave as text on no route, but that a converter the
    project registers reads on some route (the project stage judges that converter's class)."""
    converters: dict[str, set[str]] = {}
    for _, rule in _route_rules(function):
        for name, converter in _url_variables(module, rule or ""):
            converters.setdefault(name, set()).add(converter or "string")
    not_text = {name for name, kinds in converters.items() if kinds <= _NOT_TEXT_CONVERTERS}
    custom = {
        name for name, kinds in converters.items() if kinds - _NOT_TEXT_CONVERTERS and not kinds & _TEXT_CONVERTERS
    }
    return not_text, custom


_URL_VALUE_NAMES = frozenset(
    {
        "slug",
        "pk",
        "id",
        "uuid",
        "username",
        "name",
        "year",
        "month",
        "day",
        "page",
        "token",
        "key",
        "code",
        "path",
        "url",
        "category",
        "tag",
        "lang",
        "language",
        "format",
        "q",
        "query",
        "term",
        "search",
        "filename",
        "title",
        "section",
        "kind",
        "type",
        "status",
        "sort",
        "order",
        "email",
        "uidb64",
        "lookup",
        "version",
        "handle",
        "label",
        "file",
        "filepath",
        "dir",
        "folder",
        "keyword",
        "word",
        "text",
        "msg",
        "message",
        "host",
        "domain",
        "ip",
        "address",
        "hash",
        "ref",
        "number",
        "num",
        "date",
        "value",
        "param",
        "arg",
        "next",
        "city",
        "country",
    }
)
_URL_VALUE_SUFFIXES = ("_id", "_pk", "_slug", "_name", "_uuid", "_key", "_token", "_code", "_path")
#: `pid`, `uid`, `cid`: an id under a short name.
_SHORT_ID = re.compile(r"[a-z]{1,3}id")


def _looks_like_url_value(name: str) -> bool:
    """Django URL kwargs are named like the values they hold (`slug`, `post_id`, `pid`); helpers that share
    the `(request, ...)` signature take objects (`form`, `context`, `f`)."""
    return name in _URL_VALUE_NAMES or name.endswith(_URL_VALUE_SUFFIXES) or _SHORT_ID.fullmatch(name) is not None


def is_request_object_param(module: Module, function: Function, name: str) -> bool:
    if name in REQUEST_NAMES:
        return True
    if name == "self" and function.class_name:
        return (
            request_handler_method(module, function)
            or tornado_handler_method(module, function)
            or _view_holding_request(module, function)
        )
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if function.params[:1] == [name] and _chalice_http_middleware(module, node):
        return True  # `@app.middleware("http") def log(event, get_response)`: the event is the request
    for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs):
        if arg.arg == name and arg.annotation is not None:
            annotation = arg.annotation
            if isinstance(annotation, ast.Subscript):
                annotation = annotation.value  # `Request[User, Token, Any]`, `ASGIConnection[...]`
            return module.qualified_name(annotation, function) in REQUEST_CLASSES
    return False


def _chalice_http_middleware(module: Module, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """`@app.middleware("http")` of a Chalice app: handed the request, then the next handler."""
    return module.imports_any("chalice") and any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr == "middleware"
        and [a.value for a in d.args[:1] if isinstance(a, ast.Constant)] in (["http"], ["all"])
        for d in node.decorator_list
    )


#: Class-based views whose verb methods take the request, then the URL's variables.
_CLASS_VIEWS = frozenset({"sanic.views.HTTPMethodView", "sanic.HTTPMethodView"})
_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})


def _class_view_method(module: Module, function: Function) -> bool:
    """`get(self, request, name)` of a class built on Sanic's `HTTPMethodView`."""
    if function.name not in _VERBS or function.params[1:2] != ["request"]:
        return False
    return _method_of_class_on(module, function, _CLASS_VIEWS)


#: Class-based views that keep the request they answer in `self.request`.
_REQUEST_HOLDING_VIEWS = frozenset({"aiohttp.web.View", "aiohttp.web_urldispatcher.View", "aiohttp.web_views.View"})


def _view_holding_request(module: Module, function: Function) -> bool:
    """A method of a class built on aiohttp's `web.View`, whose `self.request` is the request it answers."""
    return _method_of_class_on(module, function, _REQUEST_HOLDING_VIEWS)


#: Where Django's and Django REST framework's class-based views come from.
_DJANGO_VIEW_PACKAGES = ("django.views.", "django.contrib.auth.views.", "rest_framework.")


def django_view_method(module: Module, function: Function) -> bool:
    """A method of a Django or DRF class-based view (`ListView`, `FormView`, `APIView`, a view of the project
    built on one), whose `self.request` is the request it answers."""
    if not function.class_name or not module.imports_any("django", "rest_framework"):
        return False
    cls = module.classes.get(function.qualname.rsplit(".", 1)[0])
    return cls is not None and any(
        base.startswith(_DJANGO_VIEW_PACKAGES) or last(base).endswith(("View", "ViewSet")) for base in cls.bases
    )


#: Resource classes of Flask-RESTful and Flask-RESTX, whose verb methods answer the routes the class is given.
_RESOURCES = frozenset({"flask_restx.Resource", "flask_restful.Resource", "flask_restplus.Resource"})


def resource_method(module: Module, function: Function) -> bool:
    """A verb method (`get`, `post`, ...) of a Flask-RESTful or Flask-RESTX `Resource` class: what it returns
    is the answer sent to the client."""
    return function.name in _VERBS and _method_of_class_on(module, function, _RESOURCES)


def api_error_handler(module: Module, function: Function) -> bool:
    """`handle_error(self, e)` of the project's subclass of a Flask-RESTful or Flask-RESTX `Api`: what it
    returns is the answer to any exception a resource raised."""
    return function.name == "handle_error" and _method_of_class_on(module, function, flask.RESOURCE_APIS)


def _resource_rules(module: Module, function: Function) -> list[str]:
    """The rules of `@ns.route(...)` on the `Resource` class whose verb method the function is."""
    if not resource_method(module, function):
        return []
    cls = module.classes[function.qualname.rsplit(".", 1)[0]]
    return [rule for _, _, rules in class_routes(cls) for rule in rules]


#: Django Ninja's authentication classes: `authenticate(self, request, ...)` is given what the client sent.
_NINJA_AUTH = frozenset(
    f"{package}.{name}"
    for package in ("ninja.security", "ninja")
    for name in ("HttpBearer", "APIKeyHeader", "APIKeyCookie", "APIKeyQuery", "HttpBasicAuth")
)
#: What makes a Flask-RESTX (or Flask-RESTPlus) namespace or API object.
_RESTX_OBJECTS = frozenset(
    {"flask_restx.Namespace", "flask_restx.Api", "flask_restplus.Namespace", "flask_restplus.Api"}
)


def restx_namespace(module: Module, node: ast.expr) -> bool:
    """A name the module binds, at its top level, to a Flask-RESTX `Namespace(...)` or `Api(...)`."""
    if not isinstance(node, ast.Name):
        return False
    made = module.assignments.get(node.id, ())
    return len(made) == 1 and isinstance(made[0], ast.Call) and module.qualified_name(made[0].func) in _RESTX_OBJECTS


def _method_of_class_on(module: Module, function: Function, bases: frozenset[str]) -> bool:
    """The function is a method of a class of the module built directly on one of `bases`."""
    cls = module.classes.get(function.qualname.rsplit(".", 1)[0]) if function.class_name else None
    return cls is not None and bool(bases & set(cls.bases))


#: Libraries whose resolvers receive a GraphQL query's arguments as parameters.
_GRAPHQL_LIBRARIES = ("graphene", "strawberry", "ariadne", "graphql")
#: Decorators that make a function a resolver whatever its parameters are called.
_GRAPHQL_FIELD_DECORATORS = frozenset({"field", "mutation", "subscription"})


def _graphql_resolver(module: Module, function: Function) -> bool:
    """A resolver of a GraphQL library: `resolve_<field>(root, info, ...)` / `mutate(root, info, ...)`
    (Graphene, Ariadne), any function taking `info` second, or a method decorated `@strawberry.field` /
    `@strawberry.mutation`."""
    if not module.imports_any(*_GRAPHQL_LIBRARIES):
        return False
    if function.params[1:2] == ["info"]:
        return True
    return any(
        (module.qualified_name(deco.func if isinstance(deco, ast.Call) else deco, function) or "").startswith(
            "strawberry."
        )
        and last_name(deco.func if isinstance(deco, ast.Call) else deco) in _GRAPHQL_FIELD_DECORATORS
        for deco in getattr(function.node, "decorator_list", [])
    )


#: Methods of a Django Channels consumer that are handed a client's WebSocket message.
_CONSUMER_RECEIVERS = frozenset({"receive", "receive_json", "websocket_receive"})


#: What a Dash callback reads from the page: the values of these components are its parameters.
_DASH_INPUTS = frozenset({"dash.Input", "dash.State", "dash.dependencies.Input", "dash.dependencies.State"})


def _dash_callback(module: Module, function: Function) -> bool:
    """A function registered by `@app.callback(...)` or `@dash.callback(...)` with the page's `Input`s and
    `State`s (also given as lists, or as `inputs=`/`state=`)."""
    if not module.imports_any("dash"):
        return False
    for deco in getattr(function.node, "decorator_list", []):
        if not isinstance(deco, ast.Call):
            continue
        if not (isinstance(deco.func, ast.Attribute) and deco.func.attr == "callback") and (
            module.qualified_name(deco.func, function) != "dash.callback"
        ):
            continue
        given = [*deco.args, *(k.value for k in deco.keywords)]
        for item in given:
            items = item.elts if isinstance(item, (ast.List, ast.Tuple)) else [item]
            if any(isinstance(e, ast.Call) and module.qualified_name(e.func, function) in _DASH_INPUTS for e in items):
                return True
    return False


def _consumer_receiver(module: Module, function: Function) -> bool:
    """`receive`/`receive_json` of a class built on a Channels consumer (`AsyncJsonWebsocketConsumer`), also
    through the project's own base (`class ChatConsumer(BaseConsumer)` in a module that imports channels)."""
    if function.name not in _CONSUMER_RECEIVERS or not function.class_name or not module.imports_any("channels"):
        return False
    owner = module.classes.get(function.qualname.rsplit(".", 1)[0])
    return owner is not None and any(last(base).endswith("Consumer") for base in owner.bases)


def _falcon_responder(module: Module, function: Function) -> bool:
    from secpat.frameworks import falcon

    return falcon.responder(module, function)


def _tornado_verb_method(module: Module, function: Function) -> bool:
    from secpat.frameworks import tornado

    return tornado.verb_method(module, function)


def lambda_handler(function: Function) -> bool:
    from secpat.frameworks.awslambda import is_handler

    return is_handler(function)


def lambda_http_handler(function: Function) -> bool:
    """A Lambda handler behind API Gateway or a function URL: its event is an HTTP request."""
    from secpat.frameworks.awslambda import is_handler, serves_http

    return is_handler(function) and serves_http(function)


def whole_event_part(function: Function, container: ast.expr, key: object) -> bool:
    """`event["headers"]`, `event.get("body")` in a Lambda handler: all headers, the whole body."""
    from secpat.frameworks.awslambda import WHOLE_PARTS

    return (
        isinstance(container, ast.Name) and container.id == "event" and key in WHOLE_PARTS and lambda_handler(function)
    )


def request_handler_method(module: Module, function: Function) -> bool:
    """A method of an `http.server` handler class, whose `self` is the request."""
    from secpat.frameworks.httpserver import handler_class

    return (
        bool(function.class_name)
        and module.imports_any("http.server")
        and handler_class(module, module.classes.get(function.qualname.rsplit(".", 1)[0]))
    )


def tornado_handler_method(module: Module, function: Function) -> bool:
    """A method of a Tornado `RequestHandler`, whose `self` is the request."""
    from secpat.frameworks import tornado

    return tornado.handler_method(module, function)


def route_framework(module: Module, function: Function) -> str | None:
    """The framework whose route decorator registers the function: 'flask', 'fastapi', 'aiohttp' ...

    The decorated object decides (`app = Flask(...)`, `router = APIRouter()`); when it is
    defined elsewhere, the module's imports do.
    """
    if any(decorator in appbuilder.EXPOSE for decorator in function.decorators):
        return "flask"  # a Flask-AppBuilder view method: its class is a blueprint
    for decorator in function.decorators:
        base, _, method = decorator.rpartition(".")
        if method not in _ROUTE_METHODS or not base:
            continue
        for value in module.assignments.get(base, ()):
            if isinstance(value, ast.Call):
                owner = known.owners().get(module.qualified_name(value.func) or "")
                if owner:
                    return owner[0]
        for framework in known.frameworks():
            if method in framework.route_decorators and module.imports_any(*framework.roots):
                return framework.kind
    return None


def _annotated_with(module: Module, function: Function, annotation: ast.expr | None, calls: frozenset[str]) -> bool:
    """`Annotated[str, Header()]`, also through an alias (`Events = Annotated[EventService, Depends(...)]`)."""
    annotation = module.type_alias(annotation)
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple):
        for meta in annotation.slice.elts[1:]:
            if isinstance(meta, ast.Call) and module.qualified_name(meta.func, function) in calls:
                return True
    return False


def _annotated_class(module: Module, function: Function, annotation: ast.expr | None) -> str | None:
    """The qualified name of the class a parameter is annotated with: `Form` or `Annotated[Form, Depends()]`."""
    annotation = module.type_alias(annotation)
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple) and annotation.slice.elts:
        if (module.qualified_name(annotation.value, function) or "").endswith("Annotated"):
            annotation = annotation.slice.elts[0]
    if not isinstance(annotation, (ast.Name, ast.Attribute)):
        return None
    return module.qualified_name(annotation, function)


def last_name(node: ast.expr | None) -> str | None:
    """`Request` for `starlette.requests.Request`, `Optional[Request]`, `Request`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return last_name(node.value)
    return None


#: Werkzeug converters whose value never holds a `/`; any other (`path`, a custom one, Bottle's `re`) may span
#: segments.
_ONE_SEGMENT_CONVERTERS = frozenset({"string", "int", "float", "uuid", "any"})
CLIENT_TEXT = "\0"  # stands for what the client picks in a path template


def flask_path_templates(module: Module, function: Function) -> list[tuple[str, str]] | None:
    """The request paths a Flask view can see, as templates with `CLIENT_TEXT` for the client's part.

    Each route gives a pair of templates: its least text, and one where every part that may hold slashes (a `path`
    converter, the prefix a blueprint is mounted under) holds more of them than the rule has, so that a segment
    counted across such a part differs between the two. None when a route's rule is not a literal."""
    if route_framework(module, function) != "flask":
        return None
    templates: list[tuple[str, str]] = []
    pattern = _BOTTLE_VARIABLE if _bottle_rules(module) else _URL_VARIABLE
    for owner, rule in _route_rules(function):
        if rule is None or CLIENT_TEXT in rule:
            return None
        stretch = "/".join([CLIENT_TEXT] * (rule.count("/") + 3))

        def fill(match: re.Match[str], stretch: str = stretch) -> str:
            return CLIENT_TEXT if (match["converter"] or "string") in _ONE_SEGMENT_CONVERTERS else stretch

        prefix = "" if owner is None or _decorates_app(module, function, owner) else "/" + stretch
        templates.append((pattern.sub(lambda m: CLIENT_TEXT, rule), prefix + pattern.sub(fill, rule)))
    return templates or None


def _decorates_app(module: Module, function: Function, target: ast.expr) -> bool:
    """`@app.route` on the application itself: its rules are the whole path (a blueprint's get a prefix)."""
    if not isinstance(target, ast.Name):
        return False
    values = module.assignments.get(target.id, ())
    return (
        len(values) == 1
        and isinstance(values[0], ast.Call)
        and known.owners().get(module.qualified_name(values[0].func, function) or "", ("", ""))[1] == "app"
    )
