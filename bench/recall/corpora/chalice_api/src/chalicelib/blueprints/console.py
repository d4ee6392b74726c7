"""Operator console: server-rendered pages behind a session cookie."""
from urllib.parse import parse_qsl

from chalice import Blueprint, ForbiddenError, NotFoundError

from chalicelib import dynamo, web
from chalicelib.rendering import render_page
from chalicelib.repositories import BikeRepository
from chalicelib.security import console_session, signatures
from chalicelib.services.fleet import FleetService
from chalicelib.services.operators import OperatorService
from chalicelib.services.stations import StationService
from chalicelib.web import html, redirect

console_routes = Blueprint(__name__)

FORM = "application/x-www-form-urlencoded"


def _form():
    raw = console_routes.current_request.raw_body or b""
    return dict(parse_qsl(raw.decode("utf-8")))


def _session():
    return console_session.load(console_routes.current_request)


@console_routes.route("/login", methods=["GET"])
def login_form():
    return html(render_page("console/login.html", nonce=signatures.login_nonce(), error=None))


@console_routes.route("/login", methods=["POST"], content_types=[FORM])
def login():
    form = _form()
    if not signatures.check_login_nonce(form.get("nonce", "")):
        raise ForbiddenError("Login form expired, please reload the page")
    operator = OperatorService().authenticate(form.get("email", ""), form.get("password", ""))
    if operator is None:
        page = render_page(
            "console/login.html", nonce=signatures.login_nonce(), error="Unknown e-mail or password"
        )
        return html(page, status_code=401)
    session_id = console_session.create(operator["operator_id"], operator["role"])
    return redirect("/console/stations", headers={"Set-Cookie": console_session.session_cookie(session_id)})


@console_routes.route("/logout", methods=["POST"], content_types=[FORM])
def logout():
    session = _session()
    if session and console_session.csrf_valid(session, _form().get("csrf_token")):
        console_session.destroy(session)
    return redirect("/console/login", headers={"Set-Cookie": console_session.expired_cookie()})


@console_routes.route("/stations/{station_id}", methods=["GET"])
def edit_station(station_id):
    session = _session()
    if session is None:
        return redirect("/console/login")
    station = dynamo.plain(StationService().get_or_404(web.identifier(station_id, "station")))
    return html(render_page("console/station_edit.html", station=station, csrf_token=session["csrf_token"]))


@console_routes.route("/stations/{station_id}", methods=["POST"], content_types=[FORM])
def update_station(station_id):
    session = _session()
    if session is None:
        return redirect("/console/login")
    form = _form()
    if not console_session.csrf_valid(session, form.get("csrf_token")):
        raise ForbiddenError("Invalid form token")
    service = StationService()
    service.get_or_404(station_id)
    service.repo.update_details(
        station_id,
        name=form.get("name", "").strip()[:120],
        capacity=web.bounded_int(form.get("capacity"), default=0, low=0, high=200),
        notice=form.get("notice", "").strip()[:500],
    )
    return redirect(f"/console/stations/{station_id}")


@console_routes.route("/bikes/{bike_id}", methods=["GET"])
def bike_detail(bike_id):
    session = _session()
    if session is None:
        return redirect("/console/login")
    bike = BikeRepository().get(web.identifier(bike_id, "bike"))
    if bike is None:
        raise NotFoundError("Unknown bike")
    return html(render_page("console/bike_detail.html", bike=dynamo.plain(bike), operator=session))


@console_routes.route("/bikes/{bike_id}/retire", methods=["POST"], content_types=[FORM])
def retire_bike(bike_id):
    session = _session()
    if session is None:
        return redirect("/console/login")
    form = _form()
    try:
        FleetService().retire_bike(bike_id, form.get("reason", "damaged")[:200], session["operator_id"])
    except KeyError:
        raise NotFoundError("Unknown bike")
    return redirect(f"/console/bikes/{bike_id}")
