"""Runtime probes, in-process: each rule against a small app with the flaw and one without.

The apps run inside the test through httpx's ASGITransport (FastAPI) and WSGITransport
(Flask); no socket is opened. The real-server runs are in test_probe_e2e.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import importlib.util
import json
import secrets
import sqlite3
import time
from collections import Counter
from pathlib import Path

import anyio.from_thread
import httpx
import jsonschema
import pytest
from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from werkzeug.debug import DebuggedApplication

from secpat.cli.probe import render_probe
from secpat.findings import Confidence, NoticeKind
from secpat.probe import (
    ProbeOptions,
    ProbeResult,
    TargetError,
    checks,
    describe_run,
    run_probe,
)
from secpat.probe.checks import PROBES
from secpat.probe.client import BudgetExhausted, Exchange, ProbeClient
from secpat.probe.discovery import from_openapi, login_from_form, parse_forms
from secpat.probe.target import parse_target
from secpat.rules import registry
from secpat.rules.runtime import RUNTIME_RULES

ROOT = Path(__file__).resolve().parent.parent
EMAIL, PASSWORD = "alice@example.com", "correct-horse-battery-staple"
ACCOUNT = {"username": EMAIL, "password": PASSWORD}


# -- a FastAPI app, flawed or sound ------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(claims: dict, key: bytes) -> str:
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + _b64(json.dumps(claims).encode())
    return head + "." + _b64(hmac.new(key, head.encode(), hashlib.sha256).digest())


class Credentials(BaseModel):
    email: str
    password: str


def notes_app(*, flawed: bool, check_exp: bool = True, silent_lockout: bool = False) -> FastAPI:
    """A notes service with a form login and session cookie, a search page, a JSON token endpoint
    and a bearer API. `flawed` breaks every runtime rule; `check_exp=False` verifies signatures
    but not expiry; `silent_lockout` refuses every login after 5 failures with a plain 401."""
    app = FastAPI(debug=flawed, docs_url="/docs" if flawed else None, redoc_url="/redoc" if flawed else None)
    app.state.key = b"secret" if flawed else secrets.token_bytes(32)
    sessions: dict[str, dict] = {}
    issued = iter(range(1000, 10**6))  # the flawed app's session ids: a counter
    failures: Counter[str] = Counter()
    requests_by: Counter[str] = Counter()  # reset and registration requests per client key
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE users (email TEXT, password TEXT)")
    db.execute("CREATE TABLE notes (owner TEXT, title TEXT)")
    db.execute("CREATE TABLE subscribers (email TEXT)")
    db.execute("INSERT INTO users VALUES (?, ?)", (EMAIL, PASSWORD))
    db.execute("INSERT INTO notes VALUES (?, ?)", (EMAIL, "first note"))
    bearer = HTTPBearer(auto_error=False)

    def limited(request: Request, kind: str, allowed: int = 5) -> JSONResponse | None:
        """Sound: per connection address. Flawed: per X-Forwarded-For, which the client writes."""
        client = (
            request.headers.get("x-forwarded-for", "") if flawed else (request.client.host if request.client else "")
        )
        requests_by[f"{kind} {client}"] += 1
        if requests_by[f"{kind} {client}"] > allowed:
            return JSONResponse({"error": "too many requests"}, 429, headers={"Retry-After": "60"})
        return None

    def page(body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(f"<!doctype html><title>notes</title>{body}", status)

    def check_password(email: str, password: str) -> bool:
        if flawed:
            row = db.execute(f"SELECT password FROM users WHERE email = '{email}'").fetchone()
        else:
            row = db.execute("SELECT password FROM users WHERE email = ?", (email,)).fetchone()
        return row is not None and hmac.compare_digest(row[0], password)

    def throttle(email: str) -> JSONResponse | None:
        if (not flawed or silent_lockout) and failures[email] >= 5:
            if silent_lockout:
                return JSONResponse({"error": "invalid credentials"}, 401)
            return JSONResponse({"error": "too many attempts"}, 429, headers={"Retry-After": "60"})
        return None

    def user(request: Request) -> dict | None:
        return sessions.get(request.cookies.get("sid", ""))

    def verify(token: str) -> dict | None:
        try:
            head, body, signature = token.split(".")
            header, claims = json.loads(_unb64(head)), json.loads(_unb64(body))
        except ValueError:
            return None
        if flawed:
            return claims  # read without checking anything
        expected = hmac.new(app.state.key, f"{head}.{body}".encode(), hashlib.sha256).digest()
        if header.get("alg") != "HS256" or not hmac.compare_digest(_unb64(signature), expected):
            return None
        if check_exp and (not isinstance(claims.get("exp"), int) or claims["exp"] < time.time()):
            return None
        return claims

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        if flawed:
            origin = request.headers.get("origin")
            if origin:  # any origin, with credentials
                response.headers["Access-Control-Allow-Origin"] = origin
                response.headers["Access-Control-Allow-Credentials"] = "true"
            response.headers["X-Powered-By"] = "NotesKit/2.4.1"
            response.headers["Content-Security-Policy"] = "script-src * 'unsafe-inline'"
        else:
            response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
            response.headers["X-Powered-By"] = "NotesKit"
        return response

    @app.get("/.env", include_in_schema=False)
    def dotenv():
        if flawed:
            return PlainTextResponse("SECRET_KEY=not-a-real-key\nDB_PASSWORD=not-a-real-password\n")
        return JSONResponse({"detail": "Not Found"}, 404)

    @app.get("/notes/view", response_class=HTMLResponse)
    def view_note(request: Request, id: str = ""):  # noqa: A002 - the parameter's public name
        if (current := user(request)) is None:
            return RedirectResponse("/login", 303)
        try:
            if flawed:  # errors are hidden: only a boolean condition shows the injection
                row = db.execute(
                    f"SELECT title FROM notes WHERE rowid = {id} AND owner = ?", (current["email"],)
                ).fetchone()
            else:
                row = db.execute(
                    "SELECT title FROM notes WHERE rowid = ? AND owner = ?", (int(id), current["email"])
                ).fetchone()
        except (sqlite3.Error, ValueError):
            row = None
        if row is None:
            return page("<p>No such note</p>", 404)
        return page(f"<h1>{html.escape(row[0])}</h1>")

    @app.post("/newsletter", response_class=HTMLResponse)
    def subscribe(email: str = Form(...)):
        try:
            if flawed:  # errors are hidden and the answer never changes: only a delay shows the injection
                db.execute(f"INSERT INTO subscribers VALUES ('{email}')")
            else:
                db.execute("INSERT INTO subscribers VALUES (?)", (email,))
        except sqlite3.Error:
            pass
        return page("<p>Thank you</p>")

    @app.post("/password-reset", response_class=HTMLResponse)
    def reset(request: Request, email: str = Form(...)):
        if (refused := limited(request, "reset")) is not None:
            return refused
        return page("<p>If the account exists, a link is on its way</p>")

    @app.post("/register")
    def register(request: Request, email: str = Form(...), password: str = Form(...)):
        if not flawed and (refused := limited(request, "register")) is not None:
            return refused
        return RedirectResponse("/login", 303)

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return page("<h1>Notes</h1>")

    @app.get("/login", response_class=HTMLResponse)
    def login_page() -> HTMLResponse:
        return page(
            '<form method="post" action="/login"><input type="email" name="email">'
            '<input type="password" name="password"></form>'
        )

    @app.post("/login")
    def login(request: Request, email: str = Form(...), password: str = Form(...)):
        if (refused := throttle(email)) is not None:
            return refused
        if not check_password(email, password):
            failures[email] += 1
            if flawed:
                known = db.execute("SELECT 1 FROM users WHERE email = ?", (email,)).fetchone()
                return page(f"<p>{'Wrong password' if known else 'No such account'} for {email}</p>", 401)
            return page(f"<p>Unknown account {html.escape(email)} or wrong password</p>", 401)
        # Flawed: a session id the browser brings is kept (fixation); new ones count up.
        sid = (request.cookies.get("sid") or str(next(issued))) if flawed else secrets.token_urlsafe(16)
        sessions[sid] = {"email": email, "csrf": secrets.token_urlsafe(16)}
        response = RedirectResponse("/notes", 303)
        response.set_cookie("sid", sid, httponly=not flawed, samesite=None if flawed else "strict", secure=not flawed)
        return response

    @app.post("/logout")
    def logout(request: Request):
        if not flawed:  # the flawed app only asks the browser to forget the cookie
            sessions.pop(request.cookies.get("sid", ""), None)
        response = RedirectResponse("/", 303)
        response.delete_cookie("sid")
        return response

    @app.get("/notes", response_class=HTMLResponse)
    def notes(request: Request):
        if (current := user(request)) is None:
            return RedirectResponse("/login", 303)
        return page(
            f'<form method="post" action="/notes"><input type="hidden" name="csrf_token" '
            f'value="{current["csrf"]}"><input name="title"></form><a href="/notes/view?id=1">first</a>'
            '<form method="post" action="/logout"><button>Log out</button></form>'
        )

    @app.post("/notes")
    def add_note(request: Request, title: str = Form(...), csrf_token: str = Form("")):
        if (current := user(request)) is None:
            return RedirectResponse("/login", 303)
        if not flawed and not hmac.compare_digest(csrf_token, current["csrf"]):
            return JSONResponse({"error": "forbidden"}, 403)
        db.execute("INSERT INTO notes VALUES (?, ?)", (current["email"], title))
        return RedirectResponse("/notes", 303)

    @app.get("/notes/search", response_class=HTMLResponse)
    def search(q: str = ""):
        if flawed:
            sql = f"SELECT title FROM notes WHERE title LIKE '%{q}%'"
            try:
                rows = db.execute(sql).fetchall()
            except sqlite3.Error as exc:
                return JSONResponse({"error": f"{type(exc).__name__}: {exc}", "sql": sql}, 500)
            return page(f"<p>Results for {q}: {len(rows)}</p>")
        rows = db.execute("SELECT title FROM notes WHERE title LIKE ?", (f"%{q}%",)).fetchall()
        return page(f"<p>Results for {html.escape(q)}: {len(rows)}</p>")

    @app.post("/api/token")
    def token(credentials: Credentials):
        if (refused := throttle(credentials.email)) is not None:
            return refused
        if not check_password(credentials.email, credentials.password):
            failures[credentials.email] += 1
            return JSONResponse({"error": "invalid credentials"}, 401)
        claims = {"sub": credentials.email}
        if not flawed:
            claims["exp"] = int(time.time()) + 900
        return {"access_token": sign(claims, app.state.key), "token_type": "bearer"}

    @app.get("/api/notes")
    def api_notes(auth: HTTPAuthorizationCredentials | None = Depends(bearer)):
        claims = verify(auth.credentials) if auth else None
        if claims is None:
            return JSONResponse({"error": "unauthorised"}, 401)
        return {"notes": [], "user": claims.get("sub")}

    return app


class SyncASGI(httpx.BaseTransport):
    """httpx's ASGITransport, driven from synchronous code through an anyio portal."""

    def __init__(self, app) -> None:
        self._asgi = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self._portal_cm = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_cm.__enter__()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        content = request.read()

        async def call() -> tuple[int, list, bytes]:
            inner = httpx.Request(request.method, request.url, headers=request.headers, content=content)
            response = await self._asgi.handle_async_request(inner)
            return response.status_code, response.headers.raw, await response.aread()

        status, headers, body = self._portal.call(call)
        return httpx.Response(status, headers=headers, content=body)

    def close(self) -> None:
        self._portal_cm.__exit__(None, None, None)


