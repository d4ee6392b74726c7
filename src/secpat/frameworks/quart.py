"""Quart: Flask's API over asyncio. Its record names Quart's objects; its routes, blueprints, sessions and
protections are Flask's, read by `flask.facts` from this record's names and filed as Flask facts
(`family="flask"`), so the project stage and the rules judge a Quart app as they judge a Flask one.
"""

from __future__ import annotations

from secpat.frameworks.record import HTML_BY_DEFAULT, Framework

FRAMEWORK = Framework(
    name="quart",
    title="Quart",
    family="flask",
    roots=("quart", "quart_wtf", "quart_rate_limiter"),
    apps=("quart.Quart",),
    routers=("quart.Blueprint",),
    route_decorators=("route", "get", "post", "put", "patch", "delete", "head", "options", "websocket"),
    mount_prefix="replace",
    request_objects=("quart.request",),
    request_classes=("quart.Request", "quart.wrappers.Request"),
    input_attributes=(
        "args",
        "form",
        "values",
        "json",
        "cookies",
        "headers",
        "data",
        "files",
        "view_args",
        "full_path",
        "path",
        "url",
        "base_url",
        "query_string",
        "authorization",
        "referrer",
        "user_agent",
        "host",
    ),
    input_methods=("get_json", "get_data", "json", "form"),
    responses=(("quart.make_response", HTML_BY_DEFAULT), ("quart.Response", HTML_BY_DEFAULT)),
    body_keywords=("response",),
    json_responses=("jsonify",),
    renderers=("render_template", "stream_template"),
    page_renderers=("quart.render_template", "quart.templating.render_template"),
    template_strings=("quart.render_template_string", "quart.templating.render_template_string"),
    tuple_responses=("quart.make_response",),
    answers=("quart.jsonify",),
    csrf=("Quart-WTF `CSRFProtect`", "a view that validates a `QuartForm`", "a `before_request` CSRF check"),
    limits=("quart-rate-limiter",),
    sessions=("`quart.session`",),
    session_objects=("quart.session",),
    request_globals=("quart.g",),
    limit_exemptions=("quart_rate_limiter.rate_exempt",),
)
