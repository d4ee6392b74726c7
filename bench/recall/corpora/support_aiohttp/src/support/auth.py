"""Authentication helpers shared by the views."""
import functools

from aiohttp import web
from aiohttp_session import get_session, new_session

from .security.tokens import TokenError, decode_access_token

USER_KEY = "uid"


async def login_user(request: web.Request, user) -> None:
    session = await new_session(request)
    session[USER_KEY] = user["id"]
    session["role"] = user["role"]


async def logout_user(request: web.Request) -> None:
    session = await get_session(request)
    session.invalidate()


async def current_user_id(request: web.Request) -> int | None:
    session = await get_session(request)
    return session.get(USER_KEY)


def login_required(handler):
    @functools.wraps(handler)
    async def wrapper(request: web.Request):
        user_id = await current_user_id(request)
        if user_id is None:
            raise web.HTTPFound(request.app.router["login"].url_for().with_query(next=request.path))
        request["user_id"] = user_id
        return await handler(request)

    return wrapper


def bearer_required(handler):
    @functools.wraps(handler)
    async def wrapper(request: web.Request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise web.HTTPUnauthorized(headers={"WWW-Authenticate": "Bearer"})
        try:
            claims = decode_access_token(token)
        except TokenError:
            raise web.HTTPUnauthorized(headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        request["user_id"] = int(claims["sub"])
        request["role"] = claims["role"]
        return await handler(request)

    return wrapper
