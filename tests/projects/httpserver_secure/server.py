import hmac
import html
import secrets
import sqlite3
import time
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from accounts import check_login, move_money

SESSIONS = {}
ATTEMPTS = {}
db = sqlite3.connect("shop.db", check_same_thread=False)


def rate_limited(address, limit=5, window=60):
    """True when the address made `limit` attempts within the window."""
    now = time.monotonic()
    recent = [t for t in ATTEMPTS.get(address, []) if now - t < window]
    ATTEMPTS[address] = [*recent, now]
    return len(recent) >= limit


class ShopHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/search":
            term = parse_qs(url.query).get("q", [""])[0]
            body = f"<p>Results for {html.escape(term)}</p>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        elif url.path.startswith("/orders/"):
            order_id = url.path.rsplit("/", 1)[1]
            row = db.execute("SELECT total FROM orders WHERE id = ?", (order_id,)).fetchone()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<p>%d</p>" % row[0])

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        if self.path == "/login":
            self.login(form)
        elif self.path == "/transfer":
            self.transfer(form)
        else:
            self.send_error(404)

    def login(self, form):
        if rate_limited(self.client_address[0]):
            self.send_error(429)
            return
        cookie = SimpleCookie(self.headers.get("Cookie"))  # a double-submit token set with the login page
        if "csrf" not in cookie or not hmac.compare_digest(form.get("csrf_token", [""])[0], cookie["csrf"].value):
            self.send_error(403)
            return
        user = check_login(form["email"][0], form["password"][0])
        sid = secrets.token_urlsafe(32)
        SESSIONS[sid] = {"user": user, "csrf": secrets.token_urlsafe(32)}
        self.send_response(303)
        self.send_header("Set-Cookie", f"sid={sid}; Path=/; Secure; HttpOnly; SameSite=Lax")
        self.send_header("Location", "/")
        self.end_headers()

    def transfer(self, form):
        cookie = SimpleCookie(self.headers.get("Cookie"))
        session = SESSIONS.get(cookie["sid"].value)
        if not hmac.compare_digest(form.get("csrf_token", [""])[0], session["csrf"]):
            self.send_error(403)
            return
        move_money(session["user"], form["to"][0], form["amount"][0])
        self.send_response(303)
        self.send_header("Location", "/")
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8000), ShopHandler).serve_forever()
