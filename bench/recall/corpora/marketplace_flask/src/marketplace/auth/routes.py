import hmac
import logging
import secrets
from datetime import datetime, timezone

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select

from ..api.tokens import issue_access_token
from ..extensions import cache, db, limiter
from ..models import User
from ..services import mailer, sms
from ..services.passwords import is_temporary
from ..services.tokens import confirm_token, load_reset_token
from ..utils.strings import mask_email
from .forms import (
    ChangePasswordForm,
    EmailOnlyForm,
    LoginForm,
    PhoneCodeForm,
    PhoneForm,
    RegisterForm,
    ResetPasswordForm,
)

log = logging.getLogger(__name__)

auth_bp = Blueprint("auth", __name__)

PHONE_CODE_TTL = 600
PHONE_CODE_MAX_ATTEMPTS = 5


def _find_user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def _safe_next(target):
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("listings.index")


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute; 30 per hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("listings.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = _find_user_by_email(form.email.data)
        if user is None or not user.check_password(form.password.data):
            log.info("failed login for %s from %s", mask_email(form.email.data), request.remote_addr)
            flash("Invalid email or password.", "danger")
            return render_template("auth/login.html", form=form), 401
        if user.is_banned:
            flash("This account has been suspended.", "danger")
            return render_template("auth/login.html", form=form), 403

        login_user(user, remember=form.remember.data)
        if is_temporary(user.password_hash):
            return redirect(url_for("auth.change_password"))

        resp = make_response(redirect(_safe_next(request.args.get("next"))))
        resp.set_cookie("chat_token", issue_access_token(user), max_age=60 * 60 * 24 * 30)
        return resp
    return render_template("auth/login.html", form=form)


@auth_bp.post("/logout")
@login_required
def logout():
    logout_user()
    resp = make_response(redirect(url_for("listings.index")))
    resp.delete_cookie("chat_token")
    return resp


@auth_bp.route("/register", methods=["GET", "POST"])
@limiter.limit("3 per hour", methods=["POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(email=form.email.data.strip().lower(), username=form.username.data)
        user.set_password(form.password.data)
        db.session.add(user)
        db.session.commit()
        mailer.send_confirmation_email(user)
        login_user(user)
        flash("Welcome! Check your inbox to confirm your email address.", "success")
        return redirect(url_for("listings.index"))
    return render_template("auth/register.html", form=form)


@auth_bp.get("/confirm/<token>")
def confirm_email(token):
    email = confirm_token(token)
    if email is None:
        flash("That confirmation link is invalid or has expired.", "danger")
        return redirect(url_for("auth.unconfirmed"))
    user = _find_user_by_email(email)
    if user is None:
        abort(404)
    if not user.is_confirmed:
        user.confirmed_at = datetime.now(timezone.utc)
        db.session.commit()
    flash("Thanks, your email is confirmed.", "success")
    return redirect(url_for("listings.index"))


@auth_bp.get("/unconfirmed")
def unconfirmed():
    return render_template("auth/unconfirmed.html", form=EmailOnlyForm())


@auth_bp.post("/resend-confirmation")
def resend_confirmation():
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = _find_user_by_email(form.email.data)
        if user is not None and not user.is_confirmed:
            mailer.send_confirmation_email(user)
    flash("If that address belongs to an unconfirmed account, we sent a new link.", "info")
    return redirect(url_for("auth.unconfirmed"))


@auth_bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("3 per 15 minutes", methods=["POST"])
def forgot_password():
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = _find_user_by_email(form.email.data)
        if user is not None and user.is_active:
            mailer.send_password_reset_email(user)
            log.info("password reset requested for user_id=%s", user.id)
        flash("If an account exists for that address, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form)


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    data = load_reset_token(token)
    user = db.session.get(User, data["uid"]) if data else None
    if user is None:
        flash("That reset link is invalid or has expired.", "danger")
        return redirect(url_for("auth.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user.set_password(form.password.data)
        db.session.commit()
        flash("Your password has been updated. Please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, token=token)


@auth_bp.route("/change-password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            flash("Current password is wrong.", "danger")
        else:
            current_user.set_password(form.password.data)
            db.session.commit()
            flash("Password changed.", "success")
            return redirect(url_for("listings.index"))
    return render_template("auth/change_password.html", form=form)


@auth_bp.route("/phone", methods=["GET", "POST"])
@login_required
@limiter.limit("3 per hour", methods=["POST"], key_func=lambda: str(current_user.get_id()))
def verify_phone_start():
    form = PhoneForm()
    if form.validate_on_submit():
        code = f"{secrets.randbelow(1_000_000):06d}"
        cache.set(
            f"phone-code:{current_user.id}",
            {"phone": form.phone.data, "code": code, "attempts": 0},
            timeout=PHONE_CODE_TTL,
        )
        sms.send_verification_code(form.phone.data, code)
        return redirect(url_for("auth.verify_phone_check"))
    return render_template("auth/verify_phone.html", form=form, step="start")


@auth_bp.route("/phone/check", methods=["GET", "POST"])
@login_required
def verify_phone_check():
    form = PhoneCodeForm()
    key = f"phone-code:{current_user.id}"
    pending = cache.get(key)
    if pending is None:
        flash("Your code expired, please request a new one.", "warning")
        return redirect(url_for("auth.verify_phone_start"))
    if form.validate_on_submit():
        pending["attempts"] += 1
        if pending["attempts"] > PHONE_CODE_MAX_ATTEMPTS:
            cache.delete(key)
            flash("Too many attempts. Request a new code.", "danger")
            return redirect(url_for("auth.verify_phone_start"))
        if hmac.compare_digest(pending["code"], form.code.data):
            current_user.phone = pending["phone"]
            current_user.phone_verified = True
            db.session.commit()
            cache.delete(key)
            flash("Phone number verified.", "success")
            return redirect(url_for("listings.profile", username=current_user.username))
        cache.set(key, pending, timeout=PHONE_CODE_TTL)
        flash("That code is not right.", "danger")
    return render_template("auth/verify_phone.html", form=form, step="check")