def probe_app(app, rules: set[str] | None = None, url: str = "http://127.0.0.1:8000", **options) -> ProbeResult:
    transport = SyncASGI(app) if isinstance(app, FastAPI) else httpx.WSGITransport(app=app)
    try:
        return run_probe(
            url, ProbeOptions(**{**ACCOUNT, **options}, rules=frozenset(rules) if rules else None), transport=transport
        )
    finally:
        transport.close()


def found(result: ProbeResult) -> set[str]:
    return {f.rule_id for f in result.findings}


def state(result: ProbeResult, name: str) -> str:
    return next(log.state for log in result.probes if log.name == name)


RULE_IDS = [r.id for r in RUNTIME_RULES]

#: HSTS is judged on https answers only: the in-process apps are reached as an https site.
HTTPS = "https://127.0.0.1:8443"


def _url(rule: str) -> str:
    return HTTPS if rule == "CONF106" else "http://127.0.0.1:8000"


#: JWT106 and JWT107 prove forgeries only against an endpoint that checks signatures; the flawed notes
#: app checks none (JWT103), so they are judged against the apps of test_probe_sessions.py.
NOTES_APP_RULES = [r for r in RULE_IDS if r not in ("JWT106", "JWT107")]


def test_every_runtime_rule_has_one_probe_and_is_registered() -> None:
    assert sorted(p.rule.id for p in PROBES) == sorted(RULE_IDS)
    for rule in RUNTIME_RULES:
        assert registry.get(rule.id) is rule and rule.kind == "runtime"
        assert 101 <= int(rule.id[-3:]) <= 199


