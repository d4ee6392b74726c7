from aiohttp import web
from aiohttp_session import get_session

from shop.users import check_login, create_user, send_reset_email


async def login(request):
    form = await request.post()
    user = await check_login(form["email"], form["password"])
    session = await get_session(request)
    session["user_id"] = user.id
    raise web.HTTPFound("/")


async def register(request):
    form = await request.post()
    await create_user(form["email"], form["password"])
    raise web.HTTPFound("/login")


async def forgot_password(request):
    form = await request.post()
    await send_reset_email(form["email"])
    return web.Response(text="If the address exists, a link is on its way.")


async def logout(request):
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPFound("/")
