"""Notes service: pages with a cookie session, a JSON API with JWT.

Run it from the repository root with
    COOKIE_SECURE=false uvicorn app.main:app --app-dir examples/secure_app --host 127.0.0.1 --port 8001
(`COOKIE_SECURE=false` only for plain http on this machine; see README.md).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Form, Request
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIMiddleware

from app import auth, db
from app.api import router as api_router
from app.security import (add_security_headers, configure_logging, limiter, new_csrf_token, set_csrf_cookie,
                          verify_csrf)
from app.settings import settings

HERE = Path(__file__).parent
SESSION_COOKIE = "session_id"
MIN_PASSWORD_LENGTH = 10

configure_logging()
logger = logging.getLogger("notes")
templates = Jinja2Templates(directory=HERE / "templates")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    db.init_db()
    yield


app = FastAPI(title="Notes", debug=settings.debug, lifespan=lifespan,
              docs_url="/docs" if settings.debug else None, redoc_url=None)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
app.add_middleware(SlowAPIMiddleware)
app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.host_list)
app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
app.include_router(api_router)


@app.middleware("http")
async def security_headers(request: Request, call_next) -> Response:
    return add_security_headers(await call_next(request))


@app.exception_handler(Exception)
async def generic_error(request: Request, exc: Exception) -> Response:
    # The details go to the log; the client gets a generic answer (and, unlike every other response,
    # this one is made outside the headers middleware, so it adds them itself).
    logger.exception("Unhandled error on %s %s", request.method, request.url.path)
    return add_security_headers(JSONResponse({"detail": "Internal server error"}, status_code=500))


def current_user(request: Request) -> sqlite3.Row | None:
    session_id = request.cookies.get(SESSION_COOKIE)
    return auth.session_user(session_id) if session_id else None


def page(request: Request, name: str, status_code: int = 200, **context: object) -> Response:
    context.setdefault("user", current_user(request))
    context["csrf_token"] = new_csrf_token(request)
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    set_csrf_cookie(request, response)
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@app.get("/", response_class=HTMLResponse)
def index(request: Request):
    return page(request, "index.html")


@app.get("/register", response_class=HTMLResponse)
def register_form(request: Request):
    return page(request, "register.html")


@app.post("/register", dependencies=[Depends(verify_csrf)])
@limiter.limit("10/hour")
def register(request: Request, email: Annotated[str, Form()], password: Annotated[str, Form()]):
    if len(password) < MIN_PASSWORD_LENGTH:
        return page(request, "register.html", 400,
                    error=f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.")
    user_id = db.create_user(email, auth.hash_password(password))
    if user_id is None:
        # Same answer as for a new address; the owner of the address is told instead.
        db.queue_mail(email, "Registration attempt", "Someone tried to register with this address. "
                      "If it was you, log in or reset your password.")
    else:
        logger.info("Registered user_id=%s", user_id)
    return redirect("/login")


@app.get("/login", response_class=HTMLResponse)
def login_form(request: Request):
    return page(request, "login.html")


@app.post("/login", dependencies=[Depends(verify_csrf)])
@limiter.limit("5/minute")
def login(request: Request, email: Annotated[str, Form()], password: Annotated[str, Form()]):
    user = auth.authenticate(email, password)
    if user is None:
        logger.warning("Failed login: user=%s, ip=%s", email, request.client.host if request.client else "-")
        return page(request, "login.html", 401, error="Invalid e-mail or password")
    logger.info("Login: user_id=%s, ip=%s", user["id"], request.client.host if request.client else "-")
    response = redirect("/notes")
    response.set_cookie(SESSION_COOKIE, auth.start_session(user["id"]), max_age=auth.SESSION_SECONDS,
                        secure=settings.cookie_secure, httponly=True, samesite="lax")
    return response


@app.post("/logout", dependencies=[Depends(verify_csrf)])
def logout(request: Request):
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        db.delete_session(session_id)
    response = redirect("/")
    response.delete_cookie(SESSION_COOKIE, secure=settings.cookie_secure, httponly=True, samesite="lax")
    return response


@app.get("/notes", response_class=HTMLResponse)
def notes_page(request: Request):
    user = current_user(request)
    if user is None:
        return redirect("/login")
    return page(request, "notes.html", user=user, notes=db.list_notes(user["id"]))


@app.post("/notes", dependencies=[Depends(verify_csrf)])
def create_note(request: Request, title: Annotated[str, Form()], body: Annotated[str, Form()]):
    user = current_user(request)
    if user is None:
        return redirect("/login")
    db.add_note(user["id"], title, body)
    return redirect("/notes")


@app.get("/notes/view", response_class=HTMLResponse)
def view_note(request: Request, id: int):  # noqa: A002 - the query parameter's name
    user = current_user(request)
    if user is None:
        return redirect("/login")
    note = db.get_note(user["id"], id)
    if note is None:
        return page(request, "message.html", 404, message="No such note.")
    return page(request, "note.html", note=note)


@app.post("/newsletter", dependencies=[Depends(verify_csrf)])
@limiter.limit("30/hour")
def subscribe(request: Request, email: Annotated[str, Form()]):
    db.add_subscriber(email)
    return page(request, "message.html", message="Thank you for subscribing.")


@app.get("/notes/search", response_class=HTMLResponse)
def search_notes(request: Request, q: str = ""):
    user = current_user(request)
    if user is None:
        return redirect("/login")
    return page(request, "search.html", user=user, q=q, notes=db.search_notes(user["id"], q))


@app.get("/password-reset", response_class=HTMLResponse)
def reset_form(request: Request):
    return page(request, "reset_request.html")


@app.post("/password-reset", dependencies=[Depends(verify_csrf)])
@limiter.limit("5/hour")
def request_reset(request: Request, email: Annotated[str, Form()]):
    user = db.find_user(email)
    if user is not None:
        token = auth.create_reset_token(user["id"])
        link = request.url_for("reset_confirm_form").include_query_params(token=token)
        db.queue_mail(user["email"], "Reset your password",
                      f"Open {link} within 30 minutes to choose a new password.")
        logger.info("Password reset requested: user_id=%s", user["id"])
    return page(request, "message.html", message="If an account exists for that address, a reset link is on its way.")


@app.get("/password-reset/confirm", response_class=HTMLResponse)
def reset_confirm_form(request: Request, token: str = ""):
    return page(request, "reset_confirm.html", token=token)


@app.post("/password-reset/confirm", dependencies=[Depends(verify_csrf)])
@limiter.limit("10/hour")
def confirm_reset(request: Request, token: Annotated[str, Form()], new_password: Annotated[str, Form()]):
    if len(new_password) < MIN_PASSWORD_LENGTH:
        return page(request, "reset_confirm.html", 400, token=token,
                    error=f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.")
    user_id = auth.consume_reset_token(token)
    if user_id is None:
        return page(request, "reset_confirm.html", 400, token="", error="This reset link is invalid or has expired.")
    db.set_password_hash(user_id, auth.hash_password(new_password))
    db.delete_user_sessions(user_id)
    logger.info("Password reset completed: user_id=%s", user_id)
    return page(request, "message.html", message="Password changed. You can log in now.")
