"""Staff-only administration pages."""
from __future__ import annotations

import logging

from quart import Blueprint, abort, flash, redirect, render_template, request, url_for

from ..auth_user import admin_required
from ..extensions import db
from ..repositories import users as users_repo
from ..services import admin as admin_service

log = logging.getLogger(__name__)

bp = Blueprint("admin", __name__)

USERS_PER_PAGE = 50


@bp.get("/")
@admin_required
async def users():
    page = max(request.args.get("page", 1, type=int), 1)
    role = request.args.get("role") or None
    rows = await users_repo.list_page(db.pool, limit=USERS_PER_PAGE, offset=(page - 1) * USERS_PER_PAGE, role=role)
    overview = await admin_service.platform_overview() if page == 1 else None
    return await render_template("admin/users.html", users=rows, page=page, role=role, overview=overview)


@bp.post("/users/staff")
@admin_required
async def create_staff():
    form = await request.form
    try:
        await admin_service.create_staff_account(
            email=form["email"],
            display_name=form.get("display_name") or form["email"],
            password=form["password"],
            role=form.get("role", "staff"),
        )
    except (KeyError, ValueError):
        await flash("E-mail, password and a staff role are required.", "error")
    else:
        await flash("Staff account created.", "success")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/role")
@admin_required
async def change_role(user_id: int):
    form = await request.form
    try:
        await admin_service.change_role(user_id, form.get("role", ""))
    except ValueError:
        abort(400)
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/disable")
@admin_required
async def disable_user(user_id: int):
    await users_repo.disable(db.pool, user_id)
    log.info("User %s disabled by staff", user_id)
    await flash("Account disabled.", "info")
    return redirect(url_for("admin.users"))
