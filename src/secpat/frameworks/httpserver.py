"""The standard library's `http.server`: a handler class answers every path, one `do_<VERB>` method per verb.

The paths a handler serves are read from its tests of the request path
(`if self.path == "/login":`, `parsed.path in ("/a", "/b")`,
`self.path.startswith("/api")`); a branch that hands the request to another
method of the class (`self.handle_login()`) is served by that method. A
`do_POST` that never tests the path serves `/*`. `self` is the request object:
`self.path`, `self.headers` and `self.rfile` hold what the client sent.

Partial: branches written inline in one `do_POST` share what that method does,
so a method serving a login and a comment form is judged as a whole.
"""

from __future__ import annotations

import ast

from secpat.frameworks.facts import OWNER, ROUTE, SESSION, OwnerFact, RouteFact, SessionFact
from secpat.frameworks.record import HANDLERS, Framework
from secpat.frameworks.syntax import derives_from
from secpat.model.module import ClassInfo, Module

FRAMEWORK = Framework(
    name="http.server",
    title="http.server (standard library)",
    roots=("http.server",),
    routing=HANDLERS,
    request_classes=(
        "http.server.BaseHTTPRequestHandler",
        "http.server.SimpleHTTPRequestHandler",
        "http.server.CGIHTTPRequestHandler",
    ),
    input_attributes=("path", "headers", "rfile", "requestline"),
    csrf=("a CSRF token checked in the handler",),
    limits=("a limit called in the handler",),
    sessions=("a `Cookie` header read or a `Set-Cookie` header sent",),
)

_VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


def handler_class(module: Module, info: ClassInfo | None) -> bool:
    """A subclass of one of `http.server`'s request handlers (through this module's classes too)."""
    return info is not None and derives_from(module, info, FRAMEWORK.request_classes)


def facts(module: Module) -> list[tuple[str, object]]:
    if not module.imports_any("http.server"):
        return []
    found: list[tuple[str, object]] = []
    for info in module.classes.values():
        if not handler_class(module, info):
            continue
        name = f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname
        found.append((OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, info.line)))
        for verb in _VERBS:
            method = info.methods.get(f"do_{verb}")
            if method is None:
                continue
            for path, served_by in _paths(method.node, set(info.methods)) or [("/*", "")]:
                view = f"{name}.{served_by or method.name}"
                found.append((ROUTE, RouteFact(FRAMEWORK.name, name, path, (verb,), view, module.path, method.line)))
        cookie = _cookie_line(info.node)
        if cookie:
            found.append((SESSION, SessionFact(FRAMEWORK.name, "cookie header", module.path, cookie)))
    return found


def _paths(node: ast.AST, methods: set[str]) -> list[tuple[str, str]]:
    """(path, method of the class that serves it, or "") for each path the body tests for."""
    found: dict[str, str] = {}
    for branch in ast.walk(node):
        if not isinstance(branch, ast.If):
            continue
        paths = _tested_paths(branch.test)
        if not paths:
            continue
        served_by = _handed_to(branch.body, methods)
        for path in paths:
            found.setdefault(path, served_by)
    return list(found.items())


def _tested_paths(test: ast.expr) -> list[str]:
    """`path == "/x"`, `"/x" == self.path`, `path in ("/a", "/b")`, `self.path.startswith("/x")`."""
    if isinstance(test, ast.BoolOp):
        return [p for value in test.values for p in _tested_paths(value)]
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.In)):
        left, right = test.left, test.comparators[0]
        if not (_names_path(left) or _names_path(right)):
            return []
        other = right if _names_path(left) else left
        values = other.elts if isinstance(other, (ast.Tuple, ast.List, ast.Set)) else [other]
        return [
            v.value
            for v in values
            if isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value.startswith("/")
        ]
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Attribute)
        and test.func.attr == "startswith"
        and _names_path(test.func.value)
        and test.args
    ):
        arg = test.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.startswith("/"):
            return [arg.value.rstrip("/") + "/*"]
    return []


def _names_path(node: ast.expr) -> bool:
    """`self.path`, `path`, `parsed.path`, `urlparse(self.path).path`, `route`."""
    if isinstance(node, ast.Attribute):
        return node.attr in ("path", "route")
    return isinstance(node, ast.Name) and node.id in ("path", "route", "url_path", "request_path")


def _handed_to(body: list[ast.stmt], methods: set[str]) -> str:
    """The first method of the class a branch calls on `self`, if the branch is a dispatch."""
    for statement in body[:2]:
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "self"
                and node.func.attr in methods
                and not node.func.attr.startswith("do_")
            ):
                return node.func.attr
    return ""


def _cookie_line(node: ast.ClassDef) -> int:
    """Where the handler sends or reads a cookie: `send_header("Set-Cookie", ...)`, `headers.get("Cookie")`."""
    for call in ast.walk(node):
        if (
            isinstance(call, ast.Call)
            and call.args
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in ("send_header", "get")
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and call.args[0].value.lower() in ("set-cookie", "cookie")
        ):
            return call.lineno
    return 0
