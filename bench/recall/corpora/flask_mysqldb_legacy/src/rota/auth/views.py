import logging

from flask import (
    current_app, flash, redirect, render_template, request, session, url_for,
)

from ..extensions import limiter
from ..repositories import clinics as clinic_repo
from ..repositories import users as user_repo
from ..security import tokens
from ..security.passwords import hash_password, needs_rehash, verify_password
from ..services import login_codes, mailer
from . import bp, remember

log = logging.getLogger(__name__)


def _safe_next(target):
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("schedule.index")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10/minute;50/hour", methods=["POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")

    email = request.form.get("email", "")
    password = request.form.get(current_app.config["PASSWORD_FIELD"], "")
    user = user_repo.get_by_email(email)
    if user is None or not verify_password(password, user["password_hash"]):
        log.warning("failed login for user_id=%s from %s",
                    user["id"] if user else None, request.remote_addr)
        flash("Email or password is incorrect.", "error")
        return render_template("login.html", email=email), 401

    if needs_rehash(user["password_hash"]):
        user_repo.set_password_hash(user["id"], hash_password(password))

    session.clear()
    session["uid"] = user["id"]
    session.permanent = True
    user_repo.record_login(user["id"], request.remote_addr)

    response = redirect(_safe_next(request.args.get("next")))
    if request.form.get("remember"):
        remember.attach(response, remember.issue(user["id"]))
    return response


@bp.post("/logout")
def logout():
    session.clear()
    return remember.forget(redirect(url_for("auth.login")))


@bp.post("/login-code")
@limiter.limit("3/minute;10/hour")
def send_login_code():
    user = user_repo.get_by_email(request.form.get("email", ""))
    if user and user.get("phone"):
        login_codes.issue_login_code(user)
    flash("If that account has a mobile number, a code is on its way.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    if request.method == "POST":
        user = user_repo.get_by_email(request.form.get("email", ""))
        if user is not None:
            token = tokens.make_reset_token(user)
            log.info("password reset requested for %s, token=%s", user["email"], token)
            mailer.send_password_reset(user, token)
        flash("If the address is registered you will receive an email shortly.", "info")
        return redirect(url_for("auth.login"))
    return render_template("forgot.html")


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    data = tokens.load_reset_token(token)
    user = user_repo.get_by_id(data["uid"]) if data else None
    if user is None or user["password_hash"][-12:] != data["ph"]:
        flash("That reset link is invalid or has expired.", "error")
        return redirect(url_for("auth.forgot_password"))
    if request.method == "POST":
        password = request.form.get("password", "")
        if len(password) < 10:
            flash("Use at least 10 characters.", "error")
            return render_template("reset.html", token=token)
        user_repo.set_password_hash(user["id"], hash_password(password))
        flash("Password updated, please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("reset.html", token=token)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit("20/hour", methods=["POST"])
def accept_invite(token):
    data = tokens.load_invite_token(token)
    if data is None:
        flash("This invitation has expired. Ask your practice manager for a new one.", "error")
        return redirect(url_for("auth.login"))
    clinic = clinic_repo.get(data["clinic_id"])
    if request.method == "POST":
        password = request.form.get("password", "")
        if len(password) < 10:
            flash("Use at least 10 characters.", "error")
            return render_template("invite.html", clinic=clinic, email=data["email"])
        user_repo.create(
            data["email"], request.form["full_name"], data["role"], clinic["id"],
            hash_password(password), request.form.get("phone"),
        )
        return redirect(url_for("auth.login"))
    return render_template("invite.html", clinic=clinic, email=data["email"])
