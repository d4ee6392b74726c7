"""Runtime rules: what `secpat probe URL` proves by talking to a running app (ids 101-199).

The probes themselves live in `secpat.probe.checks`; the records are here so that the
registry, `secpat rules`, `secpat explain`, the docs page and SARIF see them like any other.
Examples show the application code that makes the probe fire, and the code that keeps it silent.
"""

from __future__ import annotations

from secpat.findings import Confidence, Severity
from secpat.rules.registry import Rule, define

RATE101 = define(
    Rule(
        id="RATE101",
        name="login-not-throttled",
        pattern=7,
        kind="runtime",
        title="Login accepts a burst of wrong passwords without throttling",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=307,
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
    )
)

CSRF101 = define(
    Rule(
        id="CSRF101",
        name="state-change-without-csrf-token",
        pattern=6,
        kind="runtime",
        title="State-changing request accepted with the session cookie alone",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=352,
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
    )
)

CONF101 = define(
    Rule(
        id="CONF101",
        name="debug-error-page-served",
        pattern=10,
        kind="runtime",
        title="Debug error page or stack trace served",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=489,
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
    )
)

CONF103 = define(
    Rule(
        id="CONF103",
        name="session-cookie-flags-missing",
        pattern=10,
        kind="runtime",
        title="Session cookie set without HttpOnly, SameSite or Secure",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=1004,
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
    )
)

CONF104 = define(
    Rule(
        id="CONF104",
        name="security-headers-missing",
        pattern=10,
        kind="runtime",
        title="HTML served without security headers",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        cwe=693,
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
    )
)

JWT101 = define(
    Rule(
        id="JWT101",
        name="jwt-unsigned-token-accepted",
        pattern=3,
        kind="runtime",
        title="Token with `alg: none` accepted",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=347,
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
        fix='Pin the accepted algorithms in code (`algorithms=["HS256"]`) and never include `none`.',
    )
)

JWT102 = define(
    Rule(
        id="JWT102",
        name="jwt-expired-token-accepted",
        pattern=3,
        kind="runtime",
        title="Expired token accepted",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=613,
        why="""
        A token is meant to stop working at `exp`; a server that does not check it honours stolen
        tokens for ever. A probe cannot sign tokens, so it proves this in one of two ways only:
        with an expired token the user gives it (`--expired-token`, issued by the app itself), or,
        when another probe proved a way to forge tokens (unsigned or tampered tokens accepted, a
        guessed key, algorithm confusion, `kid` injection: JWT101, JWT103, JWT105-JWT107), by
        forging through the same hole a token whose `exp` lies an hour in the past. When neither is
        possible the probe says so and reports nothing.
    """,
        bad="""
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})
    """,
        good="""
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp"]})
    """,
        fix="Verify `exp` (the default in PyJWT and python-jose) and require it to be present.",
    )
)

JWT103 = define(
    Rule(
        id="JWT103",
        name="jwt-tampered-token-accepted",
        pattern=3,
        kind="runtime",
        title="Token with a tampered signature accepted",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=347,
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
    )
)

JWT104 = define(
    Rule(
        id="JWT104",
        name="jwt-issued-without-expiry",
        pattern=3,
        kind="runtime",
        title="Issued token has no `exp`",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=613,
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
        fix="Set `exp` on every token: 15 minutes to 1 hour for access tokens, with refresh tokens for longer "
        "sessions.",
    )
)

XSS101 = define(
    Rule(
        id="XSS101",
        name="reflected-markup-unescaped",
        pattern=5,
        kind="runtime",
        title="Request input reflected unescaped in HTML",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=79,
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
    )
)

SQL101 = define(
    Rule(
        id="SQL101",
        name="sql-error-on-quote",
        pattern=4,
        kind="runtime",
        title="A quote in a parameter breaks the SQL query",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=89,
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
    )
)

LOG101 = define(
    Rule(
        id="LOG101",
        name="error-details-leaked",
        pattern=8,
        kind="runtime",
        title="Error response leaks internal details",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=209,
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
    )
)

