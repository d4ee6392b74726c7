"""Login, logout, invitation acceptance and password reset pages."""
import logging

import aiohttp_jinja2
from aiohttp import web

from ..auth import login_user, logout_user
from ..security.passwords import hasher
from ..security.ratelimit import throttle

routes = web.RouteTableDef()
log = logging.getLogger(__name__)


@routes.view("/login", name="login")
class LoginView(web.View):
    @aiohttp_jinja2.template("auth/login.html")
    async def get(self):
        return {"next": self.request.query.get("next", "/tickets")}

    @throttle("login", limit=5, per=60)
    async def post(self):
        form = await self.request.post()
        email = form.get("email", "").strip()
        password = form.get("password", "")
        users = self.request.app["users"]
        user = await users.by_email(email)
        if user is None or not user["is_active"] or not hasher.verify(password, user["password_hash"]):
            log.warning("failed login for %s from %s", email, self.request.remote)
            return aiohttp_jinja2.render_template(
                "auth/login.html", self.request, {"error": "Wrong e-mail or password.", "email": email},
                status=401,
            )
        if hasher.needs_rehash(user["password_hash"]):
            await users.set_password_hash(user["id"], hasher.hash(password))
        await login_user(self.request, user)
        log.info("user %s logged in", user["id"])
        target = form.get("next", "/tickets")
        if not target.startswith("/") or target.startswith("//"):
            target = "/tickets"
        raise web.HTTPSeeOther(target)


@routes.post("/logout", name="logout")
async def logout(request: web.Request):
    await logout_user(request)
    raise web.HTTPSeeOther("/login")


@routes.get("/invites/{code}", name="invite")
@aiohttp_jinja2.template("invites/accept.html")
async def invite_form(request: web.Request):
    invite = await request.app["users"].open_invite(request.match_info["code"])
    if invite is None:
        raise web.HTTPNotFound(text="This invitation has expired or was already used.")
    return {"invite": invite, "code": request.match_info["code"]}


@routes.post("/invites/{code}")
@throttle("signup", limit=10, per=3600)
async def accept_invite(request: web.Request):
    users = request.app["users"]
    invite = await users.open_invite(request.match_info["code"])
    if invite is None:
        raise web.HTTPNotFound()
    form = await request.post()
    password = form.get("password", "")
    if len(password) < 12:
        return aiohttp_jinja2.render_template(
            "invites/accept.html", request,
            {"invite": invite, "code": request.match_info["code"],
             "error": "Use at least 12 characters."},
            status=400,
        )
    user_id = await users.create(
        invite["email"], form.get("display_name", "").strip(), hasher.hash(password), "agent"
    )
    await users.mark_invite_used(invite["id"])
    await login_user(request, {"id": user_id, "role": "agent"})
    raise web.HTTPSeeOther("/tickets")


@routes.get("/password/forgot", name="password-forgot")
@aiohttp_jinja2.template("auth/forgot.html")
async def forgot_form(request: web.Request):
    return {}


@routes.post("/password/forgot")
async def forgot_submit(request: web.Request):
    form = await request.post()
    email = form.get("email", "").strip()
    if email:
        await request.app["password_resets"].request_reset(email)
    return aiohttp_jinja2.render_template("auth/forgot.html", request, {"sent": True})


@routes.post("/password/reset/{token}")
@throttle("reset", limit=10, per=900)
async def reset_submit(request: web.Request):
    form = await request.post()
    ok = await request.app["password_resets"].complete_reset(
        request.match_info["token"], form.get("password", "")
    )
    if not ok:
        raise web.HTTPBadRequest(text="This reset link is invalid or has expired.")
    raise web.HTTPSeeOther("/login")


@routes.get("/password/reset/{token}", name="password-reset")
@aiohttp_jinja2.template("auth/reset.html")
async def reset_form(request: web.Request):
    return {"token": request.match_info["token"]}
