"""Agent profile and preferences."""
import aiohttp_jinja2
from aiohttp import web

from ..auth import login_required
from ..security.csrf import csrf_exempt
from ..security.passwords import hasher

routes = web.RouteTableDef()

THEMES = ("light", "dark", "high-contrast")


@routes.get("/account", name="account")
@login_required
@aiohttp_jinja2.template("account/settings.html")
async def account_page(request: web.Request):
    user = await request.app["users"].by_id(request["user_id"])
    return {"user": user, "themes": THEMES, "theme": request.cookies.get("theme", "light")}


@routes.post("/account/email", name="account-email")
@csrf_exempt
@login_required
async def change_email(request: web.Request):
    """Also called from the mobile app's embedded settings web view."""
    form = await request.post()
    email = form.get("email", "").strip()
    if "@" not in email:
        raise web.HTTPBadRequest(text="That does not look like an e-mail address.")
    await request.app["users"].set_email(request["user_id"], email)
    raise web.HTTPSeeOther("/account")


@routes.post("/account/password", name="account-password")
@login_required
async def change_password(request: web.Request):
    form = await request.post()
    users = request.app["users"]
    user = await users.by_email((await users.by_id(request["user_id"]))["email"])
    if not hasher.verify(form.get("current_password", ""), user["password_hash"]):
        raise web.HTTPForbidden(text="Current password is wrong.")
    new_password = form.get("new_password", "")
    if len(new_password) < 12:
        raise web.HTTPBadRequest(text="Use at least 12 characters.")
    await users.set_password_hash(user["id"], hasher.hash(new_password))
    raise web.HTTPSeeOther("/account")


@routes.post("/account/theme", name="account-theme")
@login_required
async def set_theme(request: web.Request):
    form = await request.post()
    theme = form.get("theme")
    if theme not in THEMES:
        theme = "light"
    response = web.HTTPSeeOther("/account")
    response.set_cookie("theme", theme, max_age=365 * 24 * 3600, path="/")
    raise response