SQL102 = define(
    Rule(
        id="SQL102",
        name="sql-boolean-condition-obeyed",
        pattern=4,
        kind="runtime",
        title="A SQL condition written into a parameter changes the answer",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=89,
        why="""
        When a true condition written into a parameter leaves the answer as it was and a false
        one changes it, the database is evaluating what the client wrote: the value is pasted
        into SQL text, even if no error ever shows. The probe sent a plain value twice (the page
        must be stable), then the same value extended with a true condition and with a false one
        (`'||(CASE WHEN 1=1 THEN '' ELSE 'x' END)||'` in a string, `+(CASE ...)` in a number,
        or `' AND '1'='1`), twice with different conditions: true answered like the plain value,
        false did not, both times.
    """,
        bad="""
        user = db.execute(f"SELECT * FROM users WHERE email = '{email}'").fetchone()
        if user is None:
            return page("reset.html", 404, error="No such account")
    """,
        good="""
        user = db.execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()
    """,
        fix="Bind every value as a query parameter (`?`, `%s`, `:name`) or use the ORM's query API; "
        "never format values into SQL text.",
    )
)

SQL103 = define(
    Rule(
        id="SQL103",
        name="sql-delay-obeyed",
        pattern=4,
        kind="runtime",
        title="A SQL delay written into a parameter delays the answer",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=89,
        why="""
        When a parameter that ends in a database delay makes the answer that much slower, and
        the same parameter without the delay does not, the database runs what the client wrote,
        even where the page shows neither errors nor different results (a form that always
        thanks you). The probe timed the plain value, then the value with a delay of about two
        seconds for SQLite (a bounded recursive count), PostgreSQL (`pg_sleep`) and MySQL
        (`SLEEP`); a delayed answer was confirmed by a control without the delay, which was fast,
        and by the delay once more.
    """,
        bad="""
        db.execute(f"INSERT INTO subscribers (email) VALUES ('{email}')")
    """,
        good="""
        db.execute("INSERT INTO subscribers (email) VALUES (?)", (email,))
    """,
        fix="Bind every value as a query parameter (`?`, `%s`, `:name`) or use the ORM's query API; "
        "never format values into SQL text.",
    )
)

RATE102 = define(
    Rule(
        id="RATE102",
        name="account-endpoint-not-throttled",
        pattern=7,
        kind="runtime",
        title="Password reset or registration accepts a burst of requests",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=770,
        why="""
        A reset or registration endpoint without a limit sends mail on anyone's behalf (mail
        bombing, a blocked sending domain), creates accounts by the thousand, and lets an
        attacker test which addresses have accounts at full speed. The probe sent a burst of
        requests to the endpoint, for the test account's address or for addresses at the
        reserved `example.invalid` domain, and got neither a 429, a `Retry-After`, a
        "too many requests" answer nor a slowdown.
    """,
        bad="""
        @app.post("/password-reset")
        def request_reset(email: str = Form(...)):
            send_reset_mail(email)  # as often as anyone asks
    """,
        good="""
        @app.post("/password-reset")
        @limiter.limit("5/hour")
        def request_reset(request: Request, email: str = Form(...)):
            send_reset_mail(email)
    """,
        fix="Limit reset, registration and other mail-sending endpoints per client and per address "
        "(a few per hour) and answer 429 with `Retry-After`.",
    )
)

RATE103 = define(
    Rule(
        id="RATE103",
        name="rate-limit-keyed-on-forwarded-for",
        pattern=7,
        kind="runtime",
        title="A rate limit is reset by a forged X-Forwarded-For header",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=348,
        why="""
        A limiter that takes the client's address from `X-Forwarded-For` (or `X-Real-IP`)
        without a trusted proxy in front believes whatever the client writes there: a new
        made-up address per request, and the limit never applies. The probe ran into the
        endpoint's limit, then sent the same request with a different documentation address
        (`203.0.113.x`) in those headers, and it was accepted again.
    """,
        bad="""
        limiter = Limiter(key_func=lambda request: request.headers.get("X-Forwarded-For", request.client.host))
    """,
        good="""
        # Behind one trusted proxy: let it set the client address; the app reads request.client.host.
        # uvicorn --proxy-headers --forwarded-allow-ips 10.0.0.5
        limiter = Limiter(key_func=get_remote_address)
    """,
        fix="Key limits on the connection's address, and honour forwarding headers only from proxies you "
        "run (`--forwarded-allow-ips`, `ProxyFix(x_for=1)`); also limit per account.",
    )
)

