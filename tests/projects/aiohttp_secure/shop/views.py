import html

from aiohttp import web
from aiohttp_session import get_session

routes = web.RouteTableDef()


@routes.get("/hello")
async def hello(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<h1>Hello {html.escape(name)}</h1>", content_type="text/html")


@routes.get("/plain")
async def plain(request):
    name = request.query.get("name", "")
    return web.Response(text=f"Hello {name}")


@routes.get("/items/{item_id}")
async def item(request):
    item_id = request.match_info["item_id"]
    async with request.app["db"].acquire() as connection:
        async with connection.cursor() as cursor:
            await cursor.execute("SELECT name FROM items WHERE id = %s", (item_id,))
            rows = await cursor.fetchall()
    return web.json_response([row[0] for row in rows])


@routes.post("/cart")
async def add_to_cart(request):
    session = await get_session(request)
    form = await request.post()
    session.setdefault("cart", []).append(form["product"])
    return web.json_response(session["cart"])