@pytest.mark.parametrize("rule", NOTES_APP_RULES)
def test_probe_reports_the_flawed_app(rule: str) -> None:
    result = probe_app(notes_app(flawed=True), {rule}, url=_url(rule))
    assert rule in found(result), describe_run(result)
    assert found(result) == {rule}  # a probe reports only its own rule
    for finding in result.findings:
        assert finding.location.line == 0 and finding.location.path.startswith("/")
        assert dict(finding.extra), finding  # what was sent and got


@pytest.mark.parametrize("rule", RULE_IDS)
def test_probe_is_silent_on_the_sound_app(rule: str) -> None:
    result = probe_app(notes_app(flawed=False), {rule}, url=_url(rule))
    assert not result.findings, describe_run(result)
    # JWT102 cannot forge an expired token for an app that checks signatures, and says so.
    assert state(result, rule) == ("skipped" if rule == "JWT102" else "ran"), describe_run(result)


def test_whole_run_on_both_apps() -> None:
    flawed = probe_app(notes_app(flawed=True), url=HTTPS, max_requests=400)
    assert found(flawed) == set(NOTES_APP_RULES), describe_run(flawed)
    sound = probe_app(notes_app(flawed=False), url=HTTPS, max_requests=400)
    assert not sound.findings, describe_run(sound)
    assert sound.patterns_checked == frozenset({1, 3, 4, 5, 6, 7, 8, 9, 10})
    assert [n.message for n in sound.notices] == [
        "JWT102 not run: no expired token can be made: the app checks signatures; "
        "give --expired-token with one it issued that has expired"
    ]


