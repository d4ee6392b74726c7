"""Bottle: a Flask-like micro framework in one module. Its record names Bottle's objects; its routes are read
by `flask.facts` with Flask's (`family="flask"`), so a Bottle view is judged as a Flask view is: URL variables
and `bottle.request`'s attributes are input, and a string a view returns is sent as HTML.

What differs is spelled out where it is read: routes also come from the module-level decorators
(`@route("/x")`, `@get`, `@post`, which register on the default app) and take `method="POST"`; URL
variables are written `<name>` and `<name:int>` (filter after the name); `template()` renders
SimpleTemplate, where `{{!x}}` is written unescaped; `run(debug=True)` and `debug(True)` show tracebacks
in error pages.
"""

from __future__ import annotations

from secpat.frameworks.record import HTML_BY_DEFAULT, Framework

FRAMEWORK = Framework(
    name="bottle",
    title="Bottle",
    family="flask",
    roots=("bottle",),
    apps=("bottle.Bottle",),
    route_decorators=("route", "get", "post", "put", "patch", "delete"),
    mount_prefix="replace",
    request_objects=("bottle.request",),
    request_classes=("bottle.BaseRequest", "bottle.LocalRequest", "bottle.Request"),
    input_attributes=(
        "query",
        "forms",
        "params",
        "GET",
        "POST",
        "json",
        "body",
        "cookies",
        "headers",
        "files",
        "url",
        "fullpath",
        "path",
        "query_string",
        "auth",
        "environ",
    ),
    input_methods=("get_cookie", "get_header"),
    responses=(("bottle.HTTPResponse", HTML_BY_DEFAULT),),
    body_keywords=("body",),
    renderers=("template",),
    template_strings=("bottle.template", "bottle.SimpleTemplate"),
    csrf=("a CSRF token checked in the view",),
    limits=("a limit called in the view",),
    sessions=("a signed cookie (`response.set_cookie(..., secret=...)`) read back to tell who the user is",),
)

#: The owner of the routes the module-level decorators register.
DEFAULT_APP = "bottle.<default app>"
#: Module-level route decorators: they register on Bottle's default app.
MODULE_ROUTES = frozenset(f"bottle.{name}" for name in FRAMEWORK.route_decorators)
#: `<name>`, `<name:int>`, `<name:re:[a-z]+>`: the filter follows the name.
URL_VARIABLE = r"<(?P<name>\w+)(?::(?P<converter>\w+)(?::[^>]*)?)?>"
