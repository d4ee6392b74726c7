"""Connexion: routes declared in an OpenAPI (or Swagger 2) document, each naming the Python function that
answers it by `operationId`.

The app is `connexion.App(__name__)` (also `FlaskApp`, `AsyncApp`); `app.add_api("openapi.yml",
base_path="/api")` serves a document's routes under its base path. A document's path items are read with
their methods and `operationId`s (`api.users.login`, or a bare function name under
`x-openapi-router-controller: api.users`); Swagger 2's `basePath` prefixes them. The functions are Flask views
in every other respect: they read `flask.request` / `connexion.request`, and their view facts come from the
Flask record.

The document is read line by line as YAML or pretty-printed JSON (one key per line, nested by indentation);
it is never loaded as data, so anchors, merges and references are not followed. The parameters Connexion
passes to an operation (path, query and body fields) are the client's where they become SQL (SQL002 joins
them with the document's routes at the project stage). Partial: the other rules' data flow, which runs per
file, does not take them for request input; it follows what the function reads from the request itself.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from posixpath import basename

from secpat.frameworks.facts import ALIAS, MOUNT, OWNER, AliasFact, MountFact, OwnerFact, RouteFact
from secpat.frameworks.record import HTML_IF_SAID, Framework
from secpat.frameworks.syntax import object_name, owner_of, string
from secpat.model.module import Module

FRAMEWORK = Framework(
    name="connexion",
    title="Connexion",
    roots=("connexion",),
    apps=("connexion.App", "connexion.FlaskApp", "connexion.AsyncApp", "connexion.apps.flask.FlaskApp"),
    request_objects=("connexion.request",),
    responses=(("connexion.lifecycle.ConnexionResponse", HTML_IF_SAID),),
    # `problem(500, "Error", detail=str(e))`, `ConnexionResponse(body=...)`: what the client is sent.
    answers=("connexion.problem", "connexion.lifecycle.ConnexionResponse"),
    csrf=("as for Flask: Flask-WTF's CSRFProtect on the app Connexion wraps",),
    limits=("as for Flask: flask-limiter on the wrapped app or the operation",),
    sessions=("as for Flask: the wrapped app's session cookie",),
    family="flask",
)

#: The owner name of a document's routes: the mount that `add_api()` writes names the same child.
DOCUMENT_PREFIX = "openapi:"

_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
#: `key: value` in YAML or `"key": value,` in JSON, with its indentation.
_KEY = re.compile(
    r"""^(?P<indent>[ \t]*)(?:-\s+)?(?P<quote>["']?)(?P<key>[^"'#:\s{}\[\]][^"'#:]*?)(?P=quote)"""
    r"""\s*:(?:\s+|$)(?P<value>.*)$"""
)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    function: str  # dotted name of the Python function that answers it
    line: int


def facts(module: Module) -> list[tuple[str, object]]:
    """The Connexion apps of a module, and the documents each serves (`app.add_api("spec.yml")`)."""
    if not module.imports_any("connexion"):
        return []
    found: list[tuple[str, object]] = []
    apps: set[str] = set()
    for call in module.calls:
        if (call.callee or "") in FRAMEWORK.apps:
            name = owner_of(module, call)
            if name:
                apps.add(name)
                found.append((OWNER, OwnerFact(FRAMEWORK.name, "app", name, "", module.path, call.node.lineno)))
    # `flask_app = app.app`: the Flask app Connexion wraps, where blueprints of pages are registered, is the app.
    for node in module.nodes:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "app"
        ):
            scope = module.function_at(node.lineno) or module.module_function
            wrapper = object_name(module, node.value.value, scope)
            alias = object_name(module, node.targets[0], scope)
            if wrapper in apps and alias and alias != wrapper:
                found.append((ALIAS, AliasFact(alias, wrapper)))
    for call in module.calls:
        if call.method != "add_api" or call.receiver is None or not call.node.args:
            continue
        parent = object_name(module, call.receiver, call.scope)
        document = string(call.node.args[0])
        if parent in apps and document:
            prefix = (string(call.arg(keyword="base_path")) or "").rstrip("/")
            child = DOCUMENT_PREFIX + basename(document)
            found.append((MOUNT, MountFact(FRAMEWORK.name, parent, child, prefix, module.path, call.node.lineno)))
    return found


def document_routes(path: str, text: str) -> list[RouteFact]:
    """The routes of an OpenAPI document whose operations name Python functions; none for other files."""
    if "operationId" not in text or not ("paths" in text and ("openapi" in text or "swagger" in text)):
        return []
    owner = DOCUMENT_PREFIX + basename(path)
    return [
        RouteFact(FRAMEWORK.name, owner, op.path, (op.method.upper(),), op.function, path, op.line)
        for op in operations(text)
    ]


def operations(text: str) -> list[Operation]:
    """Every operation of the document with a dotted `operationId` (or a controller that makes one dotted)."""
    found: list[Operation] = []
    base = ""
    paths_indent = -1  # the indentation of the `paths:` key while inside its block
    path, path_indent = "", -1
    method, method_indent = "", -1
    controllers: list[tuple[int, str]] = []  # (indent, controller) of the path item and operation in force
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY.match(line)
        if match is None:
            continue
        indent = len(match["indent"].expandtabs(2))
        key, value = match["key"].strip(), _scalar(match["value"])
        # a controller applies to the keys beside it and below it: the path item's methods, or the operation's
        controllers = [(i, c) for i, c in controllers if i <= indent]
        if indent <= paths_indent:
            paths_indent = -1
        if indent <= path_indent:
            path, path_indent, method, method_indent = "", -1, "", -1
        elif indent <= method_indent:
            method, method_indent = "", -1
        if key == "basePath" and paths_indent < 0 and value.startswith("/"):
            base = value.rstrip("/")
        elif key == "paths" and not value:
            paths_indent = indent
        elif key.startswith("/") and not path and paths_indent >= 0:
            path, path_indent = key, indent
        elif path and not method and key.lower() in _METHODS:
            method, method_indent = key.lower(), indent
        elif key == "x-openapi-router-controller" and path and value:
            controllers.append((indent, value))
        elif key == "operationId" and method and value:
            controller = controllers[-1][1] if controllers else ""
            function = f"{controller}.{value}" if controller else value
            if "." in function:
                found.append(Operation(method, base + path, function, number))
    return found


def _scalar(text: str) -> str:
    """`"api.users.login",` → `api.users.login`; a nested block (`{`, `[`, nothing) → ""."""
    text = text.split(" #", 1)[0].strip().rstrip(",").strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return "" if text[:1] in ("{", "[", "|", ">", "&", "*") else text
