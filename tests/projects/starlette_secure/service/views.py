import html

from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from service.users import check_login


async def hello(request):
    name = request.query_params.get("name", "")
    return HTMLResponse(f"<h1>Hello {html.escape(name)}</h1>")


async def login(request):
    form = await request.form()
    user = await check_login(form["email"], form["password"])
    request.session["user_id"] = user.id
    return RedirectResponse("/", status_code=303)


async def add_to_cart(request):
    form = await request.form()
    cart = request.session.setdefault("cart", [])
    cart.append(form["product"])
    return JSONResponse(cart)
