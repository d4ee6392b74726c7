import logging
from datetime import datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user

from ..extensions import db, limiter
from ..mail import send_mail
from ..models import Invitation, PasswordReset, User
from ..security import make_reset_token
from .forms import ForgotPasswordForm, LoginForm, RegisterForm, ResetPasswordForm

log = logging.getLogger(__name__)

auth_bp = Blueprint("auth", __name__)


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = User.query.filter_by(username=form.username.data).first()
        if user is None or not user.check_password(form.password.data):
            log.info("failed login for %r from %s", form.username.data, request.remote_addr)
            flash("Wrong username or password.", "danger")
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        next_url = request.args.get("next")
        if not next_url or not next_url.startswith("/"):
            next_url = url_for("pages.index")
        return redirect(next_url)
    return render_template("auth/login.html", form=form)


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("pages.index"))


@auth_bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        invite = Invitation.query.filter_by(code=form.invite_code.data, used=False).first()
        if invite is None:
            flash("That invite code is not valid.", "danger")
            return render_template("auth/register.html", form=form), 400
        user = User(username=form.username.data, email=form.email.data)
        user.set_password(form.password.data)
        invite.used = True
        db.session.add(user)
        db.session.commit()
        login_user(user)
        return redirect(url_for("pages.index"))
    return render_template("auth/register.html", form=form)


@auth_bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = User.query.filter_by(email=form.email.data).first()
        if user is not None:
            token = make_reset_token(user)
            db.session.add(PasswordReset(user_id=user.id, token=token))
            db.session.commit()
            link = url_for("auth.reset_password", token=token, _external=True)
            log.info("password reset for %s: token=%s", user.email, token)
            send_mail(
                user.email,
                "Reset your wiki password",
                f"Follow this link to choose a new password:\n\n{link}\n",
            )
        flash("If that address is registered, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form)


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour")
def reset_password(token):
    reset = PasswordReset.query.filter_by(token=token).first_or_404()
    max_age = current_app.config["RESET_TOKEN_MAX_AGE"]
    if datetime.utcnow() - reset.created_at > max_age:
        db.session.delete(reset)
        db.session.commit()
        abort(410)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        reset.user.set_password(form.password.data)
        db.session.delete(reset)
        db.session.commit()
        flash("Password updated, please sign in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form)
