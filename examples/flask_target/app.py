"""A small Flask notes app for `secpat probe`, served by Werkzeug: flawed by default, sound with --secure.

    python examples/flask_target/app.py --port 5000            # the flawed app
    python examples/flask_target/app.py --port 5001 --secure   # the same app done right
    secpat probe http://127.0.0.1:5000 --login /login \\
        --username alice@example.com --password correct-horse-battery-staple --form /notes

Test account: alice@example.com / correct-horse-battery-staple. It has no OpenAPI
document, so the probe reads its forms (home page, login page, --form pages).

The flawed app: unlimited login attempts (RATE101), notes posted with the session cookie
alone (CSRF101), the Werkzeug debugger on errors (CONF101), a session cookie without
SameSite (CONF103), no security headers (CONF104), the search term reflected unescaped
(XSS101) and pasted into SQL (SQL101), the server's and Python's versions in `Server`
(CONF107), a password hash checked only for known addresses, so a wrong password for
the test account answers markedly slower than for an unknown one (RATE104), a logout that
only clears the signed cookie, so a copy of it still works (CONF110),
and a JSON API whose RS256 tokens are checked by a hand-made verifier that takes the algorithm
from the token: HS256 keyed with the published public key passes (JWT106), and expiry is not
checked on that path (JWT102). The debugger runs without its console (no code execution);
serve this only on 127.0.0.1.

The API: POST /api/token (JSON email, password) gives an RS256 token for 15 minutes, GET
/api/notes needs it, GET /.well-known/jwks.json publishes the public key.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from collections import defaultdict, deque

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask, abort, jsonify, redirect, render_template_string, request, session
from markupsafe import Markup
from werkzeug.security import check_password_hash, generate_password_hash

ACCOUNT = ("alice@example.com", "correct-horse-battery-staple")
MAX_FAILURES, WINDOW = 5, 60.0  # secure mode: failed logins per client and account per window

PAGE = """<!doctype html>
<html><head><title>Notes</title></head><body>
<p><a href="/">home</a> <a href="/notes">notes</a> <a href="/login">log in</a> <a href="/logout">log out</a></p>
{{ body }}
</body></html>"""

HOME = """<h1>Notes</h1>
<form method="get" action="/search"><input type="search" name="q"><button>Search</button></form>"""

LOGIN = """<h1>Log in</h1>{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post" action="/login">
  {% if csrf %}<input type="hidden" name="csrf_token" value="{{ csrf }}">{% endif %}
  <input type="email" name="email" required> <input type="password" name="password" required>
  <button>Log in</button>
</form>"""

NOTES = """<h1>Notes of {{ user }}</h1>
<ul>{% for title in notes %}<li>{{ title }}</li>{% endfor %}</ul>
<form method="post" action="/notes">
  {% if csrf %}<input type="hidden" name="csrf_token" value="{{ csrf }}">{% endif %}
  <input type="text" name="title" required> <button>Add</button>
</form>"""


def create_app(secure: bool) -> Flask:
    app = Flask(__name__)
    app.secret_key = os.environ.get("FLASK_TARGET_SECRET_KEY") or secrets.token_hex(32)
    if secure:
        app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                          SESSION_COOKIE_SECURE=os.environ.get("FLASK_TARGET_HTTPS") == "1")
    else:
        app.config.update(PROPAGATE_EXCEPTIONS=True)  # errors reach the Werkzeug debugger
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db_lock = threading.Lock()
    db.execute("CREATE TABLE notes (owner TEXT, title TEXT)")
    db.execute("INSERT INTO notes VALUES (?, ?)", (ACCOUNT[0], "first note"))
    users = {ACCOUNT[0]: generate_password_hash(ACCOUNT[1])}
    # Secure mode checks this hash for unknown addresses, so a wrong password takes as long either way.
    unknown_user_hash = generate_password_hash(secrets.token_urlsafe(16))

    def password_ok(email: str, password: str) -> bool:
        stored = users.get(email)
        if stored is None:
            if secure:
                check_password_hash(unknown_user_hash, password)
            return False
        return check_password_hash(stored, password)
    failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
    live_sessions: set[str] = set()  # secure mode: the server's record of who is logged in
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)

    def throttled(key: tuple[str, str]) -> bool:
        recent = failures[key]
        while recent and recent[0] < time.monotonic() - WINDOW:
            recent.popleft()
        return secure and len(recent) >= MAX_FAILURES

    def logged_in() -> str | None:
        user = session.get("user")
        if user and secure and session.get("sid") not in live_sessions:
            return None
        return user

    def page(body: str, **context: object) -> str:
        inner = render_template_string(body, **context)
        return render_template_string(PAGE, body=Markup(inner))

    def csrf_token() -> str | None:
        if not secure:
            return None
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(32)
        return session["csrf"]

    def check_csrf() -> None:
        if secure and not hmac.compare_digest(request.form.get("csrf_token", ""), session.get("csrf", "\0")):
            abort(403)

    @app.get("/")
    def home() -> str:
        return page(HOME)

    @app.get("/login")
    def login_form() -> str:
        return page(LOGIN, csrf=csrf_token())

    @app.post("/login")
    def login():  # noqa: ANN202 - a page or a redirect
        check_csrf()
        email = request.form.get("email", "")
        key = (request.remote_addr or "", email.lower())
        if throttled(key):
            return page("<p>Too many attempts; try again later.</p>"), 429, {"Retry-After": str(int(WINDOW))}
        if not password_ok(email, request.form.get("password", "")):
            if secure:
                failures[key].append(time.monotonic())
            return page(LOGIN, error="Invalid e-mail or password.", csrf=csrf_token()), 401
        session.clear()
        session["user"] = email
        if secure:
            session["sid"] = secrets.token_urlsafe(32)
            live_sessions.add(session["sid"])
        return redirect("/notes", 303)

    @app.get("/logout")
    def logout():  # noqa: ANN202
        live_sessions.discard(session.get("sid", ""))  # the flawed app keeps no record: clearing is all it does
        session.clear()
        return redirect("/", 303)

    @app.get("/notes")
    def notes():  # noqa: ANN202
        if (user := logged_in()) is None:
            return redirect("/login", 303)
        with db_lock:
            rows = db.execute("SELECT title FROM notes WHERE owner = ?", (user,)).fetchall()
        return page(NOTES, user=user, notes=[r[0] for r in rows], csrf=csrf_token())

    @app.post("/notes")
    def add_note():  # noqa: ANN202
        if (user := logged_in()) is None:
            return redirect("/login", 303)
        check_csrf()
        with db_lock:
            db.execute("INSERT INTO notes VALUES (?, ?)", (user, request.form.get("title", "")[:200]))
        return redirect("/notes", 303)

    @app.get("/.well-known/jwks.json")
    def jwks():  # noqa: ANN202
        numbers = private_key.public_key().public_numbers()

        def b64(n: int) -> str:
            return base64.urlsafe_b64encode(n.to_bytes((n.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()

        return jsonify(keys=[{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "notes-1", "n": b64(numbers.n),
                              "e": b64(numbers.e)}])

    @app.post("/api/token")
    def api_token():  # noqa: ANN202
        body = request.get_json(silent=True) or {}
        email = str(body.get("email", ""))
        key = (request.remote_addr or "", "token " + email.lower())
        if throttled(key):
            return jsonify(error="too many attempts"), 429, {"Retry-After": str(int(WINDOW))}
        if not password_ok(email, str(body.get("password", ""))):
            failures[key].append(time.monotonic())
            return jsonify(error="invalid credentials"), 401
        claims = {"sub": email, "exp": int(time.time()) + 900}
        return jsonify(access_token=jwt.encode(claims, private_key, algorithm="RS256", headers={"kid": "notes-1"}))

    def token_claims(token: str) -> dict | None:
        if secure:
            try:
                return jwt.decode(token, private_key.public_key(), algorithms=["RS256"])
            except jwt.PyJWTError:
                return None
        # The flawed verifier: the token names its algorithm, and "the key" is the PEM text for either kind.
        try:
            head, payload, signature = token.split(".")
            alg = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))).get("alg", "")
            if alg == "HS256":
                expected = hmac.new(public_pem, f"{head}.{payload}".encode(), hashlib.sha256).digest()
                given = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
                if not hmac.compare_digest(expected, given):
                    return None
                return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            return jwt.decode(token, public_pem, algorithms=[alg])
        except (ValueError, jwt.PyJWTError):
            return None

    @app.get("/api/notes")
    def api_notes():  # noqa: ANN202
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        claims = token_claims(token) if scheme.lower() == "bearer" else None
        if claims is None:
            return jsonify(error="unauthorised"), 401
        with db_lock:
            rows = db.execute("SELECT title FROM notes WHERE owner = ?", (claims.get("sub"),)).fetchall()
        return jsonify(notes=[r[0] for r in rows])

    @app.get("/search")
    def search() -> str:
        q = request.args.get("q", "")
        with db_lock:
            if secure:
                rows = db.execute("SELECT title FROM notes WHERE title LIKE ?", (f"%{q}%",)).fetchall()
                return page("<p>Results for {{ q }}: {{ n }}</p>", q=q, n=len(rows))
            rows = db.execute(f"SELECT title FROM notes WHERE title LIKE '%{q}%'").fetchall()  # the SQL101 flaw
        return render_template_string(PAGE, body=Markup(f"<p>Results for {q}: {len(rows)}</p>"))  # the XSS101 flaw

    if secure:
        @app.after_request
        def security_headers(response):  # noqa: ANN001, ANN202
            response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["X-Frame-Options"] = "DENY"
            return response

    return app


def main() -> None:
    from werkzeug.serving import WSGIRequestHandler, run_simple

    class Unversioned(WSGIRequestHandler):
        """`Server: notes` instead of the server's and Python's versions."""

        server_version, sys_version = "notes", ""

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--secure", action="store_true", help="serve the sound version")
    args = parser.parse_args()
    app = create_app(args.secure)
    # The flawed app shows the debugger's traceback page, without its console (use_evalex=False).
    run_simple(args.host, args.port, app, use_debugger=not args.secure, use_evalex=False, threaded=True,
               request_handler=Unversioned if args.secure else WSGIRequestHandler)


if __name__ == "__main__":
    main()
