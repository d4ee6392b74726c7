import logging

from chalice import Chalice

from chalicelib import settings
from chalicelib.authorizers import authorizers
from chalicelib.blueprints.auth import auth_routes
from chalicelib.blueprints.console import console_routes
from chalicelib.blueprints.integrations import integration_routes
from chalicelib.blueprints.receipts import receipt_routes
from chalicelib.blueprints.reports import report_routes
from chalicelib.blueprints.rides import ride_routes
from chalicelib.blueprints.stations import station_routes
from chalicelib.jobs import jobs

app = Chalice(app_name="bikeshare-api")
app.debug = True
app.log.setLevel(getattr(logging, settings.LOG_LEVEL, logging.INFO))

app.register_blueprint(authorizers)
app.register_blueprint(auth_routes, url_prefix="/auth")
app.register_blueprint(station_routes)
app.register_blueprint(ride_routes)
app.register_blueprint(receipt_routes)
app.register_blueprint(console_routes, url_prefix="/console")
app.register_blueprint(report_routes, url_prefix="/reports")
app.register_blueprint(integration_routes)
app.register_blueprint(jobs)


@app.middleware("http")
def access_log(event, get_response):
    app.log.info("%s %s headers=%s", event.method, event.path, event.headers)
    response = get_response(event)
    app.log.info("%s %s -> %s", event.method, event.path, response.status_code)
    return response


@app.middleware("http")
def console_cors(event, get_response):
    response = get_response(event)
    origin = event.headers.get("origin")
    if origin and event.path.startswith("/console"):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Vary"] = "Origin"
    return response


@app.route("/health", methods=["GET"], cors=True)
def health():
    return {"status": "ok", "stage": settings.STAGE}
