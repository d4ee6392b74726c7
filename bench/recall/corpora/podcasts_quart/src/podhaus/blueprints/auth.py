"""Dashboard login, sign-up, password reset and account settings."""
from __future__ import annotations

import logging
from datetime import timedelta

from quart import Blueprint, flash, redirect, render_template, request, url_for
from quart_auth import AuthUser, current_user, login_required, login_user, logout_user
from quart_rate_limiter import rate_limit

from ..auth_user import current_user_id
from ..csrf import csrf_exempt
from ..extensions import db
from ..repositories import users as users_repo
from ..security import generate_api_key
from ..services import accounts
from ..services.accounts import AccountError

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("shows.dashboard")


@bp.route("/login", methods=["GET", "POST"])
@rate_limit(10, timedelta(minutes=5))
async def login():
    if request.method == "POST":
        form = await request.form
        user = await accounts.authenticate(form.get("email", ""), form.get("password", ""))
        if user is None:
            await flash("That e-mail and password don't match.", "error")
            return await render_template("auth/login.html", email=form.get("email", "")), 401
        login_user(AuthUser(str(user["id"])), remember=bool(form.get("remember")))
        return redirect(_safe_next(request.args.get("next")))
    return await render_template("auth/login.html")


@bp.post("/logout")
@login_required
async def logout():
    logout_user()
    return redirect(url_for("shows.index"))


@bp.route("/register", methods=["GET", "POST"])
async def register():
    if request.method == "POST":
        form = await request.form
        try:
            user_id = await accounts.register(
                email=form.get("email", ""),
                display_name=form.get("display_name", ""),
                password=form.get("password", ""),
            )
        except AccountError as exc:
            await flash(str(exc), "error")
            return await render_template("auth/register.html", form=form), 400
        login_user(AuthUser(str(user_id)))
        return redirect(url_for("shows.new_show"))
    return await render_template("auth/register.html", form={})


@bp.route("/reset", methods=["GET", "POST"])
async def reset_request():
    if request.method == "POST":
        form = await request.form
        await accounts.start_password_reset(form.get("email", ""))
        await flash("If that address has an account, a reset link is on its way.", "info")
        return redirect(url_for("auth.login"))
    return await render_template("auth/reset.html", token=None)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@rate_limit(5, timedelta(minutes=10))
async def reset_password(token: str):
    if request.method == "POST":
        form = await request.form
        try:
            ok = await accounts.finish_password_reset(token, form.get("password", ""))
        except AccountError as exc:
            await flash(str(exc), "error")
            return await render_template("auth/reset.html", token=token), 400
        if not ok:
            await flash("That reset link has expired. Request a new one.", "error")
            return redirect(url_for("auth.reset_request"))
        await flash("Password updated. You can sign in now.", "success")
        return redirect(url_for("auth.login"))
    return await render_template("auth/reset.html", token=token)


@bp.get("/account")
@login_required
async def account():
    user = await current_user.record
    return await render_template("account/settings.html", user=user)


@bp.post("/account/profile")
@login_required
async def update_profile():
    user_id = await current_user_id()
    form = await request.form
    await users_repo.update_profile(
        db.pool,
        user_id,
        display_name=form.get("display_name", "").strip(),
        email=form.get("email", "").strip().lower(),
    )
    await flash("Profile saved.", "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/password")
@login_required
@rate_limit(5, timedelta(minutes=15))
async def change_password():
    user = await current_user.record
    form = await request.form
    try:
        await accounts.change_password(user, form.get("current_password", ""), form.get("new_password", ""))
    except AccountError as exc:
        await flash(str(exc), "error")
    else:
        await flash("Password changed.", "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/api-keys")
@login_required
async def create_api_key():
    user_id = await current_user_id()
    form = await request.form
    plaintext, key_hash = generate_api_key()
    await users_repo.create_api_key(db.pool, user_id, key_hash, form.get("label", "API key")[:60])
    user = await current_user.record
    return await render_template("account/settings.html", user=user, new_api_key=plaintext)


@bp.post("/account/delete")
@login_required
@csrf_exempt
async def delete_account():
    user_id = await current_user_id()
    await users_repo.delete(db.pool, user_id)
    logout_user()
    await flash("Your account has been deleted.", "info")
    return redirect(url_for("shows.index"))
