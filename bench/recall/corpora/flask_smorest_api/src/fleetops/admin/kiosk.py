"""Shop-floor kiosk: technicians clock onto jobs with badge + PIN."""
import logging
import secrets

import redis
from flask import current_app, flash, make_response, redirect, render_template, url_for

from ..extensions import limiter
from ..repositories import UserRepository
from ..security.passwords import verify_kiosk_pin
from . import admin_bp
from .forms import KioskLoginForm

logger = logging.getLogger("fleetops.kiosk")

KIOSK_COOKIE = "kiosk_session"
KIOSK_SESSION_SECONDS = 10 * 60


def _store_kiosk_session(token: str, user_id: int) -> None:
    client = redis.Redis.from_url(current_app.config["REDIS_URL"])
    client.setex(f"kiosk:{token}", KIOSK_SESSION_SECONDS, user_id)


@admin_bp.route("/kiosk", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def kiosk_login():
    form = KioskLoginForm()
    if form.validate_on_submit():
        user = UserRepository().by_badge(form.badge_number.data)
        if user is None or not verify_kiosk_pin(form.pin.data, user.kiosk_pin_hash):
            flash("Badge or PIN not recognised.", "danger")
            return render_template("admin/kiosk_login.html", form=form), 401

        session_token = secrets.token_urlsafe(32)
        _store_kiosk_session(session_token, user.id)
        logger.info("Kiosk session started for badge %s", user.badge_number)

        resp = make_response(redirect(url_for("admin.work_orders")))
        resp.set_cookie(KIOSK_COOKIE, session_token, max_age=KIOSK_SESSION_SECONDS)
        return resp
    return render_template("admin/kiosk_login.html", form=form)