CONF105 = define(
    Rule(
        id="CONF105",
        name="cors-credentials-any-origin",
        pattern=10,
        kind="runtime",
        title="CORS lets any origin read responses with the user's cookies",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=942,
        why="""
        `Access-Control-Allow-Credentials: true` together with an allowed origin copied from the
        request (or `*`) lets any website the user visits call the API with the user's cookies
        and read the answers: their notes, their tokens, their account. The probe sent requests
        with `Origin: https://secpat-probe.invalid` and read the CORS headers of the answer (and
        of a preflight).
    """,
        bad="""
        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
    """,
        good="""
        app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
    """,
        fix="List the origins that may call the API with credentials; never reflect the request's Origin "
        "or combine `*` with credentials.",
    )
)

CONF106 = define(
    Rule(
        id="CONF106",
        name="hsts-missing",
        pattern=10,
        kind="runtime",
        title="HTTPS served without Strict-Transport-Security",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=319,
        why="""
        Without HSTS, a browser that types the address or follows an old http link first talks
        plain http, and anyone on the network can answer in the site's name and strip https
        away. The probe read the headers of the app's https answers; a plain-http target is not
        judged (HSTS is ignored over http), and says so.
    """,
        bad="""
        SECURE_HSTS_SECONDS = 0
    """,
        good="""
        SECURE_HSTS_SECONDS = 31536000
        SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    """,
        fix="Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every https answer.",
    )
)

CONF107 = define(
    Rule(
        id="CONF107",
        name="software-version-in-headers",
        pattern=10,
        kind="runtime",
        title="Server or framework version in response headers",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        cwe=497,
        why="""
        A `Server: Werkzeug/2.0.1 Python/3.8.10` or `X-Powered-By: Express 4.17` header tells
        everyone which known vulnerabilities to try, without a single error. The probe read the
        `Server`, `X-Powered-By`, `X-AspNet-Version` and `X-Runtime` headers of every answer it
        got; a product name without a version is not reported.
    """,
        bad="""
        run_simple("0.0.0.0", 8000, app)  # Server: Werkzeug/3.0.1 Python/3.12.1
    """,
        good="""
        # behind a proxy that drops the header:  proxy_hide_header Server;  server_tokens off;
        uvicorn app.main:app --no-server-header
    """,
        fix="Remove version numbers from `Server` and `X-Powered-By` (server_tokens off, "
        "`--no-server-header`, a proxy that drops them).",
    )
)

CONF108 = define(
    Rule(
        id="CONF108",
        name="api-docs-or-console-exposed",
        pattern=10,
        kind="runtime",
        title="Interactive API docs or a debug console served",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=489,
        why="""
        Interactive API documentation (Swagger UI, ReDoc) in production hands every caller a
        ready-made client for every endpoint, internal ones included; a debug console (the
        Werkzeug console, Django debug toolbar) runs code or shows settings. The probe asked
        for their usual paths (`/docs`, `/redoc`, `/swagger-ui`, `/console`, `/__debug__/`)
        and found the page itself, recognised by its content, not by the status alone.
    """,
        bad="""
        app = FastAPI()  # serves /docs and /redoc to everyone
    """,
        good="""
        app = FastAPI(docs_url="/docs" if settings.debug else None, redoc_url=None)
    """,
        fix="Serve interactive docs and consoles only in development (or behind authentication); the "
        "OpenAPI document itself may stay if clients need it.",
    )
)

SECRET101 = define(
    Rule(
        id="SECRET101",
        name="secret-file-served",
        pattern=9,
        kind="runtime",
        title="A secret file or repository metadata is served",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=538,
        why="""
        A `.env` file holds the app's keys and passwords; `.git/` lets anyone download the whole
        source and its history; a backup of the settings or the database is the app's secrets
        in one file. The probe asked for `/.env`, `/.git/HEAD`, `/.git/config` and a few backup
        names, and reports only answers whose content is what the name says (variable
        assignments, a ref line, a git config, a SQLite header), never a status code alone.
    """,
        bad="""
        app.mount("/", StaticFiles(directory="."), name="root")  # serves .env and .git/ too
    """,
        good="""
        app.mount("/static", StaticFiles(directory="static"), name="static")
    """,
        fix="Serve only a dedicated static directory; keep `.env`, `.git/` and backups out of every "
        "served directory and deny dot-files at the proxy.",
    )
)

