from dataclasses import dataclass
from typing import Annotated

from litestar import Controller, Request, get, post
from litestar.enums import MediaType, RequestEncodingType
from litestar.params import Body

from service.users import check_login, create_user


@dataclass
class Credentials:
    email: str
    password: str


@get("/hello", media_type=MediaType.HTML)
async def hello(name: str = "") -> str:
    return f"<h1>Hello {name}</h1>"  # expect: XSS001


@get("/greeting")
async def greeting(name: str = "") -> str:
    return f"Hello {name}"


@post("/login")
async def login(  # expect: RATE001
    request: Request, data: Annotated[Credentials, Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> None:
    user = await check_login(data.email, data.password)
    request.set_session({"user_id": user.id})


class AccountController(Controller):
    path = "/account"

    @post("/register")
    async def register(self, data: Credentials) -> None:  # expect: RATE003
        await create_user(data.email, data.password)

    @post("/cart")
    async def add_to_cart(
        self, request: Request, data: Annotated[dict, Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> list:
        cart = request.session.setdefault("cart", [])
        cart.append(data["product"])
        return cart