# -- the Flask target (WSGI) ---------------------------------------------------------------


def flask_target():
    spec = importlib.util.spec_from_file_location("flask_target", ROOT / "examples" / "flask_target" / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_flask_target_flawed_through_wsgi() -> None:
    app = flask_target().create_app(secure=False)
    result = probe_app(DebuggedApplication(app, evalex=False), login="/login", forms=("/notes",))
    assert found(result) == {
        "RATE101",
        "CSRF101",
        "CONF101",
        "CONF103",
        "CONF104",
        "XSS101",
        "SQL101",
        "CONF110",
        "RATE104",
    }, describe_run(result)
    cookie = next(f for f in result.findings if f.rule_id == "CONF103")
    assert "SameSite" in cookie.message and "HttpOnly" not in cookie.message.split("lacks", 1)[1].split("(")[0]


def test_flask_target_secure_through_wsgi() -> None:
    result = probe_app(flask_target().create_app(secure=True), login="/login", forms=("/notes",))
    assert not result.findings, describe_run(result)
    rate = next(log for log in result.probes if log.name == "RATE101")
    assert any("throttled" in note for note in rate.notes)


def test_flask_target_without_options_finds_its_forms() -> None:
    """No OpenAPI document: the home page's search form and the login page are read."""
    result = probe_app(DebuggedApplication(flask_target().create_app(secure=False), evalex=False))
    assert {"XSS101", "SQL101", "RATE101"} <= found(result), describe_run(result)
    assert "login: POST /login (email, password; form on /" in "\n".join(result.endpoints)


# -- precision: what each probe proves and no more ---------------------------------------------


def test_silent_lockout_is_not_reported_as_missing_throttling() -> None:
    result = probe_app(notes_app(flawed=True, silent_lockout=True), {"RATE101"})
    assert not result.findings, describe_run(result)
    rate = next(log for log in result.probes if log.name == "RATE101")
    assert any("lockout" in note for note in rate.notes)


def test_without_the_password_rate_findings_are_medium_confidence() -> None:
    result = probe_app(notes_app(flawed=True), {"RATE101"}, password=None)
    assert {f.confidence for f in result.findings} == {Confidence.MEDIUM}


def test_expired_token_given_by_the_user_is_tried_directly() -> None:
    app = notes_app(flawed=False, check_exp=False)
    expired = sign({"sub": EMAIL, "exp": int(time.time()) - 600}, app.state.key)
    result = probe_app(app, {"JWT101", "JWT102", "JWT103"}, expired_token=expired)
    assert found(result) == {"JWT102"}, describe_run(result)
    assert "a token the app issued, expired 10 minutes ago" in result.findings[0].message
    sound = notes_app(flawed=False)
    result = probe_app(sound, {"JWT102"}, expired_token=sign({"sub": EMAIL, "exp": 1}, sound.state.key))
    assert not result.findings and state(result, "JWT102") == "ran"


def test_csrf_on_a_samesite_strict_cookie_is_medium_confidence() -> None:
    app = notes_app(flawed=False)
    # The sound app with its CSRF check removed: the cookie is SameSite=strict.
    app.router.routes = [
        r for r in app.router.routes if not (getattr(r, "path", "") == "/notes" and "POST" in getattr(r, "methods", ()))
    ]

    @app.post("/notes")
    def add_note(request: Request, title: str = Form(...)):
        return RedirectResponse("/notes", 303) if request.cookies.get("sid") else RedirectResponse("/login", 303)

    app.openapi_schema = None
    result = probe_app(app, {"CSRF101"})
    assert [(f.rule_id, f.confidence) for f in result.findings] == [("CSRF101", Confidence.MEDIUM)]
    assert "SameSite=strict" in result.findings[0].message


# -- bounds ----------------------------------------------------------------------------------


def test_the_run_never_exceeds_its_request_budget() -> None:
    result = probe_app(notes_app(flawed=True), max_requests=20)
    assert result.requests == 20
    stopped = [n.message for n in result.notices if "stopped" in n.message]
    assert stopped and all("budget of 20 requests" in m for m in stopped)
    assert NoticeKind.CONFIG in {n.kind for n in result.notices}


def test_every_probe_stays_within_its_own_budget() -> None:
    options = ProbeOptions(**ACCOUNT)
    result = probe_app(notes_app(flawed=True), concurrency=2)
    budgets = {p.rule.id: p.budget(options) for p in PROBES}
    for log in result.probes:
        if log.name in budgets:
            assert log.requests <= budgets[log.name], log.name
        assert log.seconds >= 0
    assert "RATE101" in found(result)


def test_requests_outside_a_probe_are_refused() -> None:
    client = ProbeClient("http://127.0.0.1", transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    with pytest.raises(RuntimeError):
        client.request("GET", "/")
    with client.probe("x", max_requests=1):
        client.request("GET", "/")
        with pytest.raises(BudgetExhausted):
            client.request("GET", "/")


# -- target: loopback only, refused before any request -------------------------------------------


def _no_request(request: httpx.Request) -> httpx.Response:  # pragma: no cover - must never run
    raise AssertionError(f"a request was sent: {request.method} {request.url}")


@pytest.mark.parametrize(
    ("url", "addresses", "says"),
    [
        ("http://10.0.0.5:8000", None, "10.0.0.5 is not a loopback address"),
        ("http://0.0.0.0:8000", None, "0.0.0.0 is not a loopback address"),
        ("http://[2001:db8::1]:8000", None, "not a loopback address"),
        ("http://app.example:8000", ["93.184.216.34"], "app.example resolves to 93.184.216.34"),
        ("http://mixed.example", ["127.0.0.1", "192.0.2.7"], "resolves to 192.0.2.7"),
    ],
)
def test_non_loopback_targets_are_refused_before_any_request(url, addresses, says) -> None:
    resolve = (lambda host, port: addresses) if addresses else (lambda host, port: [host])
    with pytest.raises(TargetError) as error:
        run_probe(url, ProbeOptions(), transport=httpx.MockTransport(_no_request), resolve=resolve)
    assert says in str(error.value) and "--allow-remote" in str(error.value)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("ftp://127.0.0.1", "only http and https"),
        ("127.0.0.1:8000", "is not a URL"),
        ("http://user:pw@127.0.0.1", "credentials in the URL"),
        ("http://127.0.0.1/?x=1", "without a query"),
    ],
)
def test_malformed_targets_are_refused(url, says) -> None:
    with pytest.raises(TargetError, match=says.replace("?", r"\?")):
        parse_target(url)