JWT105 = define(
    Rule(
        id="JWT105",
        name="jwt-weak-hmac-secret",
        pattern=3,
        kind="runtime",
        title="Token signed with a guessable HMAC secret",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=1391,
        why="""
        An HMAC-signed token is only as strong as its key: a key from a word list is found
        offline in seconds from any one token, and then anyone signs tokens for any user. The
        probe tried a small built-in list of common secrets (`secret`, `changeme`, framework
        defaults ...) against the signature of the token the app issued, without sending
        anything; when one matched, it signed a token with it and the app accepted it.
    """,
        bad="""
        token = jwt.encode(claims, "secret", algorithm="HS256")
    """,
        good="""
        token = jwt.encode(claims, os.environ["JWT_SECRET"], algorithm="HS256")  # 32+ random bytes
    """,
        fix="Sign with a random key of at least 32 bytes (`secrets.token_urlsafe(32)`) read from the "
        "environment or a secret store, and rotate it now: every token signed with the old key is forgeable.",
    )
)

RND101 = define(
    Rule(
        id="RND101",
        name="session-id-guessable",
        pattern=1,
        kind="runtime",
        title="Session ids are short, sequential or repeated",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=330,
        why="""
        A session id is the password of a logged-in browser: whoever guesses one is that user.
        Ids that count up, that have a few digits of randomness, or that two logins share can be
        guessed or enumerated in minutes. The probe logged in a handful of times with the test
        account, took the session cookie of each login, and compared them: the same value twice,
        numbers that count up, or a part that varies with fewer than 64 bits.
    """,
        bad="""
        session_id = f"{user_id}-{random.randint(100000, 999999)}"
    """,
        good="""
        session_id = secrets.token_urlsafe(32)
    """,
        fix="Make session ids with `secrets.token_urlsafe(32)` (or let the framework's session store do it); "
        "never derive them from counters, user ids, time or `random`.",
    )
)

CONF109 = define(
    Rule(
        id="CONF109",
        name="session-fixation",
        pattern=10,
        kind="runtime",
        title="Session id kept across login (session fixation)",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=384,
        why="""
        If the id a browser holds before logging in stays the id of the logged-in session, an
        attacker who planted that id (a link, a sub-domain cookie, a shared computer) is logged in
        as soon as the victim is. The probe sent the login with a session cookie of its own
        choosing (or the one the login page set), saw that the login set no new id, and then used
        the old id to open a page that needs a login: it was accepted.
    """,
        bad="""
        session_id = request.cookies.get("session_id") or new_session_id()
        db.create_session(session_id, user.id)
    """,
        good="""
        session_id = secrets.token_urlsafe(32)  # a new id at every login; the old one is discarded
        db.create_session(session_id, user.id)
    """,
        fix="Issue a new session id at login (and at every change of privilege), and never adopt an id the "
        "client sent (Django's `login()` and Flask-Login's `login_user` with session protection do it).",
    )
)

CONF110 = define(
    Rule(
        id="CONF110",
        name="session-valid-after-logout",
        pattern=10,
        kind="runtime",
        title="Session still valid after logout",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=613,
        why="""
        Logging out must end the session on the server; deleting the cookie in the browser only
        hides it. A copy of the cookie (a shared computer, a proxy log, a stolen value) keeps
        working as if the user never left. The probe logged in with a fresh session, checked that
        it opens a page that needs a login, logged out with it, and opened the page again with
        the same cookie: it was still accepted.
    """,
        bad="""
        @app.post("/logout")
        def logout():
            response = redirect("/")
            response.delete_cookie("session_id")  # the server still honours the id
            return response
    """,
        good="""
        @app.post("/logout")
        def logout(request):
            db.delete_session(request.cookies.get("session_id"))
            response = redirect("/")
            response.delete_cookie("session_id")
            return response
    """,
        fix="Delete (or mark revoked) the session on the server at logout; with signed client-side sessions, "
        "keep a server-side session id or version to revoke.",
    )
)

RATE104 = define(
    Rule(
        id="RATE104",
        name="account-enumeration",
        pattern=7,
        kind="runtime",
        title="Login or reset answers tell existing accounts from unknown ones",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=204,
        why="""
        When the answer for an unknown address differs from the answer for a registered one, a
        list of addresses becomes a list of customers, and password guessing aims only at
        accounts that exist. The probe asked the login (with a wrong password) and the password
        reset for the test account and for a made-up address at `example.invalid`, a few times
        each, and compared the status, the text (the addresses taken out) and the time taken.
    """,
        bad="""
        user = db.find_user(email)
        if user is None:
            return page("reset.html", 404, error=f"No account for {email}")
    """,
        good="""
        if (user := db.find_user(email)) is not None:
            send_reset_link(user)
        return page("message.html", message="If an account exists for that address, a link is on its way.")
    """,
        fix="Answer the same (status, text, and about the same time: check a dummy password hash for unknown "
        "users) whether the account exists or not; tell the owner by e-mail instead.",
    )
)

