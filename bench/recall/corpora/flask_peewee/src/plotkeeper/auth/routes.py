import datetime
import hmac
import logging

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..extensions import limiter, login_manager
from ..models import Application, Site, User
from ..services.invites import find_open_invite
from ..services.mail import send_reset_code, send_verification_email
from ..services.tokens import issue_reset_code, new_verification_token
from . import bp
from .forms import AcceptInviteForm, ApplicationForm, ForgotPasswordForm, LoginForm, ResetPasswordForm

log = logging.getLogger("plotkeeper.auth")


@login_manager.user_loader
def load_user(user_id):
    return User.get_or_none(User.id == int(user_id))


@login_manager.request_loader
def load_user_from_device_cookie(req):
    token = req.cookies.get("device_token")
    if not token:
        return None
    try:
        data = _device_serializer().loads(token, max_age=60 * 60 * 24 * 90)
    except BadSignature:
        return None
    return User.get_or_none(User.id == data.get("uid"))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 50 per hour")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("plots.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = User.get_or_none(User.email == form.email.data.strip().lower())
        if user is None or not user.check_password(form.password.data):
            log.info("failed login for %s", form.email.data.strip().lower())
            if user is not None:
                user.failed_logins += 1
                user.save(only=[User.failed_logins])
            flash("E-mail or password not recognised.", "danger")
            return render_template("auth/login.html", form=form), 401
        user.failed_logins = 0
        user.save(only=[User.failed_logins])
        login_user(user, remember=form.remember.data)
        log.info("user %s logged in", user.id)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


def _safe_next(target):
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("plots.dashboard")


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    resp = make_response(redirect(url_for("auth.login")))
    resp.delete_cookie("device_token")
    return resp


@bp.route("/apply", methods=["GET", "POST"])
def apply():
    form = ApplicationForm()
    form.site.choices = [(s.id, s.name) for s in Site.select().order_by(Site.name)]
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if Application.select().where(Application.email == email, Application.status == "waiting").exists():
            flash("You are already on the waiting list.", "info")
            return redirect(url_for("auth.login"))
        Application.create(site=form.site.data, email=email, display_name=form.display_name.data, phone=form.phone.data, reason=form.reason.data, password=form.password.data)
        flash("Thanks! You're on the waiting list. We'll e-mail you when a plot comes free.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/apply.html", form=form)


@bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = User.get_or_none(User.email == form.email.data.strip().lower())
        if user is not None and user.is_active:
            code = issue_reset_code(user)
            send_reset_code(user, code)
        flash("If that address belongs to a member, a reset code is on its way.", "info")
        return redirect(url_for("auth.reset_password"))
    return render_template(
        "auth/simple_form.html",
        form=form,
        heading="Forgotten password",
        intro="Enter the address you registered with and we'll e-mail you a reset code.",
        submit_label="Send code",
    )


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5 per 15 minutes")
def reset_password():
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user = User.get_or_none(User.email == form.email.data.strip().lower())
        now = datetime.datetime.utcnow()
        if (
            user is None
            or not user.reset_code
            or user.reset_code_expires is None
            or user.reset_code_expires < now
            or not hmac.compare_digest(user.reset_code, form.code.data)
        ):
            flash("That code is not valid or has expired.", "danger")
            return _reset_page(form), 400
        user.set_password(form.password.data)
        user.reset_code = None
        user.reset_code_expires = None
        user.save()
        log.info("password changed via reset for user %s", user.id)
        flash("Password updated. Please sign in.", "success")
        return redirect(url_for("auth.login"))
    return _reset_page(form)


@bp.route("/resend-verification", methods=["POST"])
@login_required
@limiter.limit("3 per hour")
def resend_verification():
    if current_user.email_verified:
        return redirect(url_for("plots.dashboard"))
    current_user.verification_token = new_verification_token()
    current_user.save()
    send_verification_email(current_user)
    flash("Verification e-mail sent.", "info")
    return redirect(url_for("plots.dashboard"))


@bp.route("/verify/<token>")
def verify_email(token):
    user = User.get_or_none(User.verification_token == token)
    if user is None:
        abort(404)
    user.email_verified = True
    user.verification_token = None
    user.save()
    flash("Thanks, your e-mail address is confirmed.", "success")
    return redirect(url_for("auth.login"))


@bp.route("/invite/<code>", methods=["GET", "POST"])
@limiter.limit("20 per hour")
def accept_invite(code):
    invite = find_open_invite(code)
    if invite is None:
        abort(404)
    form = AcceptInviteForm()
    if form.validate_on_submit():
        user = User(email=invite.email, display_name=form.display_name.data, email_verified=True)
        user.set_password(form.password.data)
        user.save()
        invite.accepted = True
        invite.save()
        login_user(user)
        resp = make_response(redirect(url_for("plots.dashboard")))
        resp.set_cookie("device_token", _device_token_for(user), max_age=60 * 60 * 24 * 90)
        return resp
    return render_template(
        "auth/simple_form.html",
        form=form,
        heading=f"Join {invite.site.name}",
        intro=None,
        submit_label="Create account",
    )


def _reset_page(form):
    return render_template(
        "auth/simple_form.html",
        form=form,
        heading="Choose a new password",
        intro="Enter the six-digit code from the e-mail we sent you.",
        submit_label="Update password",
    )


def _device_serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="device")


def _device_token_for(user):
    return _device_serializer().dumps({"uid": user.id})
