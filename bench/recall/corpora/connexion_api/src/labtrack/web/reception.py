"""Reception kiosk: tablets at the sample drop-off desk.

A receptionist unlocks the tablet with their e-mail and six-digit PIN, then
scans incoming boxes.  The kiosk shares the staff session cookie.
"""
from __future__ import annotations

import structlog
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from labtrack.database import get_session
from labtrack.extensions import limiter
from labtrack.repositories import samples as samples_repo
from labtrack.repositories import users as users_repo
from labtrack.services.passwords import verify_pin
from labtrack.web.forms import KioskUnlockForm

bp = Blueprint("reception", __name__, url_prefix="/reception")

log = structlog.get_logger(__name__)

RECEPTION_ROLES = {"reception", "staff", "admin"}


@bp.route("/unlock", methods=["GET", "POST"])
@limiter.limit("5/minute", methods=["POST"])
@limiter.limit("30/hour", methods=["POST"])
def unlock():
    form = KioskUnlockForm()
    if request.method == "POST" and form.validate():
        user = users_repo.get_by_email(get_session(), form.email.data)
        if user and user.role in RECEPTION_ROLES and user.active and verify_pin(form.pin.data, user.kiosk_pin_hash):
            login_user(user, remember=False)
            log.info("kiosk_unlocked", user_id=user.id)
            return redirect(url_for("reception.checkin_page"))
        flash("E-mail or PIN not recognised.", "error")
    return render_template("reception/unlock.html", form=form)


@bp.post("/lock")
@login_required
def lock():
    logout_user()
    return redirect(url_for("reception.unlock"))


@bp.get("/")
@login_required
def checkin_page():
    recent = samples_repo.list_samples(get_session(), status="received", limit=20)
    return render_template("reception/checkin.html", recent=recent)


@bp.post("/checkin")
@login_required
def checkin():
    session = get_session()
    barcode = request.form.get("barcode", "").strip().upper()
    sample = samples_repo.get_by_barcode(session, barcode)
    if sample is None:
        flash("Unknown barcode; put the box on the exceptions shelf.", "error")
    elif sample.status not in {"registered", "in_transit"}:
        flash(f"Sample is already {sample.status.replace('_', ' ')}.", "warning")
    else:
        samples_repo.set_status(session, sample, "received", actor=current_user.email)
        session.commit()
        flash("Checked in.", "success")
    return redirect(url_for("reception.checkin_page"))


@bp.post("/reject")
@login_required
def reject():
    session = get_session()
    sample = samples_repo.get_by_barcode(session, request.form.get("barcode", "").strip().upper())
    if sample is not None:
        samples_repo.set_status(session, sample, "rejected", actor=current_user.email)
        samples_repo.record_event(session, sample, "rejection_reason", current_user.email, request.form.get("reason"))
        session.commit()
        flash("Sample rejected.", "success")
    return redirect(url_for("reception.checkin_page"))
