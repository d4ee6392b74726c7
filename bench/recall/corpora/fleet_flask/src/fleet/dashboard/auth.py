import logging
from datetime import datetime
from urllib.parse import urlparse

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_jwt_extended import create_access_token
from flask_login import current_user, login_required, login_user, logout_user

from fleet.dashboard import auth_bp
from fleet.dashboard.forms import LoginForm, ResetPasswordForm, ResetRequestForm
from fleet.extensions import db, limiter
from fleet.models import User
from fleet.services.mailer import send_password_reset
from fleet.services.tokens import new_reset_code

log = logging.getLogger(__name__)


def _safe_next(target):
    if not target:
        return None
    parsed = urlparse(target)
    if parsed.netloc or parsed.scheme:
        return None
    return target


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = User.query.filter_by(email=form.email.data.strip().lower()).first()
        if user is None or not user.active or not user.check_password(form.password.data):
            log.warning("failed dashboard login for %s from %s", form.email.data, request.remote_addr)
            flash("Invalid e-mail or password.", "danger")
            return render_template("auth/login.html", form=form), 401

        login_user(user, remember=form.remember.data)
        user.last_login_at = datetime.utcnow()
        db.session.commit()

        # the dashboard's map and live widgets call the JSON api directly
        api_token = create_access_token(
            identity=str(user.id),
            additional_claims={"kind": "staff", "role": user.role, "depot_id": user.depot_id},
        )
        resp = redirect(_safe_next(request.args.get("next")) or url_for("dashboard.index"))
        resp.set_cookie(current_app.config["JWT_ACCESS_COOKIE_NAME"], api_token, max_age=12 * 3600)
        return resp
    return render_template("auth/login.html", form=form)


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    resp = redirect(url_for("auth.login"))
    resp.delete_cookie(current_app.config["JWT_ACCESS_COOKIE_NAME"])
    flash("You have been signed out.", "info")
    return resp


@auth_bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = User.query.filter_by(email=form.email.data.strip().lower()).first()
        if user is not None and user.active:
            code = new_reset_code()
            user.start_reset(code, current_app.config["RESET_TOKEN_TTL_MINUTES"])
            db.session.commit()
            send_password_reset(user, code)
        flash("If that address belongs to an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form)


@auth_bp.route("/reset/<code>", methods=["GET", "POST"])
@limiter.limit("20 per hour")
def reset_password(code):
    user = User.query.filter_by(reset_code=code).first()
    if user is None or not user.reset_is_valid():
        flash("That reset link is invalid or has expired.", "warning")
        return redirect(url_for("auth.reset_request"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user.set_password(form.password.data)
        user.clear_reset()
        db.session.commit()
        flash("Password changed, please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, code=code)
