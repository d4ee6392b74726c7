"""Sign-up, login/logout and password reset views."""
import logging

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for

from ..extensions import limiter
from ..security import REMEMBER_COOKIE, login_user, logout_user
from ..services.auth import AuthService, RegistrationError
from ..services.tokens import InvalidToken

logger = logging.getLogger(__name__)

bp = Blueprint("auth", __name__)

MIN_PASSWORD_LENGTH = 10


def _safe_next(default="catalog.index"):
    target = request.args.get("next") or request.form.get("next") or ""
    if target.startswith("/") and not target.startswith("//"):
        return target
    return url_for(default)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute;50 per hour", methods=["POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html", next=request.args.get("next", ""))

    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    service = AuthService()
    user = service.authenticate(email, password)
    if user is None:
        logger.warning("failed login for %s from %s", email, request.remote_addr)
        flash("Wrong e-mail address or password.", "error")
        return render_template("auth/login.html", email=email, next=request.form.get("next", "")), 401

    login_user(user)
    response = redirect(_safe_next())
    if request.form.get("remember"):
        response.set_cookie(
            REMEMBER_COOKIE,
            service.issue_remember_token(user),
            max_age=current_app.config["REMEMBER_ME_DAYS"] * 86400,
            secure=True,
            httponly=True,
            samesite="Lax",
        )
    return response


@bp.route("/logout", methods=["POST"])
def logout():
    if g.user is not None:
        AuthService().forget(g.user)
    logout_user()
    response = redirect(url_for("catalog.index"))
    response.delete_cookie(REMEMBER_COOKIE)
    return response


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
def register():
    if request.method == "GET":
        return render_template("auth/register.html")

    email = request.form.get("email", "").strip()
    full_name = request.form.get("full_name", "").strip()
    password = request.form.get("password", "")
    if "@" not in email or not full_name or len(password) < MIN_PASSWORD_LENGTH:
        flash(f"Please fill in every field; passwords need {MIN_PASSWORD_LENGTH}+ characters.", "error")
        return render_template("auth/register.html", email=email, full_name=full_name), 400
    try:
        AuthService().start_registration(email, password, full_name)
    except RegistrationError as exc:
        flash(str(exc), "error")
        return render_template("auth/register.html", email=email, full_name=full_name), 400
    return render_template("auth/register.html", sent=True, email=email)


@bp.route("/register/resend", methods=["POST"])
def resend_confirmation():
    email = request.form.get("email", "")
    AuthService().resend_confirmation(email)
    return render_template("auth/register.html", sent=True, email=email)


@bp.route("/confirm/<token>")
def confirm(token):
    try:
        user = AuthService().complete_registration(token)
    except InvalidToken:
        flash("That confirmation link is invalid or has expired.", "error")
        return redirect(url_for("auth.register"))
    login_user(user)
    flash("Welcome to Corner Shop!", "success")
    return redirect(url_for("catalog.index"))


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
def forgot_password():
    if request.method == "POST":
        AuthService().request_password_reset(request.form.get("email", "").strip())
        flash("If that address has an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/password_reset.html")


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    if request.method == "POST":
        password = request.form.get("password", "")
        if len(password) < MIN_PASSWORD_LENGTH:
            flash(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.", "error")
            return render_template("auth/password_reset.html", token=token), 400
        try:
            AuthService().reset_password(token, password)
        except InvalidToken:
            flash("That reset link is invalid or has expired.", "error")
            return redirect(url_for("auth.forgot_password"))
        flash("Your password has been changed. Please log in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/password_reset.html", token=token)
