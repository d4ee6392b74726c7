import logging
import secrets

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for

from .. import mail, models
from ..ratelimit import client_ip, rate_limit
from ..security import (
    REMEMBER_COOKIE,
    csrf_protect,
    hash_password,
    hash_remember_token,
    login_required,
    login_user,
    logout_user,
    verify_password,
)
from ..tokens import make_email_verification_token
from ..utils import EMAIL_RE, USERNAME_RE, mask_email, random_string

bp = Blueprint("auth", __name__)
log = logging.getLogger(__name__)

REMEMBER_DAYS = 30
MIN_PASSWORD_LENGTH = 10


def _safe_next(default="photos.index"):
    target = request.args.get("next") or request.form.get("next") or ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for(default)


def _password_problem(password, confirm):
    if len(password) < MIN_PASSWORD_LENGTH:
        return "Password must be at least %d characters." % MIN_PASSWORD_LENGTH
    if password != confirm:
        return "The two passwords do not match."
    return None


@bp.route("/register", methods=["GET", "POST"])
@rate_limit("register", 5, 3600)
@csrf_protect
def register():
    if g.user:
        return redirect(url_for("photos.index"))
    form = {"username": "", "email": ""}
    if request.method == "POST":
        username = request.form.get("username", "").strip().lower()
        email = request.form.get("email", "").strip()
        password = request.form.get("password", "")
        confirm = request.form.get("confirm", "")
        form.update(username=username, email=email)

        error = None
        if not USERNAME_RE.match(username):
            error = "Usernames are 3-30 characters: lowercase letters, digits and _."
        elif not EMAIL_RE.match(email):
            error = "That does not look like an e-mail address."
        else:
            error = _password_problem(password, confirm)
        if error is None and models.get_user_by_username(username):
            error = "That username is taken."
        if error is None and models.get_user_by_email(email):
            error = "An account with that e-mail already exists."

        if error is None:
            verify_token = make_email_verification_token(email)
            user_id = models.create_user(username, email, hash_password(password), verify_token)
            user = models.get_user(user_id)
            mail.queue_verification(user, verify_token)
            mail.queue_mail(email, "welcome", username=username)
            login_user(user)
            log.info("new account %s (%s)", username, mask_email(email))
            flash("Welcome! Check your inbox to confirm your e-mail address.", "success")
            return redirect(url_for("photos.index"))
        flash(error, "error")
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@rate_limit("login", 10, 300)
@csrf_protect
def login():
    if g.user:
        return redirect(url_for("photos.index"))
    if request.method == "POST":
        login_name = request.form.get("login", "").strip()
        password = request.form.get("password", "")
        remember = bool(request.form.get("remember"))
        user = models.get_user_by_login(login_name)
        if user is None or not verify_password(user["password_hash"], password):
            log.warning("failed login for %r from %s", login_name, client_ip())
            flash("Wrong username or password.", "error")
            return render_template("auth/login.html", login=login_name), 401
        if not user["is_active"]:
            flash("This account has been suspended.", "error")
            return render_template("auth/login.html", login=login_name), 403

        login_user(user)
        resp = redirect(_safe_next())
        if remember:
            token = secrets.token_urlsafe(32)
            models.add_remember_token(user["id"], hash_remember_token(token))
            resp.set_cookie(REMEMBER_COOKIE, "%d:%s" % (user["id"], token), max_age=REMEMBER_DAYS * 86400)
        log.info("user %s logged in", user["id"])
        return resp
    return render_template("auth/login.html", login="")


@bp.route("/logout", methods=["POST"])
@csrf_protect
def logout():
    logout_user()
    resp = redirect(url_for("photos.index"))
    resp.delete_cookie(REMEMBER_COOKIE)
    return resp


@bp.route("/forgot", methods=["GET", "POST"])
@csrf_protect
def forgot_password():
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        user = models.get_user_by_email(email) if EMAIL_RE.match(email) else None
        if user is not None and user["is_active"]:
            token = random_string(48)
            models.create_password_reset(user["id"], token)
            mail.queue_password_reset(user, token)
            log.info("password reset requested for user %s", user["id"])
        # same answer either way so the form can't be used to probe accounts
        flash("If that address has an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html")


@bp.route("/reset/<token>", methods=["GET", "POST"])
@csrf_protect
def reset_password(token):
    reset = models.get_password_reset(token, current_app.config["RESET_TOKEN_MAX_AGE"])
    if reset is None:
        flash("That reset link is invalid or has expired.", "error")
        return redirect(url_for("auth.forgot_password"))
    if request.method == "POST":
        password = request.form.get("password", "")
        error = _password_problem(password, request.form.get("confirm", ""))
        if error:
            flash(error, "error")
        else:
            models.set_password(reset["user_id"], hash_password(password))
            models.mark_reset_used(reset["id"])
            flash("Your password has been changed, you can log in now.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", token=token)


@bp.route("/verify/<token>")
def verify_email(token):
    user_id = models.verify_email_token(token)
    if user_id is None:
        flash("That confirmation link is no longer valid.", "error")
    else:
        flash("Thanks, your e-mail address is confirmed.", "success")
    return redirect(url_for("photos.index"))


@bp.route("/verify/resend", methods=["POST"])
@login_required
@rate_limit("verify-resend", 3, 3600, key_func=lambda: str(g.user["id"]))
@csrf_protect
def resend_verification():
    if g.user["email_verified"]:
        flash("Your address is already confirmed.", "info")
    else:
        token = make_email_verification_token(g.user["email"])
        models.update_email(g.user["id"], g.user["email"], token)
        mail.queue_verification(g.user, token)
        flash("We sent you a new confirmation link.", "info")
    return redirect(url_for("users.settings"))
