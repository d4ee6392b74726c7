import secrets
import sqlite3
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from accounts import check_login, move_money

SESSIONS = {}
db = sqlite3.connect("shop.db", check_same_thread=False)


class ShopHandler(BaseHTTPRequestHandler):  # expect: CSRF004
    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/search":
            term = parse_qs(url.query).get("q", [""])[0]
            body = f"<p>Results for {term}</p>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)  # expect: XSS001
        elif url.path.startswith("/orders/"):
            order_id = url.path.rsplit("/", 1)[1]
            row = db.execute(f"SELECT total FROM orders WHERE id = '{order_id}'").fetchone()  # expect: SQL002
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

    def login(self, form):  # expect: RATE001
        user = check_login(form["email"][0], form["password"][0])
        sid = secrets.token_urlsafe(32)
        SESSIONS[sid] = user
        self.send_response(303)
        self.send_header("Set-Cookie", f"sid={sid}; Path=/")  # expect: CONF003
        self.send_header("Location", "/")
        self.end_headers()

    def transfer(self, form):
        cookie = SimpleCookie(self.headers.get("Cookie"))
        user = SESSIONS.get(cookie["sid"].value)
        move_money(user, form["to"][0], form["amount"][0])
        self.send_response(303)
        self.send_header("Location", "/")
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8000), ShopHandler).serve_forever()