def test_loopback_names_are_pinned_to_the_checked_address() -> None:
    target = parse_target("http://localhost:8000/app/", resolve=lambda h, p: ["::1", "127.0.0.1"])
    assert (target.connect_url, target.host_header, target.prefix) == (
        "http://127.0.0.1:8000/app",
        "localhost:8000",
        "/app",
    )
    assert parse_target("http://127.0.0.2:9").connect_url == "http://127.0.0.2:9"
    assert parse_target("http://[::1]:9").loopback
    secure = parse_target("https://localhost:8443", resolve=lambda h, p: ["127.0.0.1"])
    assert secure.connect_url == "https://localhost:8443" and secure.https
    remote = parse_target("http://10.0.0.5", allow_remote=True)
    assert not remote.loopback and remote.connect_url == "http://10.0.0.5"


def test_a_prefix_is_kept_on_every_request() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(404, text="nothing here")

    run_probe("http://127.0.0.1:8000/app", ProbeOptions(), transport=httpx.MockTransport(handler))
    assert seen and all(path.startswith("/app/") for path in seen), seen
    assert not any(path.startswith("/app/app/") for path in seen), seen  # the prefix once, not twice


# -- the judging functions -----------------------------------------------------------------------


def ex(status: int = 200, body: str = "", content_type: str = "text/html", **headers: str) -> Exchange:
    pairs = (("content-type", content_type), *((k.replace("_", "-"), v) for k, v in headers.items()))
    return Exchange("test", "", "GET", "/x", status, headers=pairs, body=body)


