"""Tornado: an `Application` routes URL patterns to `RequestHandler` classes, one method per HTTP verb.

A handler's `self` is the request: `self.get_argument("q")`, `self.get_cookie("x")` and
`self.request.body` / `.arguments` / `.headers` hold what the client sent, and the groups of the URL
pattern are the positional parameters of `get(self, name)`. `self.write(text)` and `self.finish(text)`
answer HTML unless the handler sets another content type (a dict is sent as JSON). Routes come from the
handler list an `Application(...)` or `add_handlers(...)` is given: `(r"/user/(\\w+)", UserHandler)` and
`url(r"/x", XHandler, name="x")`; a module-level handler list or settings dict kept for an app another
module makes (or a subclass of `Application`) belongs to the project's one Tornado app.

Templates rendered with `self.render("page.html", name=...)` are linked to the handler like other
renders (`{% raw name %}` and `{% autoescape None %}` are read by the template rules, and
`Application(autoescape=None)` by XSS003). A handler list the module's own function returns
(`Application(routes())`) is read. Partial: a handler list built in a loop, or returned by another module's
function, is not; `get_signed_cookie()` is the server's own signed value and not client text.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import (
    ANY_CHILD,
    OWNER,
    PROTECTION,
    ROUTE,
    SESSION,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SessionFact,
)
from secpat.frameworks.record import Framework
from secpat.frameworks.syntax import bound_value, derives_from, object_name, owner_of, string
from secpat.model.module import Call, ClassInfo, Function, Module

#: `self.get_argument("password")`: the handler reads the named field.
FIELD_READERS = (
    "get_argument",
    "get_arguments",
    "get_query_argument",
    "get_query_arguments",
    "get_body_argument",
    "get_body_arguments",
)

FRAMEWORK = Framework(
    name="tornado",
    title="Tornado",
    roots=("tornado",),
    apps=("tornado.web.Application",),
    request_classes=("tornado.web.RequestHandler", "tornado.websocket.WebSocketHandler"),
    input_attributes=(
        "arguments",
        "query_arguments",
        "body_arguments",
        "files",
        "headers",
        "uri",
        "path",
        "query",
        "cookies",
        "body",
        "host",
    ),
    input_methods=(*FIELD_READERS, "get_cookie", "decode_argument", "full_url"),
    debug_switches=(("tornado.web.Application", "debug"),),
    csrf=("`xsrf_cookies=True` in the application's settings",),
    limits=("a limit called in the handler",),
    sessions=("a signed cookie (`set_signed_cookie`, `set_secure_cookie`) read back by `get_current_user`",),
)

VERBS = ("get", "post", "put", "patch", "delete", "head")
#: Handler methods that read or write the signed cookie an app keeps its user in.
_SIGNED_COOKIES = frozenset({"get_secure_cookie", "get_signed_cookie", "set_secure_cookie", "set_signed_cookie"})
_ROUTE_HELPERS = frozenset({"tornado.web.url", "tornado.routing.URLSpec", "tornado.web.URLSpec"})


def handler_class(module: Module, info: ClassInfo | None) -> bool:
    """A subclass of Tornado's `RequestHandler`, through this module's classes; or a class built on a base
    named for a handler (`BaseHandler`), imported from Tornado's module or the project's, that defines a verb
    method or a handler hook and calls Tornado's handler methods on `self` (`self.get_argument`, `self.write`):
    a handler module often imports nothing of Tornado but the project's base handler."""
    if info is None:
        return False
    known = module.analyses.setdefault("tornado-handler-classes", {})
    if id(info) not in known:
        tornado = module.imports_any("tornado")
        project_base = any(
            base.rsplit(".", 1)[-1].endswith("Handler") and (tornado or base.split(".", 1)[0] in module.project_roots)
            for base in info.bases
        )
        known[id(info)] = (tornado and derives_from(module, info, FRAMEWORK.request_classes)) or (
            project_base and any(m in info.methods for m in (*VERBS, *_HOOKS)) and _uses_tornado_api(info)
        )
    return bool(known[id(info)])


#: Methods of Tornado's `RequestHandler` a base handler class overrides for the handlers built on it.
_HOOKS = ("options", "prepare", "write_error", "set_default_headers", "on_finish", "get_current_user")
#: Methods of Tornado's `RequestHandler` a handler calls on `self`.
_HANDLER_API = frozenset(
    {"get_argument", "get_arguments", "get_body_argument", "get_query_argument", "write", "render", "finish",
     "redirect", "set_status", "set_header", "get_cookie", "set_cookie", "get_secure_cookie", "set_secure_cookie",
     "get_signed_cookie", "set_signed_cookie", "clear_cookie", "send_error", "render_string", "xsrf_form_html"}
)  # fmt: skip


def _uses_tornado_api(info: ClassInfo) -> bool:
    node = info.node
    return any(
        isinstance(n, ast.Attribute)
        and n.attr in _HANDLER_API
        and isinstance(n.value, ast.Name)
        and n.value.id == "self"
        for n in ast.walk(node)
    )


def handler_method(module: Module, function: Function) -> bool:
    """A method of a Tornado handler class, whose `self` is the request."""
    if not function.class_name:
        return False
    return handler_class(module, module.classes.get(function.qualname.rsplit(".", 1)[0]))


