import html
import logging

from markupsafe import escape
from quart import Blueprint, Response, jsonify, make_response, render_template, render_template_string, request, session

from shop.db import connect
from shop.tokens import read

store_bp = Blueprint("store", __name__, url_prefix="/store")
log = logging.getLogger(__name__)


@store_bp.get("/search")
async def search():
    term = request.args.get("q", "")
    db = await connect()
    cursor = await db.execute("SELECT name FROM products WHERE name LIKE ?", (f"%{term}%",))
    rows = await cursor.fetchall()
    return await render_template("results.html", term=term, rows=rows)


@store_bp.get("/hello")
async def hello():
    name = request.args.get("name", "")
    return f"<h1>Hello {escape(name)}</h1>"


@store_bp.get("/banner")
async def banner():
    text = request.args.get("text", "")
    return await make_response(f"<div class='banner'>{html.escape(text)}</div>")


@store_bp.get("/echo")
async def echo():
    return Response(request.args["msg"], mimetype="text/plain")


@store_bp.get("/greeting")
async def greeting():
    name = request.args.get("name", "")
    return await render_template_string("<p>Welcome back, {{ name }}</p>", name=name)


@store_bp.get("/gift-note")
async def gift_note():
    return await render_template("gift_note.html", note=request.args.get("note", ""))


@store_bp.post("/cart")
async def add_to_cart():
    form = await request.form
    session.setdefault("cart", []).append(form["product"])
    return jsonify(session["cart"])


@store_bp.get("/orders")
async def orders():
    claims = read(request.headers["Authorization"].removeprefix("Bearer "))
    log.info("orders for %s", claims["sub"])
    try:
        db = await connect()
        cursor = await db.execute("SELECT id FROM orders WHERE user_id = ?", (claims["sub"],))
        return jsonify(await cursor.fetchall())
    except Exception:
        log.exception("listing orders failed")
        return jsonify({"error": "internal error"}), 500