def test_debug_pages_and_app_error_bodies_are_told_apart() -> None:
    assert checks.debug_page(ex(500, "<title>Starlette Debugger</title>")) == "Starlette's debug page"
    assert checks.debug_page(ex(500, "... The debugger caught an exception in your WSGI application"))
    assert checks.debug_page(ex(404, "Using the URLconf defined in mysite.urls")) == "Django's debug page"
    plain = ex(500, 'Traceback (most recent call last):\n  File "/srv/app.py", line 3', "text/plain")
    assert checks.debug_page(plain) == "a plain-text traceback"
    own = ex(500, json.dumps({"error": "Traceback (most recent call last): ..."}), "application/json")
    assert checks.debug_page(own) is None
    assert [kind for kind, _ in checks.leaked_details(own)] == ["a traceback"]


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        (
            '{"error": "sqlite3.OperationalError: near \\"x\\": syntax error"}',
            ["a database error", "an exception name"],
        ),
        ('{"sql": "SELECT id FROM users WHERE name = \'x\'"}', ["SQL text"]),
        ("<p>error in /home/deploy/app/views.py</p>", ["a file path"]),
        ("<address>Werkzeug/3.0.1 Python/3.12.1</address>", ["a software version"]),
        ("KeyError: 'user'", ["an exception name"]),
        ('{"detail": [{"type": "missing", "loc": ["body", "email"], "msg": "Field required"}]}', []),
        ("<h1>Not Found</h1><p>Select a note from the list.</p>", []),
    ],
)
def test_leaked_details(body: str, kinds: list[str]) -> None:
    assert [kind for kind, _ in checks.leaked_details(ex(500, body))] == kinds