def verb_method(module: Module, function: Function) -> bool:
    """`get(self, name)`: a verb method of a handler, whose other parameters are the URL pattern's groups."""
    return function.name in VERBS and handler_method(module, function)


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("tornado"):
        return []
    found: list[tuple[str, object]] = []
    read: set[int] = set()  # the handler lists read at an `Application(...)` call
    for call in module.calls:
        if call.callee in FRAMEWORK.apps:
            name = owner_of(module, call) or f"{module.module_name}.<tornado app {call.node.lineno}>"
            found.append((OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, call.node.lineno)))
            found.extend(_routes(module, call.scope, name, call.arg(0, "handlers"), read))
            if _switched_on(module, call, "xsrf_cookies", read):
                found.append((PROTECTION, ProtectionFact("xsrf_cookies", name, module.path, call.node.lineno)))
        elif call.method == "add_handlers" and call.receiver is not None:
            owner = object_name(module, call.receiver, call.scope) or ""
            found.extend(_routes(module, call.scope, owner, call.arg(1, "host_handlers"), read))
        elif call.method in _SIGNED_COOKIES and isinstance(call.receiver, ast.Name) and call.receiver.id == "self":
            if not any(kind == SESSION for kind, _ in found):
                found.append((SESSION, SessionFact(FRAMEWORK.name, f"{call.method}()", module.path, call.node.lineno)))
    for info in module.classes.values():
        if any(base in FRAMEWORK.apps for base in info.bases):
            # `class Flower(tornado.web.Application)`: the app, whatever handlers its `__init__` passes on.
            name = f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname
            found.append((OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, info.line)))
    for statement in module.tree.body:
        # `handlers = [(r"/x", XHandler), ...]` kept for an app another module makes: the project's one app's.
        if isinstance(statement, ast.Assign) and id(statement.value) not in read:
            found.extend(_routes(module, module.module_function, ANY_CHILD, statement.value, read))
    for node in ast.walk(module.tree):
        # `settings = dict(xsrf_cookies=True, ...)` kept for an app made elsewhere (`Application(**self.settings)`).
        if (
            isinstance(node, (ast.Dict, ast.Call))
            and id(node) not in read
            and _settings_switch(module, node, "xsrf_cookies")
        ):
            found.append((PROTECTION, ProtectionFact("xsrf_cookies", ANY_CHILD, module.path, node.lineno)))
            break
    return found


def _routes(
    module: Module, scope: Function, owner: str, handlers: ast.expr | None, read: set[int]
) -> list[tuple[str, object]]:
    """`[(r"/x", XHandler), (r"/y/(\\d+)", YHandler, {"db": db}), url(r"/z", ZHandler, name="z")]`, also
    through a name bound once to such a list."""
    handlers = bound_value(module, scope, handlers)
    if isinstance(handlers, ast.Call):
        # `Application(routes(), ...)`: the list the module's own function returns.
        maker = module.local_function(module.qualified_name(handlers.func, scope))
        if maker is not None and not maker.params:
            scope, handlers = maker, _returned_list(module, maker)
    if not isinstance(handlers, (ast.List, ast.Tuple)):
        return []
    read.add(id(handlers))
    found: list[tuple[str, object]] = []
    for entry in handlers.elts:
        if isinstance(entry, (ast.Tuple, ast.List)) and len(entry.elts) >= 2:
            pattern, handler = entry.elts[0], entry.elts[1]
        elif (
            isinstance(entry, ast.Call)
            and module.qualified_name(entry.func, scope) in _ROUTE_HELPERS
            and len(entry.args) >= 2
        ):
            pattern, handler = entry.args[0], entry.args[1]
        else:
            continue
        path = string(pattern)
        view = module.qualified_name(handler, scope) or object_name(module, handler, scope)
        if path is None or not path.startswith(("/", "^", ".*")) or not view:
            continue
        path = "/" + path.removeprefix("^").removesuffix("$").lstrip("/")
        found.append((ROUTE, RouteFact(FRAMEWORK.name, owner, path, (), view, module.path, entry.lineno)))
    return found


def _returned_list(module: Module, function: Function) -> ast.expr | None:
    """The list a function returns from its one `return`: a literal, or a name bound once to one."""
    returns = [n for n in ast.walk(function.node) if isinstance(n, ast.Return) and n.value is not None]
    return bound_value(module, function, returns[0].value) if len(returns) == 1 else None


def _switched_on(module: Module, call: Call, option: str, read: set[int]) -> bool:
    """`Application(handlers, xsrf_cookies=True)`, also in a settings dict passed as `**settings` (whose node
    goes into `read`)."""
    for keyword in call.node.keywords:
        if keyword.arg == option:
            return module.constant(keyword.value, None, call.scope) is True
        if keyword.arg is None:
            settings = bound_value(module, call.scope, keyword.value)
            if settings is not None:
                read.add(id(settings))
            if _settings_switch(module, settings, option):
                return True
    return False


def _settings_switch(module: Module, settings: ast.AST | None, option: str) -> bool:
    """`{"xsrf_cookies": True, ...}` or `dict(xsrf_cookies=True, ...)`."""
    if isinstance(settings, ast.Dict):
        return any(
            string(key) == option and module.constant(value) is True
            for key, value in zip(settings.keys, settings.values)
        )
    if isinstance(settings, ast.Call) and isinstance(settings.func, ast.Name) and settings.func.id == "dict":
        return any(k.arg == option and module.constant(k.value) is True for k in settings.keywords)
    return False
