import logging

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import auth_bp
from app.auth.forms import AcceptInviteForm, ForgotPasswordForm, InviteForm, LoginForm, ResetPasswordForm
from app.extensions import limiter
from app.models import Invite, Role, utcnow
from app.services import accounts
from app.utils.decorators import role_required

log = logging.getLogger(__name__)


def _safe_next(target):
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("stock.index")


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute; 30 per hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("stock.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is None:
            log.warning("failed web login from %s", request.remote_addr)
            flash("Invalid email or password.", "danger")
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        log.info("user_id=%s signed in", user.id)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("Signed out.", "info")
    return redirect(url_for("auth.login"))


@auth_bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data)
        flash("If that address has an account, a reset code is on its way.", "info")
        return redirect(url_for("auth.reset_password", email=form.email.data))
    return render_template("auth/forgot_password.html", form=form)


@auth_bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def reset_password():
    form = ResetPasswordForm()
    if request.method == "GET" and request.args.get("email"):
        form.email.data = request.args["email"]
    if form.validate_on_submit():
        ok = accounts.complete_password_reset(form.email.data, form.code.data, form.password.data)
        if ok:
            flash("Password updated, please sign in.", "success")
            return redirect(url_for("auth.login"))
        flash("That code is invalid or has expired.", "danger")
    return render_template("auth/reset_password.html", form=form)


@auth_bp.route("/invites", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
@login_required
@role_required(Role.MANAGER)
def invites():
    form = InviteForm()
    if form.validate_on_submit():
        if accounts.find_user_by_email(form.email.data):
            flash("That person already has an account.", "warning")
        else:
            accounts.create_invite(form.email.data, form.role.data, current_user)
            flash(f"Invite sent to {form.email.data}.", "success")
        return redirect(url_for("auth.invites"))
    pending = Invite.query.filter(Invite.accepted_at.is_(None), Invite.expires_at > utcnow()).all()
    return render_template("auth/invites.html", form=form, pending=pending)


@auth_bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour")
def accept_invite(token):
    invite = Invite.query.filter_by(token=token).first()
    if invite is None or invite.accepted_at is not None or invite.expires_at < utcnow():
        abort(404)
    form = AcceptInviteForm()
    if form.validate_on_submit():
        user = accounts.accept_invite(invite, form.full_name.data, form.password.data)
        login_user(user)
        flash("Welcome aboard.", "success")
        return redirect(url_for("stock.index"))
    return render_template("auth/accept_invite.html", form=form, invite=invite)
