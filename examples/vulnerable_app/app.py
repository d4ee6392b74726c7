"""A deliberately insecure account service: registration, login and password reset.

It breaks pattern 1 (secure random) and pattern 2 (password storage) the way
real code does, so that `secpat check examples/vulnerable_app` has something
true to say. Run it with `python examples/vulnerable_app/app.py` and open
http://127.0.0.1:8000/. Needs nothing but the standard library.
"""

from __future__ import annotations

import json
import random
import sqlite3
from wsgiref.simple_server import make_server

from accounts import hash_password, new_session_id, password_matches

DB = sqlite3.connect(":memory:", check_same_thread=False)
DB.execute("CREATE TABLE users (email TEXT PRIMARY KEY, password TEXT, reset_code TEXT)")
SESSIONS: dict[str, str] = {}


def register(form: dict) -> dict:
    DB.execute("INSERT INTO users (email, password) VALUES (?, ?)", (form["email"], hash_password(form["password"])))
    return {"registered": form["email"]}


def login(form: dict) -> tuple[dict, str | None]:
    row = DB.execute("SELECT password FROM users WHERE email = ?", (form["email"],)).fetchone()
    if row is None or not password_matches(form["password"], row[0]):
        return {"error": "invalid credentials"}, None
    session_id = new_session_id()
    SESSIONS[session_id] = form["email"]
    return {"ok": True}, session_id


def start_reset(form: dict) -> dict:
    reset_code = str(random.randint(100000, 999999))
    DB.execute("UPDATE users SET reset_code = ? WHERE email = ?", (reset_code, form["email"]))
    print(f"(mail to {form['email']}: your code is in the database)")
    return {"sent": True}


ROUTES = {"/register": register, "/reset": start_reset}


def application(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    form = json.loads(environ["wsgi.input"].read(size) or b"{}") if size else {}
    path = environ.get("PATH_INFO", "/")
    headers = [("Content-Type", "application/json")]
    if path == "/login":
        body, session_id = login(form)
        if session_id:
            headers.append(("Set-Cookie", f"sid={session_id}; Path=/"))
    elif path in ROUTES:
        body = ROUTES[path](form)
    else:
        body = {"routes": ["/register", "/login", "/reset"]}
    start_response("200 OK", headers)
    return [json.dumps(body).encode()]


if __name__ == "__main__":
    with make_server("127.0.0.1", 8000, application) as server:
        print("serving on http://127.0.0.1:8000")
        server.serve_forever()
