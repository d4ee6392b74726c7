import logging

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..emails import send_confirmation_email, send_password_reset_email
from ..extensions import limiter
from ..services import accounts
from ..tokens import load_confirmation_token, load_reset_token
from .forms import ForgotPasswordForm, LoginForm, RegistrationForm, ResetPasswordForm

log = logging.getLogger(__name__)

bp = Blueprint("web_auth", __name__)


def _safe_next(target):
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("applications.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is None:
            log.info("Failed web login from %s", request.remote_addr)
            flash("Invalid e-mail or password.", "danger")
        else:
            login_user(user, remember=form.remember.data)
            if user.has_role("reviewer"):
                default = url_for("reviewer.dashboard")
            else:
                default = url_for("applications.index")
            return redirect(_safe_next(request.args.get("next")) or default)
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You have been signed out.", "info")
    return redirect(url_for("web_auth.login"))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
def register():
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            user = accounts.register_applicant(
                form.name.data, form.email.data, form.password.data, form.organisation.data
            )
        except accounts.AccountError as exc:
            form.email.errors.append(str(exc))
        else:
            send_confirmation_email(user)
            login_user(user)
            flash("Welcome! We have sent you an e-mail to confirm your address.", "success")
            return redirect(url_for("web_auth.unconfirmed"))
    return render_template("auth/register.html", form=form)


@bp.route("/confirm/<token>")
@login_required
def confirm_email(token):
    email = load_confirmation_token(token)
    if email is None or email != current_user.email:
        flash("That confirmation link is invalid or has expired.", "danger")
        return redirect(url_for("web_auth.unconfirmed"))
    accounts.confirm_user(current_user)
    flash("Thanks, your e-mail address is confirmed.", "success")
    return redirect(url_for("applications.index"))


@bp.route("/unconfirmed")
@login_required
def unconfirmed():
    if current_user.confirmed:
        return redirect(url_for("applications.index"))
    return render_template("auth/unconfirmed.html")


@bp.post("/confirm/resend")
@login_required
@limiter.limit("3 per hour")
def resend_confirmation():
    send_confirmation_email(current_user)
    flash("A new confirmation e-mail is on its way.", "info")
    return redirect(url_for("web_auth.unconfirmed"))


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = accounts.find_user_by_email(form.email.data)
        if user is not None and user.is_active:
            send_password_reset_email(user)
        flash("If that address has an account, a reset link has been sent.", "info")
        return redirect(url_for("web_auth.login"))
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token):
    user = load_reset_token(token)
    if user is None:
        flash("That reset link is invalid or has expired.", "danger")
        return redirect(url_for("web_auth.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        accounts.change_password(user, form.password.data)
        flash("Your password has been changed. Please sign in.", "success")
        return redirect(url_for("web_auth.login"))
    return render_template("auth/reset_password.html", form=form)
