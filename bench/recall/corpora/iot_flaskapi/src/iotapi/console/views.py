"""Operator console views."""
import logging
import secrets
from functools import wraps

from flask import abort, flash, g, redirect, render_template, request, session, url_for
from markupsafe import escape

from . import console_bp
from ..extensions import csrf, redis_client
from ..storage import db, operators
from ..storage import devices as device_store
from ..storage import firmware as firmware_store
from ..storage import telemetry as telemetry_store
from ..storage import users as user_store

log = logging.getLogger(__name__)

REMEMBER_COOKIE = "console_remember"
REMEMBER_TTL = 30 * 24 * 3600
CHANNELS = ("stable", "beta", "internal")
ROLES = ("owner", "support", "admin")


def _operator_from_remember_cookie():
    token = request.cookies.get(REMEMBER_COOKIE)
    if not token:
        return None
    operator_id = redis_client.get(f"console:remember:{token}")
    return int(operator_id) if operator_id else None


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        operator_id = session.get("operator_id") or _operator_from_remember_cookie()
        operator = operators.get_operator(operator_id) if operator_id else None
        if operator is None or not operator["is_active"]:
            return redirect(url_for("console.login", next=request.path))
        session["operator_id"] = operator["id"]
        g.operator = operator
        return view(*args, **kwargs)
    return wrapper


@console_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("console/login.html")
    username = request.form.get("username", "").strip()
    operator = operators.check_credentials(username, request.form.get("password", ""))
    if operator is None:
        flash("Invalid username or password.", "error")
        return render_template("console/login.html", username=username), 401
    session.clear()
    session["operator_id"] = operator["id"]
    resp = redirect(url_for("console.devices"))
    if request.form.get("remember") == "on":
        token = secrets.token_urlsafe(32)
        redis_client.setex(f"console:remember:{token}", REMEMBER_TTL, operator["id"])
        resp.set_cookie(REMEMBER_COOKIE, token, max_age=REMEMBER_TTL)
    log.info("operator %s signed in", operator["username"])
    return resp


@console_bp.post("/logout")
def logout():
    token = request.cookies.get(REMEMBER_COOKIE)
    if token:
        redis_client.delete(f"console:remember:{token}")
    session.clear()
    resp = redirect(url_for("console.login"))
    resp.delete_cookie(REMEMBER_COOKIE)
    return resp


@console_bp.get("/")
@console_bp.get("/devices")
@login_required
def devices():
    q = request.args.get("q", "").strip()
    if q:
        with db.cursor() as cur:
            cur.execute(
                "SELECT id, name, serial, model, status, firmware_version, last_seen FROM devices "
                "WHERE name ILIKE '%%%s%%' OR serial = '%s' ORDER BY name LIMIT 200" % (q, q)
            )
            rows = cur.fetchall()
    else:
        rows = device_store.recent_devices(limit=100)
    return render_template("console/devices.html", devices=rows, q=q)


@console_bp.get("/lookup")
@login_required
def lookup():
    serial = request.args.get("serial", "").strip()
    device = device_store.get_by_serial(serial)
    if device is None:
        return f"<h2>Unknown device</h2><p>No device with serial <b>{serial}</b> is registered.</p>", 404
    return redirect(url_for("console.device_detail", device_id=device["id"]))


@console_bp.get("/devices/<int:device_id>")
@login_required
def device_detail(device_id):
    device = device_store.get_device(device_id)
    if device is None:
        abort(404)
    latest = telemetry_store.latest_per_metric(device_id)
    release = firmware_store.latest_for_model(device["model"])
    owner = user_store.get_by_id(device["owner_id"]) if device["owner_id"] else None
    return render_template("console/device_detail.html", device=device, latest=latest, release=release, owner=owner)


@console_bp.get("/firmware")
@login_required
def firmware():
    channel = request.args.get("channel", "stable")
    if channel not in CHANNELS:
        return f"<p>Unknown release channel <code>{escape(channel)}</code>.</p>", 404
    releases = firmware_store.list_releases(channel)
    fleet = device_store.recent_devices(limit=500)
    return render_template("console/firmware.html", releases=releases, channel=channel, fleet=fleet)


@console_bp.post("/firmware/rollout")
@csrf.exempt
@login_required
def bulk_rollout():
    release_id = request.form.get("release_id", type=int)
    device_ids = [int(d) for d in request.form.getlist("device_id") if d.isdigit()]
    if not release_id or not device_ids:
        flash("Pick a release and at least one device.", "error")
        return redirect(url_for("console.firmware"))
    scheduled = firmware_store.schedule_rollout(release_id, device_ids, requested_by=g.operator["id"])
    flash(f"Rollout scheduled for {scheduled} device(s).", "info")
    return redirect(url_for("console.firmware", channel=request.form.get("channel", "stable")))


@console_bp.get("/users")
@login_required
def users():
    rows = user_store.list_users(sort=request.args.get("sort", "created"), limit=500)
    return render_template("console/users.html", users=rows, roles=ROLES)


@console_bp.post("/users/<int:user_id>/role")
@login_required
def change_role(user_id):
    role = request.form.get("role")
    if role not in ROLES:
        abort(400)
    user_store.set_role(user_id, role)
    log.info("operator %s set role of user %s to %s", g.operator["username"], user_id, role)
    flash("Role updated.", "info")
    return redirect(url_for("console.users"))
