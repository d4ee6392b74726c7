"""Runtime rules: what `secpat probe URL` proves by talking to a running app (ids 101-199).

The probes themselves live in `secpat.probe.checks`; the records are here so that the
registry, `secpat rules`, `secpat explain`, the docs page and SARIF see them like any other.
Examples show the application code that makes the probe fire, and the code that keeps it silent.
"""

from __future__ import annotations

from secpat.findings import Confidence, Severity
from secpat.rules.registry import Rule, define

RATE101 = define(Rule(
    id="RATE101", name="login-not-throttled", pattern=7, kind="runtime",
    title="Login accepts a burst of wrong passwords without throttling",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=307,
    why="""
        An endpoint that checks passwords as fast as it is asked lets anyone guess them: a
        password list, or credentials leaked from another site, is tried against every account.
        The probe sent 25 wrong passwords for the test account within seconds and never got a
        429, a `Retry-After`, a lockout message or a slowdown; when the test account's real
        password is known, it then logged in with it, proving the account was not locked either.
    """,
    bad="""
        @app.post("/login")
        def login(form: LoginForm = Depends()):
            user = authenticate(form.email, form.password)  # as many tries as the client wants
    """,
    good="""
        from slowapi import Limiter
        from slowapi.util import get_remote_address

        limiter = Limiter(key_func=get_remote_address)

        @app.post("/login")
        @limiter.limit("5/minute")
        def login(request: Request, form: LoginForm = Depends()):
            user = authenticate(form.email, form.password)
    """,
    fix="Limit login and token endpoints per client and per account (e.g. 5 per minute) and answer 429 "
        "with `Retry-After`; lock or slow an account after repeated failures.",
))

CSRF101 = define(Rule(
    id="CSRF101", name="state-change-without-csrf-token", pattern=6, kind="runtime",
    title="State-changing request accepted with the session cookie alone",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=352,
    why="""
        A browser attaches the session cookie to every request for the site, including a form
        another site submits. If the cookie alone authorises a change, any page the user visits
        can post notes, change e-mail addresses or transfer money in their name. The probe
        logged in with the test account, then sent the state-changing form with the session
        cookie but without any CSRF token field or header (and with a foreign `Origin`): it was
        accepted, while the same request without the cookie was refused.
    """,
    bad="""
        @app.post("/notes")
        def create_note(request: Request, title: str = Form(...), user=Depends(session_user)):
            save(user, title)  # the session cookie is the only proof of intent
    """,
    good="""
        @app.post("/notes")
        def create_note(request: Request, title: str = Form(...), csrf_token: str = Form(...),
                        user=Depends(session_user)):
            if not hmac.compare_digest(csrf_token, request.session["csrf_token"]):
                raise HTTPException(403)
            save(user, title)
    """,
    fix="Require a per-session CSRF token (hidden field or header) on every state-changing request "
        "(Flask-WTF `CSRFProtect`, Django's middleware, a double-submit check), and set SameSite on the cookie.",
))

CONF101 = define(Rule(
    id="CONF101", name="debug-error-page-served", pattern=10, kind="runtime",
    title="Debug error page or stack trace served",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=489,
    why="""
        A debug page shows source code, file paths, settings and local variables to whoever
        triggers an error, and the Werkzeug debugger can run code. It means the app runs with
        debug mode on. The probe asked for a page that does not exist, sent malformed input that
        makes careless handlers fail, and asked for the Werkzeug debugger's own resources; a
        response was a framework debug page (Werkzeug, Django, Starlette), or nothing but a
        plain-text traceback, which is the form those pages take for clients that do not ask for HTML.
    """,
    bad="""
        app = FastAPI(debug=True)
        # or: app.run(debug=True); DEBUG = True in Django settings
    """,
    good="""
        import os
        app = FastAPI(debug=os.environ.get("APP_ENV") == "development")
    """,
    fix="Turn debug mode off outside development (read it from the environment) and serve a plain "
        "error page; log the traceback on the server instead.",
))

