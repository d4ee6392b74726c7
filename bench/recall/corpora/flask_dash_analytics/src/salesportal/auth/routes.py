import logging
from urllib.parse import urlparse

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import db, limiter
from ..mailer import notify_access_request, send_password_reset
from ..repositories import users as users_repo
from . import bp
from .forms import ForgotPasswordForm, LoginForm, RequestAccessForm, ResetPasswordForm
from .tokens import consume_reset_token, issue_reset_token

log = logging.getLogger(__name__)


def _safe_next(target):
    if not target:
        return None
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("reports.index"))

    form = LoginForm()
    if form.validate_on_submit():
        user = users_repo.get_by_email(form.email.data)
        if user is None or not user.check_password(form.password.data) or not user.is_active:
            log.warning("Failed login for %s", form.email.data)
            flash("Invalid e-mail or password, or your account is not approved yet.", "danger")
            return render_template("auth/login.html", form=form), 401

        login_user(user, remember=form.remember.data)
        users_repo.touch_last_login(user)
        return redirect(_safe_next(request.args.get("next")) or url_for("reports.index"))

    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("You have been signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = users_repo.get_by_email(form.email.data)
        if user is not None and user.is_active:
            token = issue_reset_token(user)
            send_password_reset(user, token)
            log.info("Password reset requested for user id=%s", user.id)
        flash("If that address belongs to an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour")
def reset_password(token):
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user = consume_reset_token(token)
        if user is None:
            flash("That reset link is invalid or has expired.", "danger")
            return redirect(url_for("auth.forgot_password"))
        user.set_password(form.password.data)
        db.session.commit()
        flash("Your password has been changed. Please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, token=token)


@bp.route("/request-access", methods=["GET", "POST"])
def request_access():
    form = RequestAccessForm()
    if form.validate_on_submit():
        if users_repo.get_by_email(form.email.data) is not None:
            flash("An account with that address already exists.", "warning")
            return redirect(url_for("auth.login"))
        user = users_repo.create_pending(
            full_name=form.full_name.data,
            email=form.email.data,
            team=form.team.data,
            password=form.password.data,
        )
        notify_access_request(user)
        flash("Thanks! An administrator will review your request.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/request_access.html", form=form)
