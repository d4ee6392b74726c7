"""Falcon: resources whose responders (`on_get(self, req, resp, **params)`) take the request and the response.

The data flow of a responder is read: `req` is the request (`req.params`, `req.get_param(...)`, `req.media`,
headers and cookies are input), its parameters after `resp` are the URL's fields, and what it writes to
`resp.text` (`resp.body`, `resp.data`) is the page where it sets an HTML content type
(`resp.content_type = falcon.MEDIA_HTML`).

Partial: routes (`app.add_route("/items/{name}", ItemResource())`) are not in the route table, so rate limits
and CSRF are not judged for Falcon apps.
"""

from __future__ import annotations

import ast

from secpat.frameworks.record import RESOURCES, Framework
from secpat.model.module import Function, Module

FRAMEWORK = Framework(
    name="falcon",
    title="Falcon",
    roots=("falcon",),
    routing=RESOURCES,
    request_classes=("falcon.Request", "falcon.request.Request", "falcon.asgi.Request"),
    input_attributes=("params", "media", "stream", "bounded_stream", "uri", "relative_uri"),
    input_methods=("get_param", "get_param_as_list", "get_media", "get_header"),
    csrf=("not judged: routes are not read",),
    limits=("not judged: routes are not read",),
)

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
