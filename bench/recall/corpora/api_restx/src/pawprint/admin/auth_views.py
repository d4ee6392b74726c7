"""Admin sign-in, sign-out and staff password (re)setting."""
import logging
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..models.accounts import StaffUser
from ..security.passwords import password_problems
from ..security.tokens import load_staff_reset_token, make_staff_reset_token
from ..services import mailer
from .forms import ForgotPasswordForm, LoginForm, SetPasswordForm

log = logging.getLogger(__name__)

auth_bp = Blueprint("admin_auth", __name__)


def _safe_next(target):
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return None
    return target


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = StaffUser.objects(email=email).first()
        if user is not None and user.is_active and user.check_password(form.password.data):
            login_user(user, remember=form.remember.data)
            user.update(set__last_login_at=datetime.now(timezone.utc))
            log.info("Admin login for staff %s", user.id)
            return redirect(_safe_next(request.args.get("next")) or url_for("admin.dashboard"))
        log.info("Failed admin login for %s from %s", email, request.remote_addr)
        flash("Invalid email or password.", "danger")
    return render_template("admin/login.html", form=form)


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("You have been signed out.", "info")
    return redirect(url_for("admin_auth.login"))


@auth_bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("5/hour", methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        staff = StaffUser.objects(email=form.email.data.strip().lower(), is_active_flag=True).first()
        if staff is not None:
            link = url_for("admin_auth.set_password", token=make_staff_reset_token(staff), _external=True)
            mailer.send_staff_link(staff, link)
        flash("If the address belongs to a staff account, a reset link is on its way.", "info")
        return redirect(url_for("admin_auth.login"))
    return render_template("admin/password.html", form=form, mode="forgot")


@auth_bp.route("/set-password/<token>", methods=["GET", "POST"])
@limiter.limit("10/hour", methods=["POST"])
def set_password(token):
    data = load_staff_reset_token(token)
    staff = StaffUser.objects(id=data["sid"]).first() if data else None
    if staff is None or staff.token_version != data.get("v"):
        abort(404)

    form = SetPasswordForm()
    if form.validate_on_submit():
        problems = password_problems(form.password.data)
        if problems:
            for problem in problems:
                flash(problem, "danger")
        else:
            staff.set_password(form.password.data)
            staff.save()
            log.info("Staff %s set a new password", staff.id)
            flash("Password saved. You can sign in now.", "success")
            return redirect(url_for("admin_auth.login"))
    return render_template("admin/password.html", form=form, mode="set", staff=staff)


@auth_bp.route("/preferences/theme", methods=["POST"])
@login_required
def set_theme():
    theme = request.form.get("theme", "light")
    response = redirect(request.referrer or url_for("admin.dashboard"))
    if theme in ("light", "dark", "high-contrast"):
        response.set_cookie("pp_theme", theme, max_age=365 * 24 * 3600)
    return response


def send_invitation(staff):
    link = url_for("admin_auth.set_password", token=make_staff_reset_token(staff), _external=True)
    mailer.send_staff_link(staff, link, invited=True)
    current_app.logger.info("Invitation sent to staff %s", staff.id)
