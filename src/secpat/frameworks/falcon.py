"""Falcon: resources whose responders (`on_get(self, req, resp, **params)`) take the request and the response.

The data flow of a responder is read: `req` is the request (`req.params`, `req.get_param(...)`, `req.media`,
headers and cookies are input), its parameters after `resp` are the URL's fields, and what it writes to
`resp.text` (`resp.body`, `resp.data`) is the page where it sets an HTML content type
(`resp.content_type = falcon.MEDIA_HTML`).

Routes come from `app.add_route("/items/{name}", ItemResource(), suffix="item")` on a `falcon.App` (or
`falcon.API`, `falcon.asgi.App`): the resource's `on_get` / `on_post` (with a suffix, `on_get_item`) answer
each verb. A limit or a login gate is a responder's or a resource's hook (`@falcon.before(rate_limit)`), or a
middleware of the app (`falcon.App(middleware=[RateLimiter()])`, `app.add_middleware(...)`) named for it.
Falcon has no CSRF protection of its own: a middleware named for CSRF, or a token checked in the responder,
protects an app that keeps its user in a cookie it sets (`resp.set_cookie("session", ...)`).

Partial: routes added in a loop over a table, or through a sink (`add_sink`), are not in the route table.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import MIDDLEWARE, OWNER, ROUTE, SESSION, MiddlewareFact, OwnerFact, RouteFact, SessionFact
from secpat.frameworks.record import RESOURCES, Framework
from secpat.frameworks.syntax import bound_value, names_auth_cookie, object_name, owner_of, string
from secpat.model.module import Call, ClassInfo, Function, Module

FRAMEWORK = Framework(
    name="falcon",
    title="Falcon",
    roots=("falcon",),
    apps=("falcon.App", "falcon.API", "falcon.asgi.App", "falcon.app.App"),
    routing=RESOURCES,
    request_classes=("falcon.Request", "falcon.request.Request", "falcon.asgi.Request"),
    input_attributes=("params", "media", "stream", "bounded_stream", "uri", "relative_uri"),
    input_methods=("get_param", "get_param_as_list", "get_media", "get_header"),
    csrf=("a middleware named for CSRF", "a token checked in the responder"),
    limits=("`@falcon.before(...)` hooks named for limits", "a limiting middleware", "a limit called in the responder"),
    sessions=('an authentication cookie the app sets (`resp.set_cookie("session", ...)`)',),
)

#: What a responder sets on its response to answer: the body as text, bytes or a document Falcon serialises.
BODY_ATTRIBUTES = frozenset({"text", "body", "data", "media"})

#: What a responder reads the body by: `req.get_media()` parses a form-encoded body as well as JSON, and the
#: stream is whatever the client sent, so another site's form can post to it.
ANY_BODY = frozenset({"get_media", "media", "stream", "bounded_stream"})

#: Hooks that run around a responder: `@falcon.before(hook)` reads like the hook itself used as a decorator.
HOOKS = frozenset({"falcon.before", "falcon.hooks.before", "falcon.after", "falcon.hooks.after"})

#: Where a responder sets the type of what it answers, and the values that make it HTML.
_HTML_TYPES = ("text/html", "falcon.MEDIA_HTML", "MEDIA_HTML")


def responder(module: Module, function: Function) -> bool:
    """`on_get(self, req, resp, ...)`, `on_post_item(...)` of a class in a module that uses Falcon."""
    return (
        bool(function.class_name)
        and function.name.startswith("on_")
        and len(function.params) >= 3
        and module.imports_any("falcon")
    )


def resource_class(module: Module, info: ClassInfo) -> bool:
    """A class with a responder (`on_get`, `on_post_item`) in a module that uses Falcon: its other methods are
    the responders' helpers, whose reads and checks are the route's."""
    return module.imports_any("falcon") and any(
        name.startswith("on_") and len(method.params) >= 3 for name, method in info.methods.items()
    )


def html_body_writes(function: Function) -> list[ast.Assign]:
    """`resp.text = ...` (or `.body`, `.data`) of a responder that sets an HTML content type on the same response."""
    response = function.params[2] if len(function.params) >= 3 else None
    assigns = [n for n in ast.walk(function.node) if isinstance(n, ast.Assign) and len(n.targets) == 1]

    def on_response(node: ast.Assign, attrs: tuple[str, ...]) -> bool:
        target = node.targets[0]
        return (
            isinstance(target, ast.Attribute)
            and target.attr in attrs
            and isinstance(target.value, ast.Name)
            and target.value.id == response
        )

    html = any(
        on_response(n, ("content_type",)) and any(t in ast.unparse(n.value) for t in _HTML_TYPES) for n in assigns
    )
    return [n for n in assigns if on_response(n, ("text", "body", "data"))] if html else []


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("falcon"):
        return []
    found: list[tuple[str, object]] = []
    for call in module.calls:
        line = call.node.lineno
        if call.callee in FRAMEWORK.apps:
            name = owner_of(module, call) or f"{module.module_name}.<falcon app {line}>"
            found.append((OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, line)))
            middleware = bound_value(module, call.scope, call.arg(keyword="middleware"))
            elements = middleware.elts if isinstance(middleware, (ast.List, ast.Tuple)) else []
            found.extend(_middleware(module, call, name, element) for element in elements)
        elif call.receiver is None:
            continue
        elif call.method == "add_route" and len(call.node.args) >= 2:
            route = _route(module, call)
            if route is not None:
                found.append((ROUTE, route))
        elif call.method == "add_middleware" and call.node.args:
            owner = object_name(module, call.receiver, call.scope) or ""
            found.append(_middleware(module, call, owner, call.node.args[0]))
        elif call.method == "set_cookie" and names_auth_cookie(module, call.arg(0, "name")):
            found.append((SESSION, SessionFact(FRAMEWORK.name, "set_cookie", module.path, line)))
    return found


def _route(module: Module, call: Call) -> RouteFact | None:
    """`app.add_route("/items/{item_id}", ItemResource(db), suffix="item")`; the resource may be a name bound
    once to the object."""
    path = module.constant(call.node.args[0], None, call.scope)  # `API + "/items"` with `API = "/api/v1"`
    resource = bound_value(module, call.scope, call.node.args[1])
    if not isinstance(path, str) or not isinstance(resource, ast.Call):
        return None
    view = module.qualified_name(resource.func, call.scope)
    if not view:
        return None
    suffix = string(call.arg(keyword="suffix")) or ""
    owner = object_name(module, call.receiver, call.scope) or ""
    return RouteFact(FRAMEWORK.name, owner, path, (), view, module.path, call.node.lineno, suffix=suffix)


def _middleware(module: Module, call: Call, owner: str, element: ast.expr) -> tuple[str, object]:
    """`RateLimitMiddleware(per_minute=30)` in the app's middleware list: known by its class's name."""
    target = element.func if isinstance(element, ast.Call) else element
    name = module.qualified_name(target, call.scope) or ast.unparse(target)
    return MIDDLEWARE, MiddlewareFact(FRAMEWORK.name, owner, name, (), module.path, element.lineno)


def responder_verbs(methods: tuple[str, ...], suffix: str) -> dict[str, str]:
    """{verb: method} a resource answers for a route: `on_get`, or `on_get_item` for the suffix `item`."""
    found: dict[str, str] = {}
    for method in methods:
        if not method.startswith("on_"):
            continue
        verb, _, rest = method[3:].partition("_")
        if rest == suffix and verb in ("get", "post", "put", "patch", "delete", "head", "options"):
            found[verb.upper()] = method
    return found
