"""Staff console: login, sample lists, sample detail and bulk status changes."""
from __future__ import annotations

from datetime import datetime, timezone

import structlog
from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from labtrack.database import get_session
from labtrack.extensions import csrf, login_manager
from labtrack.models import SAMPLE_STATUSES, User
from labtrack.repositories import samples as samples_repo
from labtrack.repositories import users as users_repo
from labtrack.services.passwords import verify_password
from labtrack.web import filters
from labtrack.web.forms import LoginForm, SampleNotesForm

bp = Blueprint("staff", __name__, url_prefix="/staff")
filters.register(bp)

log = structlog.get_logger(__name__)

THEMES = ("light", "dark", "high-contrast")


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return users_repo.get(get_session(), int(user_id))


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return url_for("staff.sample_list")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        session = get_session()
        user = users_repo.get_by_email(session, form.email.data)
        if user and user.is_staff and user.active and verify_password(form.password.data, user.password_hash):
            login_user(user, remember=form.remember.data)
            user.last_login_at = datetime.now(timezone.utc)
            session.commit()
            log.info("staff_login", user_id=user.id)
            return redirect(_safe_next(request.args.get("next")))
        log.info("staff_login_failed")
        flash("Invalid e-mail or password.", "error")
    return render_template("staff/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("staff.login"))


@bp.route("/samples")
@login_required
def sample_list():
    q = request.args.get("q", "").strip()
    status = request.args.get("status") or None
    session = get_session()
    if q:
        samples = samples_repo.search(session, q, site_code=None)
    else:
        samples = samples_repo.list_samples(session, status=status, sort=request.args.get("sort", "received"))
    return render_template("staff/samples.html", samples=samples, q=q, status=status, statuses=SAMPLE_STATUSES)


@bp.route("/samples/lookup")
@login_required
def sample_lookup():
    """Target of the barcode scanners' keyboard wedge: /staff/samples/lookup?barcode=..."""
    barcode = request.args.get("barcode", "").strip()
    sample = samples_repo.get_by_barcode(get_session(), barcode)
    if sample is None:
        return f'<div class="alert alert-warning">No sample matches <code>{barcode}</code>.</div>', 404
    return redirect(url_for("staff.sample_detail", sample_id=sample.id))


@bp.route("/samples/<int:sample_id>", methods=["GET", "POST"])
@login_required
def sample_detail(sample_id: int):
    session = get_session()
    sample = samples_repo.get(session, sample_id) or abort(404)
    form = SampleNotesForm(obj=sample)
    if form.validate_on_submit():
        sample.notes = form.notes.data
        if form.status.data != sample.status:
            samples_repo.set_status(session, sample, form.status.data, actor=current_user.email)
        session.commit()
        flash("Sample updated.", "success")
        return redirect(url_for("staff.sample_detail", sample_id=sample.id))
    return render_template(
        "staff/sample_detail.html",
        sample=sample,
        form=form,
        notes_html=filters.notes_html(sample.notes),
        events=samples_repo.events_for(session, sample.id),
    )


@bp.route("/samples/bulk-status", methods=["POST"])
@csrf.exempt
@login_required
def bulk_status():
    """Handheld scanners post a batch of sample ids with the new status."""
    new_status = request.form.get("status", "")
    if new_status not in SAMPLE_STATUSES:
        abort(400)
    session = get_session()
    changed = 0
    for sample_id in request.form.getlist("sample_id", type=int):
        sample = samples_repo.get(session, sample_id)
        if sample is not None and sample.status != new_status:
            samples_repo.set_status(session, sample, new_status, actor=current_user.email)
            changed += 1
    session.commit()
    flash(f"{changed} sample(s) moved to {new_status.replace('_', ' ')}.", "success")
    return redirect(url_for("staff.sample_list", status=new_status))


@bp.get("/api/samples/<int:sample_id>/timeline")
@login_required
def sample_timeline(sample_id: int):
    events = samples_repo.events_for(get_session(), sample_id)
    return jsonify(
        [{"event": e.event, "actor": e.actor, "detail": e.detail, "at": e.at.isoformat()} for e in events]
    )


@bp.post("/preferences/theme")
@login_required
def set_theme():
    theme = request.form.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    response = redirect(_safe_next(request.form.get("next")))
    response.set_cookie("lt_theme", theme, max_age=365 * 24 * 3600, samesite="Lax")
    return response