CONF103 = define(Rule(
    id="CONF103", name="session-cookie-flags-missing", pattern=10, kind="runtime",
    title="Session cookie set without HttpOnly, SameSite or Secure",
    severity=Severity.MEDIUM, confidence=Confidence.HIGH, cwe=1004,
    why="""
        Without HttpOnly, any script injected into the page can read the session cookie and send
        it away; without SameSite, the browser attaches it to requests other sites make (CSRF);
        without Secure, it travels in clear over any plain-http request. The probe read the
        `Set-Cookie` headers of the login response and of every other response it received.
        Secure is required when the target is served over https or says it is (HSTS); over plain
        http on a development machine its absence is noted in the message, not reported alone.
    """,
    bad="""
        response.set_cookie("session", session_id)
    """,
    good="""
        response.set_cookie("session", session_id, httponly=True, samesite="lax",
                            secure=settings.HTTPS_ONLY)
    """,
    fix="Set `HttpOnly`, `SameSite=Lax` (or `Strict`) and, in production, `Secure` on session cookies "
        "(`SESSION_COOKIE_HTTPONLY`, `SESSION_COOKIE_SAMESITE`, `SESSION_COOKIE_SECURE`).",
))

CONF104 = define(Rule(
    id="CONF104", name="security-headers-missing", pattern=10, kind="runtime",
    title="HTML served without security headers",
    severity=Severity.LOW, confidence=Confidence.HIGH, cwe=693,
    why="""
        Security headers are the browser's second line of defence: a Content-Security-Policy
        stops injected scripts from running or loading, `X-Content-Type-Options: nosniff` stops
        uploads being run as scripts, and `X-Frame-Options` or CSP `frame-ancestors` stops the page
        being framed for clickjacking. The probe fetched the app's HTML pages and read their headers.
    """,
    bad="""
        @app.get("/", response_class=HTMLResponse)
        def home():
            return render("home.html")  # no security headers anywhere
    """,
    good="""
        @app.middleware("http")
        async def security_headers(request, call_next):
            response = await call_next(request)
            response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["X-Frame-Options"] = "DENY"
            return response
    """,
    fix="Send Content-Security-Policy, X-Content-Type-Options: nosniff and X-Frame-Options (or CSP "
        "frame-ancestors) on every HTML response, from one middleware.",
))

JWT101 = define(Rule(
    id="JWT101", name="jwt-unsigned-token-accepted", pattern=3, kind="runtime",
    title="Token with `alg: none` accepted",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=347,
    why="""
        A token whose header says `alg: none` carries no signature, so anyone can write one for
        any user. The probe took a token the app issued to the test account, rewrote its header to
        `{"alg": "none"}`, dropped the signature and called an endpoint that refuses requests
        without a token: the app answered as if the token were genuine.
    """,
    bad="""
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, key, algorithms=[header["alg"]])
    """,
    good="""
        claims = jwt.decode(token, key, algorithms=["HS256"])
    """,
    fix="Pin the accepted algorithms in code (`algorithms=[\"HS256\"]`) and never include `none`.",
))

JWT102 = define(Rule(
    id="JWT102", name="jwt-expired-token-accepted", pattern=3, kind="runtime",
    title="Expired token accepted",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=613,
    why="""
        A token is meant to stop working at `exp`; a server that does not check it honours stolen
        tokens for ever. A probe cannot sign tokens, so it proves this in one of two ways only:
        with an expired token the user gives it (`--expired-token`, issued by the app itself), or,
        when the app already accepts unsigned or tampered tokens (JWT101, JWT103), by forging
        through the same hole a token whose `exp` lies an hour in the past. When neither is
        possible the probe says so and reports nothing.
    """,
    bad="""
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})
    """,
    good="""
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp"]})
    """,
    fix="Verify `exp` (the default in PyJWT and python-jose) and require it to be present.",
))

JWT103 = define(Rule(
    id="JWT103", name="jwt-tampered-token-accepted", pattern=3, kind="runtime",
    title="Token with a tampered signature accepted",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=347,
    why="""
        If the signature is not checked, the claims are whatever the client says: user id, role,
        expiry. The probe took a token the app issued to the test account, changed bytes of its
        signature (header and claims untouched) and called an endpoint that refuses requests
        without a token: the app accepted it.
    """,
    bad="""
        claims = jwt.decode(token, options={"verify_signature": False})
    """,
    good="""
        claims = jwt.decode(token, key, algorithms=["HS256"])
    """,
    fix="Always verify the signature with the server's key and pinned algorithms before reading claims.",
))

