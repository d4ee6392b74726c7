"""Notes service: pages with a cookie session, a JSON API with JWT.

Run it from the repository root with
    uvicorn app.main:app --app-dir examples/vulnerable_app --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

import logging
import sqlite3
import time
import traceback
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from app import auth, db, settings
from app.api import router as api_router

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("notes")
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    db.init_db()
    if db.find_user(settings.TEST_USER_EMAIL) is None:
        db.create_user(settings.TEST_USER_EMAIL, auth.hash_password(settings.TEST_USER_PASSWORD))
    user = db.find_user(settings.TEST_USER_EMAIL)
    if not db.list_notes(user["id"]):
        db.add_note(user["id"], "Welcome", "Your first note.")
    yield


app = FastAPI(title="Notes", debug=True, lifespan=lifespan)
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["*"])
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"],
                   allow_headers=["*"])
app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
app.include_router(api_router)
# Reset requests per client address, as a proxy would report it: the client writes the header itself.
reset_requests: defaultdict[str, list[float]] = defaultdict(list)


@app.middleware("http")
async def powered_by(request: Request, call_next):
    response = await call_next(request)
    response.headers["X-Powered-By"] = "Notes/1.4.2 FastAPI"
    response.headers["Content-Security-Policy"] = "default-src * 'unsafe-inline' 'unsafe-eval'"
    return response


def current_user(request: Request) -> sqlite3.Row | None:
    session_id = request.cookies.get("session_id")
    return db.session_user(session_id) if session_id else None


def page(request: Request, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    context.setdefault("user", current_user(request))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@app.get("/", response_class=HTMLResponse)
def index(request: Request):
    return page(request, "index.html")


@app.get("/register", response_class=HTMLResponse)
def register_form(request: Request):
    return page(request, "register.html")


@app.post("/register")
def register(request: Request, email: Annotated[str, Form()], password: Annotated[str, Form()]):
    print(f"Register: user={email}, password={password}")
    if db.find_user(email) is not None:
        return page(request, "register.html", 400, error=f"{email} is already registered")
    db.create_user(email, auth.hash_password(password))
    return RedirectResponse("/login", status_code=303)


@app.get("/login", response_class=HTMLResponse)
def login_form(request: Request):
    return page(request, "login.html")


@app.post("/login")
def login(request: Request, email: Annotated[str, Form()], password: Annotated[str, Form()]):
    logger.info(f"Login: user={email}, password={password}")
    user = db.find_user(email)
    if user is None or not auth.verify_password(password, user["password"]):
        return page(request, "login.html", 401, error="Invalid e-mail or password")
    # A session id the browser already holds is kept: whoever planted it shares the session.
    session_id = request.cookies.get("session_id") or auth.new_session_id(user["id"])
    db.create_session(session_id, user["id"])
    response = RedirectResponse("/notes", status_code=303)
    response.set_cookie("session_id", session_id)
    return response


@app.post("/logout")
def logout(request: Request):
    # Only the browser forgets the id: the session row stays, and a copy of the cookie keeps working.
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie("session_id")
    return response


@app.get("/notes", response_class=HTMLResponse)
def notes_page(request: Request):
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return page(request, "notes.html", user=user, notes=db.list_notes(user["id"]))


@app.post("/notes")
def create_note(request: Request, title: Annotated[str, Form()], body: Annotated[str, Form()]):
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    db.add_note(user["id"], title, body)
    return RedirectResponse("/notes", status_code=303)


@app.get("/notes/view", response_class=HTMLResponse)
def view_note(request: Request, id: str = ""):  # noqa: A002 - the query parameter's name
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    try:
        note = db.get_note(user["id"], id)
    except sqlite3.Error:
        note = None
    if note is None:
        return page(request, "message.html", 404, message="No such note.")
    return page(request, "note.html", note=note)


@app.post("/newsletter")
def subscribe(request: Request, email: Annotated[str, Form()]):
    try:
        db.add_subscriber(email)
    except sqlite3.Error:
        logger.warning("could not subscribe %s", email)
    return page(request, "message.html", message="Thank you for subscribing.")


@app.get("/notes/search", response_class=HTMLResponse)
def search_notes(request: Request, q: str = ""):
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    try:
        rows = db.search_notes(user["id"], q)
    except sqlite3.Error:
        return HTMLResponse(f"<h1>Search failed</h1><pre>{traceback.format_exc()}</pre>", status_code=500)
    items = "".join(f"<li><b>{row['title']}</b>: {row['body']}</li>" for row in rows)
    return HTMLResponse(f"<h1>Results for {q}</h1><ul>{items}</ul><p><a href='/notes'>Back to notes</a></p>")


@app.get("/password-reset", response_class=HTMLResponse)
def reset_form(request: Request):
    return page(request, "reset_request.html")


@app.post("/password-reset")
def request_reset(request: Request, email: Annotated[str, Form()]):
    client = request.headers.get("x-forwarded-for") or (request.client.host if request.client else "")
    recent = [t for t in reset_requests[client] if t > time.monotonic() - 600]
    reset_requests[client] = recent + [time.monotonic()]
    if len(recent) >= 5:
        return page(request, "message.html", 429, message="Too many reset requests; try again later.")
    user = db.find_user(email)
    if user is None:
        return page(request, "reset_request.html", 404, error=f"No account for {email}")
    token = auth.new_reset_token()
    db.set_reset_token(user["id"], token)
    link = f"{request.base_url}password-reset/confirm?token={token}"
    db.queue_mail(email, "Reset your password", f"Open {link} to choose a new password.")
    logger.info(f"Password reset for {email}: token={token}")
    return page(request, "message.html", message="A reset link is on its way.")


@app.get("/password-reset/confirm", response_class=HTMLResponse)
def reset_confirm_form(request: Request, token: str = ""):
    return page(request, "reset_confirm.html", token=token)


@app.post("/password-reset/confirm")
def confirm_reset(request: Request, token: Annotated[str, Form()], new_password: Annotated[str, Form()]):
    user = db.find_user_by_reset_token(token)
    if user is None:
        return page(request, "reset_confirm.html", 400, token=token, error="Unknown reset token")
    db.set_password(user["id"], auth.hash_password(new_password))
    return page(request, "message.html", message="Password changed. You can log in now.")


# Everything else is read from the project folder, which holds .env and the source too.
app.mount("/", StaticFiles(directory=Path(__file__).parent.parent), name="project")


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)
