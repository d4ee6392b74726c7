import logging
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..forms import AcceptInviteForm, ForgotPasswordForm, LoginForm, SetPasswordForm
from ..services import auth_service, token_service

bp = Blueprint("auth", __name__, url_prefix="/auth")
logger = logging.getLogger(__name__)


def _safe_next(target):
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute;50 per hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("contacts.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = auth_service.authenticate(form.email.data, form.password.data)
        if user is None:
            logger.warning("failed login for %s from %s", form.email.data, request.remote_addr)
            flash("Wrong e-mail or password.", "danger")
            return render_template("auth/login.html", form=form), 401

        login_user(user, remember=form.remember.data)
        resp = redirect(_safe_next(request.args.get("next")) or url_for("contacts.index"))
        # The dialer widget reads this to call the API from the browser.
        api_token = token_service.issue_api_token(user)
        resp.set_cookie("crm_api_token", api_token, max_age=1800)
        return resp
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    resp = redirect(url_for("auth.login"))
    resp.delete_cookie("crm_api_token")
    return resp


@bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        auth_service.start_password_reset(form.email.data)
        flash("If that address belongs to an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def reset_password(token):
    form = SetPasswordForm()
    if form.validate_on_submit():
        if auth_service.complete_password_reset(token, form.password.data):
            flash("Password changed, please sign in.", "success")
            return redirect(url_for("auth.login"))
        flash("That reset link is invalid or has expired.", "danger")
    return render_template("auth/reset.html", form=form)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def accept_invite(token):
    form = AcceptInviteForm()
    if form.validate_on_submit():
        user = auth_service.accept_invite(token, form.name.data, form.password.data)
        if user is None:
            abort(404)
        login_user(user)
        return redirect(url_for("contacts.index"))
    return render_template("auth/accept_invite.html", form=form)
