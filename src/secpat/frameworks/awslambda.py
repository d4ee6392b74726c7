"""AWS Lambda functions behind API Gateway or a function URL.

A handler is a module-level function taking `(event, context)`: the event is the
request (query string, path parameters, headers, cookies, body). It answers
with a dict; `"body"` is HTML when its `"headers"` say `text/html`. Partial:
the path a handler serves lives in the deployment's configuration, not in the
code, so Lambda handlers have no routes (no RATE or CSRF judgement).
"""

from __future__ import annotations

import ast

from secpat.frameworks import header_value
from secpat.frameworks.record import HANDLERS, Framework
from secpat.model.module import Function, literal_value

FRAMEWORK = Framework(
    name="lambda",
    title="AWS Lambda (API Gateway, function URLs)",
    roots=("aws_lambda_powertools",),
    routing=HANDLERS,
    csrf=("none: a Lambda handler has no routes secpat can read",),
)

EVENT_PARAMETERS = ["event", "context"]


def is_handler(function: Function) -> bool:
    """A module-level `def handler(event, context)` (any name: the deployment names it)."""
    return function.parent is not None and function.parent.is_module and not function.class_name \
        and function.params[:2] == EVENT_PARAMETERS and len(function.params) == 2


def html_body(answer: ast.Dict) -> ast.expr | None:
    """The `"body"` of an answer whose headers say HTML: `{"headers": {"Content-Type": "text/html"}, "body": b}`."""
    entries = {literal_value(k): v for k, v in zip(answer.keys, answer.values) if k is not None}
    kind = header_value(entries.get("headers"), "Content-Type")
    return entries.get("body") if kind is not None and "html" in kind.lower() else None