def test_db_errors() -> None:
    assert checks.db_error(ex(500, 'unrecognized token: "\'"')) == "unrecognized token"
    assert checks.db_error(ex(500, "You have an error in your SQL syntax; check the manual"))
    assert checks.db_error(ex(500, 'ERROR: syntax error at or near "\'"'))
    assert checks.db_error(ex(200, "<p>No notes match.</p>")) is None


def test_missing_headers() -> None:
    assert checks.missing_headers(ex(200)) == [
        "Content-Security-Policy",
        "X-Content-Type-Options: nosniff",
        "X-Frame-Options (or CSP frame-ancestors)",
    ]
    full = ex(
        200, content_security_policy="default-src 'self'; frame-ancestors 'none'", x_content_type_options="nosniff"
    )
    assert checks.missing_headers(full) == []
    assert (
        checks.missing_headers(
            ex(
                200,
                content_security_policy="default-src 'self'",
                x_content_type_options="nosniff",
                x_frame_options="DENY",
            )
        )
        == []
    )


def test_cookie_flags() -> None:
    cookie = checks.parse_set_cookie("session=abc; Path=/; HttpOnly; SameSite=Lax")
    assert checks.cookie_flaws(cookie, require_secure=False) == ([], True)
    assert checks.cookie_flaws(cookie, require_secure=True) == (["Secure"], True)
    bare = checks.parse_set_cookie("sid=abc; Path=/")
    assert checks.cookie_flaws(bare, require_secure=False) == (["HttpOnly", "SameSite"], True)
    none = checks.parse_set_cookie("sid=abc; HttpOnly; SameSite=None")
    assert checks.cookie_flaws(none, require_secure=False)[0] == ["SameSite=None", "Secure"]
    assert checks.parse_set_cookie('sid=""; Max-Age=0').deleted
    assert checks.is_session_cookie("session_id") and not checks.is_session_cookie("csrftoken")


def test_throttling_signals() -> None:
    assert checks.throttled(ex(429)) == "HTTP 429"
    assert checks.throttled(ex(401, retry_after="30")) == "Retry-After header"
    assert checks.throttled(ex(403, "Account locked, try again later"))
    assert checks.throttled(ex(401, "Invalid e-mail or password")) is None
    slow = [Exchange("t", "", "POST", "/login", 401, elapsed=0.01) for _ in range(10)] + [
        Exchange("t", "", "POST", "/login", 401, elapsed=2.0) for _ in range(5)
    ]
    assert checks.slowed_down(slow)


