"""Bookmarks: a small aiohttp service for `secpat probe`, with runtime problems of its own.

    python examples/aiohttp_target/app.py --port 8080
    secpat probe http://127.0.0.1:8080 --username bob@example.com --password tulip-garden-lantern-42 \\
        --openapi /api/v1/spec.json

Test account: bob@example.com / tulip-garden-lantern-42. Pages with a cookie session and a
double-submit CSRF token, a JSON API with HS256 tokens; the API's OpenAPI document is at
/api/v1/spec.json, where only a user who knows it finds it.

What is wrong with it, at runtime: session ids are the login's time in milliseconds; logout
only clears the cookie; the password hash is computed for known addresses only (a wrong password
for one answers slower); no limit on logins, on the token endpoint or on reset requests; a
Content-Security-Policy that allows inline scripts; aiohttp's `Server` header with versions; the
token's `kid` is pasted into SQL to find its key, and expiry is not checked; the search API pastes
its JSON `term` into SQL and returns the database error; the preview API echoes its JSON `text`
into HTML unescaped. Serve it only on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import html
import secrets
import sqlite3
import time

import jwt
from aiohttp import web

ACCOUNT = ("bob@example.com", "tulip-garden-lantern-42")
SALT = secrets.token_bytes(16)
ITERATIONS = 300_000
HEADERS = {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'",
           "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Bookmarks API", "version": "1"},
    "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    "paths": {
        "/login": {"post": {"operationId": "login", "requestBody": {"content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                "email": {"type": "string"}, "password": {"type": "string"}}}}}},
            "responses": {"303": {"description": "logged in"}}}},
        "/api/v1/auth": {"post": {"operationId": "issueToken", "requestBody": {"content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "email": {"type": "string"}, "password": {"type": "string"}}}}}},
            "responses": {"200": {"description": "a token"}}}},
        "/api/v1/bookmarks": {"get": {"operationId": "listBookmarks", "security": [{"bearer": []}],
                                      "responses": {"200": {"description": "bookmarks"}}}},
        "/api/v1/search": {"post": {"operationId": "search", "requestBody": {"content": {
            "application/json": {"schema": {"type": "object", "properties": {"term": {"type": "string"}}}}}},
            "responses": {"200": {"description": "matches"}}}},
        "/api/v1/preview": {"post": {"operationId": "preview", "requestBody": {"content": {
            "application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}},
            "responses": {"200": {"description": "an HTML preview", "content": {"text/html": {}}}}}},
    },
}


def digest(password: str) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), SALT, ITERATIONS)


def create_app() -> web.Application:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE bookmarks (owner TEXT, title TEXT, url TEXT)")
    db.execute("CREATE TABLE jwt_keys (kid TEXT, secret TEXT)")
    db.execute("INSERT INTO bookmarks VALUES (?, ?, ?)", (ACCOUNT[0], "aiohttp docs", "https://docs.aiohttp.org"))
    db.execute("INSERT INTO jwt_keys VALUES (?, ?)", ("k1", secrets.token_urlsafe(32)))
    users = {ACCOUNT[0]: digest(ACCOUNT[1])}
    sessions: dict[str, str] = {}

    def page(body: str, status: int = 200, request: web.Request | None = None) -> web.Response:
        user = sessions.get(request.cookies.get("bm_session", "")) if request else None
        nav = '<a href="/">home</a> <a href="/bookmarks">bookmarks</a> ' + (
            f'<form method="post" action="/logout"><input type="hidden" name="csrf" value="{csrf_of(request)}">'
            "<button>log out</button></form>" if user else '<a href="/login">log in</a> <a href="/forgot">forgot</a>')
        response = web.Response(text=f"<!doctype html><title>Bookmarks</title><nav>{nav}</nav>{body}",
                                content_type="text/html", status=status, headers=HEADERS)
        if request is not None and "csrf" not in request.cookies:
            response.set_cookie("csrf", csrf_of(request), httponly=True, samesite="Lax")
        return response

    def csrf_of(request: web.Request | None) -> str:
        if request is None:
            return ""
        if "csrf" not in request.cookies and "csrf" not in request:
            request["csrf"] = secrets.token_urlsafe(24)
        return request.cookies.get("csrf") or request["csrf"]

    def csrf_ok(request: web.Request, form) -> bool:  # noqa: ANN001
        cookie = request.cookies.get("csrf", "")
        return bool(cookie) and hmac.compare_digest(str(form.get("csrf", "")), cookie)

    def user_of(request: web.Request) -> str | None:
        return sessions.get(request.cookies.get("bm_session", ""))

    def password_ok(email: str, password: str) -> bool:
        stored = users.get(email)
        return stored is not None and hmac.compare_digest(stored, digest(password))

    async def home(request: web.Request) -> web.Response:
        return page("<h1>Bookmarks</h1><p>Keep your links.</p>", request=request)

    async def login_form(request: web.Request) -> web.Response:
        return page(f'<form method="post" action="/login"><input type="hidden" name="csrf" value="{csrf_of(request)}">'
                    '<input type="email" name="email"> <input type="password" name="password">'
                    "<button>Log in</button></form>", request=request)

    async def login(request: web.Request) -> web.Response:
        form = await request.post()
        if not csrf_ok(request, form):
            return page("<p>Form expired, reload the page.</p>", 403, request)
        email = str(form.get("email", ""))
        if not password_ok(email, str(form.get("password", ""))):
            return page("<p>Wrong e-mail or password.</p>", 401, request)
        session_id = str(int(time.time() * 1000))
        sessions[session_id] = email
        response = web.HTTPSeeOther("/bookmarks")
        response.set_cookie("bm_session", session_id, httponly=True, samesite="Lax")
        return response

    async def logout(request: web.Request) -> web.Response:
        form = await request.post()
        if not csrf_ok(request, form):
            return page("<p>Form expired, reload the page.</p>", 403, request)
        response = web.HTTPSeeOther("/")
        response.del_cookie("bm_session")
        return response

    async def bookmarks(request: web.Request) -> web.Response:
        user = user_of(request)
        if user is None:
            raise web.HTTPSeeOther("/login")
        rows = db.execute("SELECT title, url FROM bookmarks WHERE owner = ?", (user,)).fetchall()
        items = "".join(f'<li><a href="{html.escape(url)}">{html.escape(title)}</a></li>' for title, url in rows)
        return page(f"<ul>{items}</ul><form method=\"post\" action=\"/bookmarks\"><input type=\"hidden\" name=\"csrf\" "
                    f'value="{csrf_of(request)}"><input name="title"> <input name="url"><button>Add</button></form>',
                    request=request)

    async def add_bookmark(request: web.Request) -> web.Response:
        user = user_of(request)
        if user is None:
            raise web.HTTPSeeOther("/login")
        form = await request.post()
        if not csrf_ok(request, form):
            return page("<p>Form expired, reload the page.</p>", 403, request)
        db.execute("INSERT INTO bookmarks VALUES (?, ?, ?)", (user, str(form.get("title", ""))[:200],
                                                               str(form.get("url", ""))[:500]))
        raise web.HTTPSeeOther("/bookmarks")

    async def forgot_form(request: web.Request) -> web.Response:
        return page(f'<form method="post" action="/forgot"><input type="hidden" name="csrf" value="{csrf_of(request)}">'
                    '<input type="email" name="email"><button>Send a reset link</button></form>', request=request)

    async def forgot(request: web.Request) -> web.Response:
        form = await request.post()
        if not csrf_ok(request, form):
            return page("<p>Form expired, reload the page.</p>", 403, request)
        return page("<p>If that address has an account, a link is on its way.</p>", request=request)

    async def spec(request: web.Request) -> web.Response:
        return web.json_response(SPEC)

    async def issue_token(request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"error": "send JSON"}, status=400)
        if not isinstance(body, dict) or not password_ok(str(body.get("email", "")), str(body.get("password", ""))):
            return web.json_response({"error": "invalid credentials"}, status=401)
        secret = db.execute("SELECT secret FROM jwt_keys WHERE kid = 'k1'").fetchone()[0]
        claims = {"sub": body["email"], "exp": int(time.time()) + 600}
        return web.json_response({"access_token": jwt.encode(claims, secret, algorithm="HS256",
                                                             headers={"kid": "k1"})})

    def token_user(request: web.Request) -> str | None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        try:
            kid = jwt.get_unverified_header(token).get("kid", "")
            row = db.execute(f"SELECT secret FROM jwt_keys WHERE kid = '{kid}'").fetchone()
            if row is None:
                return None
            claims = jwt.decode(token, row[0], algorithms=["HS256"], options={"verify_exp": False})
        except (jwt.PyJWTError, sqlite3.Error):
            return None
        return claims.get("sub")

    async def api_bookmarks(request: web.Request) -> web.Response:
        user = token_user(request)
        if user is None:
            return web.json_response({"error": "unauthorised"}, status=401)
        rows = db.execute("SELECT title, url FROM bookmarks WHERE owner = ?", (user,)).fetchall()
        return web.json_response([{"title": t, "url": u} for t, u in rows])

    async def json_field(request: web.Request, name: str) -> str:
        try:
            return str((await request.json()).get(name, ""))
        except (ValueError, AttributeError):
            raise web.HTTPBadRequest(text='{"error": "send JSON"}', content_type="application/json") from None

    async def search(request: web.Request) -> web.Response:
        term = await json_field(request, "term")
        try:
            rows = db.execute(f"SELECT title, url FROM bookmarks WHERE title LIKE '%{term}%'").fetchall()
        except sqlite3.Error as exc:
            return web.json_response({"error": f"search failed: {exc}"}, status=500)
        return web.json_response([{"title": t, "url": u} for t, u in rows])

    async def preview(request: web.Request) -> web.Response:
        text = await json_field(request, "text")
        return web.Response(text=f'<div class="preview">{text}</div>', content_type="text/html", headers=HEADERS)

    app = web.Application()
    app.add_routes([
        web.get("/", home), web.get("/login", login_form), web.post("/login", login), web.post("/logout", logout),
        web.get("/bookmarks", bookmarks), web.post("/bookmarks", add_bookmark), web.get("/forgot", forgot_form),
        web.post("/forgot", forgot), web.get("/api/v1/spec.json", spec), web.post("/api/v1/auth", issue_token),
        web.get("/api/v1/bookmarks", api_bookmarks), web.post("/api/v1/search", search),
        web.post("/api/v1/preview", preview),
    ])
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    web.run_app(create_app(), host=args.host, port=args.port, print=None)


if __name__ == "__main__":
    main()