JWT106 = define(
    Rule(
        id="JWT106",
        name="jwt-algorithm-confusion",
        pattern=3,
        kind="runtime",
        title="Token accepted under an algorithm the server did not issue",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=327,
        why="""
        A server that takes the algorithm from the token's header lets the client choose how the
        signature is checked. The classic case: tokens are signed with RS256, and the server also
        accepts HS256 and uses its key — the public key, which anyone can read — as the HMAC
        secret; `alg: None` in another spelling is another. The probe read the public key the app
        publishes (JWKS or PEM), signed the issued claims with HS256 using it, and sent the
        unsigned token with `alg` spelt `None`, `NONE` and `nOnE`, while a token with a wrong
        signature was refused: the endpoint accepted the forgery.
    """,
        bad="""
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, PUBLIC_KEY_PEM, algorithms=[header["alg"]])
    """,
        good="""
        claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])
    """,
        fix='Pin the one algorithm the server issues (`algorithms=["RS256"]`) and give the verifier a key '
        "object of that type, never a string that an HMAC could use.",
    )
)

JWT107 = define(
    Rule(
        id="JWT107",
        name="jwt-kid-injection",
        pattern=3,
        kind="runtime",
        title="Token key chosen by a `kid` the client wrote",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=347,
        why="""
        The `kid` header names the key that checks the signature. A server that uses it as a file
        name or pastes it into SQL lets the client pick a key it knows: `/dev/null` (an empty key)
        or a value a `UNION SELECT` returns. The probe signed the issued claims with HS256 and an
        empty key under `kid: ../../../../../../dev/null`, and with a key of its own under a `kid`
        that selects that key in SQL, while a token with the same `kid` and a wrong signature was
        refused: the endpoint accepted a forgery.
    """,
        bad="""
        kid = jwt.get_unverified_header(token)["kid"]
        key = open(f"keys/{kid}").read()  # or: SELECT key FROM keys WHERE id = '{kid}'
        claims = jwt.decode(token, key, algorithms=["HS256"])
    """,
        good="""
        key = KEYS[jwt.get_unverified_header(token)["kid"]]  # a fixed table; unknown ids raise KeyError
        claims = jwt.decode(token, key, algorithms=["HS256"])
    """,
        fix="Look the `kid` up in a fixed table of keys (or a JWKS the server owns); never build a path or SQL "
        "from it, and refuse unknown ids.",
    )
)

CONF111 = define(
    Rule(
        id="CONF111",
        name="content-security-policy-weak",
        pattern=10,
        kind="runtime",
        title="Content-Security-Policy that does not stop injected scripts",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=693,
        why="""
        A Content-Security-Policy is the second line against XSS: it tells the browser which
        scripts may run. `'unsafe-inline'` (without a nonce or hash) lets any injected `<script>`
        run, `'unsafe-eval'` lets strings become code, a wildcard, `data:` or a plain `http:`/`https:`
        source lets a script come from anywhere, and without `object-src` and `base-uri` plugins
        and a `<base>` tag can redirect the page's scripts. The probe read the policy of the HTML
        pages it fetched.
    """,
        bad="""
        response.headers["Content-Security-Policy"] = "default-src * 'unsafe-inline' 'unsafe-eval'"
    """,
        good="""
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    """,
        fix="Allow scripts from `'self'` (or nonces/hashes) only, drop `'unsafe-inline'` and `'unsafe-eval'`, "
        "and set `object-src 'none'` and `base-uri 'none'` (or `'self'`).",
    )
)

RUNTIME_RULES: tuple[Rule, ...] = (
    # The session probes first: they log in several times, before the bursts that may lock the account.
    CONF109,
    CONF110,
    RND101,
    RATE104,
    CONF101,
    CONF103,
    CONF104,
    CONF111,
    CONF105,
    CONF106,
    CONF107,
    CONF108,
    SECRET101,
    XSS101,
    SQL101,
    SQL102,
    SQL103,
    CSRF101,
    JWT104,
    JWT105,
    JWT101,
    JWT103,
    JWT106,
    JWT107,
    JWT102,
    LOG101,
    RATE101,
    RATE102,
    RATE103,
)