@pytest.mark.parametrize(
    ("exchange", "ok"),
    [
        (ex(303, location="/notes"), True),
        (ex(303, location="/login?error=1"), False),
        (ex(200, '<form><input type="password" name="password"></form>'), False),
        (ex(200, "<p>Invalid e-mail or password</p>"), False),
        (ex(200, '{"access_token": "x"}', "application/json"), True),
        (ex(401, "no"), False),
    ],
)
def test_login_success(exchange: Exchange, ok: bool) -> None:
    assert checks.login_succeeded(exchange) is ok


def test_token_forgery_helpers() -> None:
    key = secrets.token_bytes(32)
    token = sign({"sub": "a", "exp": 2_000_000_000}, key)
    header, claims = checks.jwt_parts(token)
    unsigned = checks.forge_unsigned(header, claims)
    assert unsigned.endswith(".") and checks.jwt_parts(unsigned)[0]["alg"] == "none"
    tampered = checks.tamper_signature(token)
    assert tampered.rsplit(".", 1)[0] == token.rsplit(".", 1)[0] and tampered != token
    assert checks.jwt_parts("not.a.token") is None
    assert checks.token_in(ex(200, json.dumps({"data": {"jwt": token}}), "application/json")) == token


# -- discovery -------------------------------------------------------------------------------------


def test_openapi_discovery_classifies_endpoints() -> None:
    found_ = from_openapi(notes_app(flawed=False).openapi())
    assert (found_.login.endpoint.path, found_.login.username_field, found_.login.password_field) == (
        "/login",
        "email",
        "password",
    )
    assert found_.token.endpoint.path == "/api/token" and found_.token.endpoint.body == "json"
    assert [e.path for e in found_.forms] == ["/newsletter", "/notes"]
    assert [(p.endpoint.path, p.name) for p in found_.params] == [("/notes/view", "id"), ("/notes/search", "q")]
    assert [e.path for e in found_.api] == ["/api/notes"]
    assert found_.pages[0] == "/"


def test_html_forms() -> None:
    page = """<form action="/session" method=POST><input type=hidden name=csrf_token value=t1>
      <input name=login><input type=password name=pw><input type=submit name=go></form>
      <form action="https://elsewhere.example/x" method=post><input name=a></form>
      <form><input type=search name=q></form>"""
    forms = parse_forms(page, "/login")
    assert [(f.method, f.action) for f in forms] == [("POST", "/session"), ("GET", "/login")]
    login = login_from_form(forms[0])
    assert (login.endpoint.path, login.username_field, login.password_field) == ("/session", "login", "pw")
    assert forms[0].fields[0].value == "t1"


# -- reports ---------------------------------------------------------------------------------------


def test_reports_say_what_was_sent() -> None:
    result = probe_app(notes_app(flawed=True), {"XSS101", "RATE101"})
    text = render_probe("text", result)
    assert "Requests sent" in text and "RATE101" in text and "POST /login (wrong password) x25 -> 401 x25" in text
    assert "[ ]  5. XSS prevention" in text and "[-]  1. Secure random generation" in text
    doc = json.loads(render_probe("json", result))
    assert doc["command"] == "probe" and doc["probe"]["requests"] == result.requests
    rate = next(p for p in doc["probe"]["probes"] if p["name"] == "RATE101")
    assert rate["requests"] == len(rate["sent"]) and rate["sent"][0]["note"] == "wrong password"
    assert PASSWORD not in json.dumps(doc)  # the test account's password is never in a report
    sarif = json.loads(render_probe("sarif", result))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {"uri": "http://127.0.0.1:8000/"}
    assert {r["ruleId"] for r in run["results"]} == {"XSS101", "RATE101"}
    assert run["properties"]["probe"]["target"] == "http://127.0.0.1:8000"
