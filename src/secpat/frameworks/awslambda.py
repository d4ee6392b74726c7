"""AWS Lambda functions behind API Gateway or a function URL.

A handler is a module-level function taking `(event, context)`: the event is the
request (query string, path parameters, headers, cookies, body). It answers
with a dict; `"body"` is HTML when its `"headers"` say `text/html`, and its
`"cookies"` or `Set-Cookie` header set cookies. Partial: the path a handler
serves lives in the deployment's configuration (`template.yaml`,
`serverless.yml`), which is not read, so Lambda handlers have no routes (no
RATE or CSRF judgement).
"""

from __future__ import annotations

import ast

from secpat.frameworks.record import HANDLERS, Framework
from secpat.frameworks.syntax import header_value
from secpat.model.module import Function, literal_value

FRAMEWORK = Framework(
    name="lambda",
    title="AWS Lambda (API Gateway, function URLs)",
    roots=("aws_lambda_powertools",),
    routing=HANDLERS,
    csrf=("none: a Lambda handler has no routes secpat can read",),
)

EVENT_PARAMETERS = ["event", "context"]
#: The parts of an event that hold everything of a kind, like a request's `headers` or `body`: the event
#: itself and these carry the caller's cookies and credentials whole.
WHOLE_PARTS = frozenset(
    {"headers", "multiValueHeaders", "cookies", "body", "queryStringParameters", "multiValueQueryStringParameters"}
)
#: Keys only an HTTP event has (API Gateway, function URLs, load balancers), not a queue's or a bucket's.
HTTP_PARTS = WHOLE_PARTS | {
    "pathParameters",
    "requestContext",
    "httpMethod",
    "rawPath",
    "rawQueryString",
    "path",
    "stageVariables",
}


def is_handler(function: Function) -> bool:
    """A module-level `def handler(event, context)` (any name: the deployment names it)."""
    return (
        function.parent is not None
        and function.parent.is_module
        and not function.class_name
        and function.params[:2] == EVENT_PARAMETERS
        and len(function.params) == 2
    )


def serves_http(function: Function) -> bool:
    """A handler that reads the HTTP parts of its event or answers with a `statusCode`: its event is a
    request. An SQS, S3 or EventBridge handler takes `(event, context)` too; its event is a record."""
    for node in ast.walk(function.node):
        if isinstance(node, ast.Subscript):
            container, key = node.value, node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
        ):
            container, key = node.func.value, node.args[0]
        else:
            continue
        if isinstance(container, ast.Name) and container.id == "event" and literal_value(key) in HTTP_PARTS:
            return True
    return any("statusCode" in _entries(answer) for answer in answers(function))


def answers(function: Function) -> list[ast.Dict]:
    """The answers a handler returns as dict displays: `return {"statusCode": 200, "body": ...}`."""
    return [
        node.value
        for node in ast.walk(function.node)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict)
    ]


def html_body(answer: ast.Dict) -> ast.expr | None:
    """The `"body"` of an answer whose headers say HTML: `{"headers": {"Content-Type": "text/html"}, "body": b}`."""
    entries = _entries(answer)
    kind = header_value(entries.get("headers"), "Content-Type")
    return entries.get("body") if kind is not None and "html" in kind.lower() else None


def cookies(answer: ast.Dict) -> list[ast.expr]:
    """The cookies an answer sets, each a `Set-Cookie` text: `"headers": {"Set-Cookie": c}`,
    `"multiValueHeaders": {"Set-Cookie": [c, ...]}` and (payload 2.0, function URLs) `"cookies": [c, ...]`."""
    entries = _entries(answer)
    found: list[ast.expr] = []
    for part in ("headers", "multiValueHeaders"):
        headers = entries.get(part)
        for key, value in zip(headers.keys, headers.values) if isinstance(headers, ast.Dict) else ():
            if key is not None and str(literal_value(key)).lower() == "set-cookie":
                found.extend(value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value])
    listed = entries.get("cookies")
    found.extend(listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else [])
    return found


def _entries(answer: ast.Dict) -> dict[object, ast.expr]:
    return {literal_value(k): v for k, v in zip(answer.keys, answer.values) if k is not None}
