import logging
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..models import User
from . import auth_bp
from .forms import LoginForm, RegistrationForm, ResetPasswordForm, ResetRequestForm
from .tokens import load_confirmation_token, load_reset_token, send_confirmation_email, send_password_reset_email

log = logging.getLogger(__name__)


def _safe_next(target):
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return None
    return target


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 50 per hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("web.dashboard"))

    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = User.objects(email=email).first()
        if user is None or not user.check_password(form.password.data):
            log.warning("failed login for %s from %s", email, request.remote_addr)
            flash("Invalid e-mail or password.", "danger")
            return render_template("auth/login.html", form=form), 401
        if not user.confirmed:
            flash("Please confirm your e-mail address first.", "warning")
            return render_template("auth/login.html", form=form), 403

        login_user(user, remember=form.remember.data)
        user.update(set__last_login_at=datetime.now(timezone.utc))
        log.info("user %s signed in", user.id)
        return redirect(_safe_next(request.args.get("next")) or url_for("web.dashboard"))

    return render_template("auth/login.html", form=form)


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("Signed out.", "info")
    return redirect(url_for("auth.login"))


@auth_bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegistrationForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if User.objects(email=email).first() is not None:
            flash("An account with that e-mail already exists.", "warning")
            return render_template("auth/form.html", form=form, title="Create an account"), 409

        user = User(email=email, full_name=form.full_name.data, organisation=form.organisation.data)
        user.set_password(form.password.data)
        user.save()
        send_confirmation_email(user)
        flash("Check your inbox to confirm your address.", "success")
        return redirect(url_for("auth.login"))

    return render_template("auth/form.html", form=form, title="Create an account")


@auth_bp.route("/confirm/<token>")
def confirm_email(token):
    user = load_confirmation_token(token)
    if user is None:
        flash("That confirmation link is invalid or has expired.", "danger")
        return redirect(url_for("auth.login"))
    if not user.confirmed:
        user.update(set__confirmed=True, set__confirmed_at=datetime.now(timezone.utc))
    flash("Address confirmed, you can sign in now.", "success")
    return redirect(url_for("auth.login"))


@auth_bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = User.objects(email=form.email.data.strip().lower(), active=True).first()
        if user is not None:
            send_password_reset_email(user)
        flash("If that address has an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/form.html", form=form, title="Reset your password")


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def reset_password(token):
    user = load_reset_token(token)
    if user is None:
        abort(404)

    form = ResetPasswordForm()
    if form.validate_on_submit():
        user.set_password(form.password.data)
        user.save()
        log.info("password changed for user %s", user.id)
        flash("Password updated, please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/form.html", form=form, title="Choose a new password")
