"""AWS Chalice: an app (`app = Chalice(app_name=...)`) and blueprints (`Blueprint(__name__)`, registered with
`app.register_blueprint(bp, url_prefix=...)`) whose `@app.route("/path", methods=[...])` views read the request
from `app.current_request` (`json_body`, `query_params`, `uri_params`, `headers`, `raw_body`) and answer a dict
(JSON) or a `Response(body=..., headers=...)`, HTML where its headers say so. Its routes and blueprints follow
Flask's, read by `flask.facts` from this record's names (`family="flask"`). Chalice has no cookie session and no
CSRF check of its own: an app that signs users in by a cookie does both itself.
"""

from __future__ import annotations

from secpat.frameworks.record import HTML_IF_SAID, Framework

FRAMEWORK = Framework(
    name="chalice",
    title="AWS Chalice",
    family="flask",
    roots=("chalice",),
    apps=("chalice.Chalice", "chalice.app.Chalice"),
    routers=("chalice.Blueprint", "chalice.app.Blueprint"),
    route_decorators=("route",),
    # `app.current_request`: the request the view answers, an attribute of the app or blueprint object.
    input_attributes=("json_body", "query_params", "uri_params", "raw_body", "headers", "stage_vars"),
    responses=(("chalice.Response", HTML_IF_SAID), ("chalice.app.Response", HTML_IF_SAID)),
    body_keywords=("body",),
    error_answers=(
        "chalice.BadRequestError",
        "chalice.NotFoundError",
        "chalice.ConflictError",
        "chalice.ChaliceViewError",
        "chalice.UnauthorizedError",
        "chalice.ForbiddenError",
    ),
    csrf=("none of its own: a cookie-signed-in app checks its own token",),
    limits=("none of its own: a project decorator or a check in the view",),
    sessions=("none of its own",),
)