JWT104 = define(Rule(
    id="JWT104", name="jwt-issued-without-expiry", pattern=3, kind="runtime",
    title="Issued token has no `exp`",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=613,
    why="""
        A token without `exp` is valid until the signing key changes; a copy left in a log, a
        browser or a proxy works for ever. The probe obtained a token for the test account from
        the token endpoint and read its claims (no key is needed to read them): there was no `exp`.
    """,
    bad="""
        token = jwt.encode({"sub": user.id}, key, algorithm="HS256")
    """,
    good="""
        exp = datetime.now(timezone.utc) + timedelta(minutes=15)
        token = jwt.encode({"sub": user.id, "exp": exp}, key, algorithm="HS256")
    """,
    fix="Set `exp` on every token: 15 minutes to 1 hour for access tokens, with refresh tokens for longer sessions.",
))

XSS101 = define(Rule(
    id="XSS101", name="reflected-markup-unescaped", pattern=5, kind="runtime",
    title="Request input reflected unescaped in HTML",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=79,
    why="""
        Markup from the request that comes back unescaped in an HTML page runs as the page's own
        code: a link with a script in a parameter steals the session of whoever clicks it. The
        probe sent a harmless marker tag in query parameters, in the login form and in a missing
        page's path, and found the tag itself, not its escaped form, in an HTML response.
    """,
    bad="""
        @app.get("/notes/search", response_class=HTMLResponse)
        def search(q: str):
            return f"<p>Results for {q}</p>"
    """,
    good="""
        from markupsafe import escape

        @app.get("/notes/search", response_class=HTMLResponse)
        def search(q: str):
            return f"<p>Results for {escape(q)}</p>"
    """,
    fix="Render HTML through an autoescaping template engine, or escape every value with "
        "`markupsafe.escape` / `html.escape` before it reaches the page.",
))

SQL101 = define(Rule(
    id="SQL101", name="sql-error-on-quote", pattern=4, kind="runtime",
    title="A quote in a parameter breaks the SQL query",
    severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=89,
    why="""
        When one quote in a parameter makes the database report a syntax error, the parameter is
        pasted into the SQL text, and a crafted value can read or change any table. The probe
        sent each parameter a plain value, the same value with one quote and with two quotes;
        the single quote produced a database error in the response (or the pattern of a failing
        query: an error for one quote, none for two, which lowers the confidence to medium).
    """,
    bad="""
        rows = db.execute(f"SELECT * FROM notes WHERE title LIKE '%{q}%'")
    """,
    good="""
        rows = db.execute("SELECT * FROM notes WHERE title LIKE ?", (f"%{q}%",))
    """,
    fix="Bind every value as a query parameter (`?`, `%s`, `:name`) or use the ORM's query API; "
        "never format values into SQL text.",
))

LOG101 = define(Rule(
    id="LOG101", name="error-details-leaked", pattern=8, kind="runtime",
    title="Error response leaks internal details",
    severity=Severity.MEDIUM, confidence=Confidence.HIGH, cwe=209,
    why="""
        Tracebacks, exception messages, SQL text, file paths and software versions in an error
        response tell an attacker which database, framework and code paths to aim at, and
        sometimes leak data. The probe read the body of every error response it received and
        found such details in the app's own error body (a framework debug page is CONF101's).
    """,
    bad="""
        @app.exception_handler(Exception)
        async def on_error(request, exc):
            return JSONResponse({"error": repr(exc), "trace": traceback.format_exc()}, status_code=500)
    """,
    good="""
        @app.exception_handler(Exception)
        async def on_error(request, exc):
            log.exception("unhandled error on %s", request.url.path)
            return JSONResponse({"error": "internal error"}, status_code=500)
    """,
    fix="Return a generic message with an error id to the client and log the details on the server.",
))

RUNTIME_RULES: tuple[Rule, ...] = (
    CONF101, CONF103, CONF104, XSS101, SQL101, CSRF101, JWT104, JWT101, JWT103, JWT102, LOG101, RATE101,
)
