"""Profile and password settings."""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import redirect
from sanic.views import HTTPMethodView
from sanic_ext import render

from gatepass.repositories.users import UserRepository
from gatepass.security.ratelimit import by_user, rate_limit
from gatepass.security.sessions import attach_session, clear_session, login_required
from gatepass.services.accounts import AccountError, AccountService

bp = Blueprint("account", url_prefix="/account")

PROFILE_FIELDS = ("full_name", "phone")


class ProfileView(HTTPMethodView):
    decorators = [login_required]

    async def get(self, request: Request):
        return await render("account/profile.html", context={"user": request.ctx.user, "saved": "saved" in request.args})

    async def post(self, request: Request):
        fields = {}
        for name in PROFILE_FIELDS:
            value = request.form.get(name)
            if value is not None:
                fields[name] = value.strip()[:120]
        fields["marketing_opt_in"] = request.form.get("marketing_opt_in") == "on"
        if not fields.get("full_name"):
            return await render(
                "account/profile.html",
                status=400,
                context={"user": request.ctx.user, "errors": ["Your name can't be empty."]},
            )
        await UserRepository(request.app.ctx.db).update(request.ctx.user["id"], fields)
        return redirect("/account/?saved=1")


@bp.post("/password")
@login_required
@rate_limit("change-password", limit=5, window=600, key=by_user)
async def change_password(request: Request):
    service = AccountService(request.app)
    try:
        user = await service.change_password(
            request.ctx.user,
            request.form.get("current_password", ""),
            request.form.get("new_password", ""),
        )
    except AccountError as exc:
        return await render(
            "account/profile.html",
            status=400,
            context={"user": request.ctx.user, "password_errors": exc.problems},
        )
    # session_version was bumped, so re-issue this browser's cookie
    return attach_session(redirect("/account/?saved=1"), user, request.app.config)


@bp.post("/sessions/revoke")
@login_required
async def sign_out_everywhere(request: Request):
    users = UserRepository(request.app.ctx.db)
    await users.bump_session_version(request.ctx.user["id"])
    await users.revoke_refresh_tokens(request.ctx.user["id"])
    return clear_session(redirect("/login"), request.app.config)


bp.add_route(ProfileView.as_view(), "/")
