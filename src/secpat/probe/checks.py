"""The runtime probes: one small function per rule, sending a few requests and judging the answers.

Each probe is registered with `@probe(RULE, max_requests=N)` and yields Findings. The
judging is done by pure functions over an `Exchange` (`debug_page`, `leaked_details`,
`db_error`, `missing_headers`, `cookie_flaws`, `throttled`, …), so the evidence for every
finding is a request the report lists and a response anyone can replay.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import statistics
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from secpat.findings import Confidence, Finding, Location
from secpat.probe.client import CLEAN, FOUND, MAX_RESPONSE, NO_VERDICT, Check, Exchange, ProbeClient, Request
from secpat.probe.discovery import (
    CSRF_FIELD,
    PASSWORD_FIELD,
    USERNAME_FIELD,
    Endpoint,
    Endpoints,
    Field,
    Login,
    Param,
    parse_forms,
)
from secpat.probe.target import Target
from secpat.rules.registry import Rule
from secpat.rules.runtime import (
    CONF101,
    CONF103,
    CONF104,
    CSRF101,
    JWT101,
    JWT102,
    JWT103,
    JWT104,
    LOG101,
    RATE101,
    SQL101,
    XSS101,
)

PROBE_USERNAME = "secpat-probe@example.invalid"  # used for wrong-password attempts when no account is given
MISSING_PAGE = "/secpat-probe-missing-page"
XSS_MARKER = "<secpatxss>"  # a made-up tag: harmless, and unmistakable when it comes back unescaped
XSS_VALUE = f"secpat{XSS_MARKER}"  # no quotes: a value that breaks SQL would hide the reflection
FOREIGN_ORIGIN = "https://secpat-probe.invalid"


class Skip(Exception):
    """The probe cannot run against this target; the message says what would let it."""


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    username: str | None = None
    password: str | None = None
    login: str | None = None
    username_field: str | None = None
    password_field: str | None = None
    token_endpoint: str | None = None
    forms: tuple[str, ...] = ()
    params: tuple[str, ...] = ()  # "PATH?NAME"
    api: tuple[str, ...] = ()
    openapi: str | None = None  # path of the OpenAPI document; "" to skip looking for one
    expired_token: str | None = None
    attempts: int = 25  # wrong passwords RATE101 sends per endpoint
    crawl_pages: int = 20  # pages the crawl may read (0: only the home and login pages)
    crawl_depth: int = 2  # links followed from the home page
    timeout: float = 5.0
    max_response: int = MAX_RESPONSE  # bytes of a response body read before it is cut
    max_requests: int = 400
    max_seconds: float = 120.0
    concurrency: int = 1
    allow_remote: bool = False
    rules: frozenset[str] | None = None  # the runtime rule ids to run; None for all

    @property
    def has_account(self) -> bool:
        return bool(self.username and self.password)


# -- shared state: the test account's session and bearer token --------------------------


@dataclass(slots=True)
class LoginState:
    """The login form as a browser would submit it: hidden fields and cookies from its page."""

    login: Login
    hidden: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        username: str,
        password: str | None,
        note: str,
        *,
        json_body: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Request:
        values = {**self.hidden, self.login.username_field: username}
        if password is not None:
            values[self.login.password_field] = password
        endpoint = self.login.endpoint
        if json_body is None:
            json_body = endpoint.body == "json"
        if json_body:
            return Request("POST", endpoint.path, note=note, json=values, cookies=self.cookies or None, headers=headers)
        return Request("POST", endpoint.path, note=note, data=values, cookies=self.cookies or None, headers=headers)


@dataclass(slots=True)
class Session:
    cookies: dict[str, str]
    exchange: Exchange  # the successful login


@dataclass(slots=True)
class Bearer:
    token: str
    header: dict
    claims: dict
    exchange: Exchange  # the token response
    api: str | None = None  # a GET path that answers 2xx with the token and 401/403 without
    api_reason: str = ""


class ProbeContext:
    """What every probe may use: the client, the target, the endpoints and the test account."""

    def __init__(self, client: ProbeClient, target: Target, endpoints: Endpoints, options: ProbeOptions) -> None:
        self.client = client
        self.target = target
        self.endpoints = endpoints
        self.options = options
        self.findings: dict[str, list[Finding]] = {}
        self.jwt_bypass: tuple[str, Callable[[dict, dict], str]] | None = None
        self.login_state: LoginState | None = None
        self.session: Session | None = None
        self.session_reason = ""
        self.login_proven = False  # the test account logged in: its credentials are right
        self.token_proven = False  # the token endpoint issued a token to the test account
        self.bearer: Bearer | None = None
        self.bearer_reason = ""
        self.form_pages: dict[str, FormSubmission | None] = {}  # a form's page read once, with the session
        self.sql_proven: set[str] = set()  # inputs an SQL probe proved injectable: later ones skip them
        #: Session ids the login issued to the test account, in order (RND101 compares them).
        self.session_ids: list[str] = []
        #: A page that needs a login, (path,) once found, () when none was: the session checks ask it.
        self.login_page_probe: tuple[str, ...] | None = None
        #: Endpoints a burst throttled, and how to ask them once more (with extra headers), for RATE103.
        self.throttled: dict[str, Callable[[Mapping[str, str]], Request]] = {}

    def path(self, path: str) -> str:
        """A site path under the target's prefix."""
        return self.target.prefix + (path if path.startswith("/") else f"/{path}")

    def observe(self, text: str) -> None:
        """Note what the current probe saw that is not a finding (shown with its requests)."""
        self.client.current_log().notes.append(text)

    def exchanges(self) -> list[Exchange]:
        return [ex for log in self.client.logs for ex in log.exchanges]

    def check(
        self,
        endpoint: str,
        input_: str,
        sent: Sequence[str],
        exchanges: Sequence[Exchange],
        *,
        found: bool,
        reason: str = "",
        counts: bool = True,
        redirects: bool = False,
        verdict: str | None = None,
    ) -> Check:
        """Record one check of the current probe. Found when `found`; otherwise clean only when
        every answer it rests on is whole and (unless `redirects` are answers in their own right)
        not a redirect, which the probe does not follow; else no verdict, with the reason."""
        if verdict is None:
            verdict = FOUND if found else CLEAN
            if not found:
                broken = next((ex for ex in exchanges if not ex.usable), None)
                moved = next((ex for ex in exchanges if ex.redirect), None)
                limit = next((why for ex in exchanges if (why := throttled(ex))), None)
                if broken is not None:
                    verdict, reason = NO_VERDICT, broken.failure
                elif limit is not None:
                    verdict, reason = NO_VERDICT, f"throttled ({limit}): the request was not judged"
                elif moved is not None and not redirects:
                    verdict, reason = NO_VERDICT, f"redirected ({moved.outcome}), which is not followed"
        check = Check(endpoint, input_, tuple(sent), verdict, reason, counts)
        self.client.current_log().checks.append(check)
        return check

    def unchecked(self, reason: str) -> None:
        """Say why the current probe could not check its pattern, when its checks cannot say it."""
        self.client.current_log().unchecked = reason

    def session_cookies(self) -> dict[str, str]:
        return dict(self.session.cookies) if self.session else {}

    def require_session(self) -> Session:
        if self.session is None:
            raise Skip(self.session_reason or "no session: give the login path and a test account")
        return self.session

    def require_bearer(self, *, api: bool = True) -> Bearer:
        if self.bearer is None:
            raise Skip(self.bearer_reason or "no token: give --token-endpoint and a test account")
        if api and self.bearer.api is None:
            raise Skip(self.bearer.api_reason)
        return self.bearer


# -- setup: login page, session, bearer token ---------------------------------------------


def prepare_login(ctx: ProbeContext) -> None:
    """Fetch the login page (for hidden fields and cookies), then log in with the test account."""
    login = ctx.endpoints.login
    if login is None:
        ctx.session_reason = "no login endpoint found: give --login PATH"
        return
    state = LoginState(login)
    if login.endpoint.body == "form":
        page = login.endpoint.page or login.endpoint.path
        # Discovery may have read the page already; its fields and cookies are the ones a browser would use.
        ex = next(
            (e for e in ctx.exchanges() if e.method == "GET" and e.path == page and _ok(e) and e.is_html), None
        ) or ctx.client.request("GET", page, note="login page", headers={"Accept": "text/html"})
        if ex.status is not None and 200 <= ex.status < 300 and ex.is_html:
            state.cookies = set_cookies(ex)
            for form in parse_forms(ex.body, page):
                if form.method == "POST" and any(f.name == login.password_field for f in form.fields):
                    state.hidden = {f.name: f.value or "" for f in form.fields if f.type == "hidden"}
                    break
    ctx.login_state = state
    if not ctx.options.has_account:
        ctx.session_reason = "no test account: give --username and --password"
        return
    ex = ctx.client.send(state.request(ctx.options.username or "", ctx.options.password, "test account"))
    if not login_succeeded(ex):
        ctx.session_reason = f"the test account could not log in ({ex.summary()})"
        return
    ctx.login_proven = True
    cookies = {**state.cookies, **set_cookies(ex)}
    if not cookies:
        ctx.session_reason = f"login gave no session cookie ({ex.summary()})"
        return
    ctx.session = Session(cookies, ex)


def prepare_bearer(ctx: ProbeContext) -> None:
    """Obtain a token for the test account and find an endpoint that requires it."""
    token_login = ctx.endpoints.token
    if token_login is None:
        ctx.bearer_reason = "no token endpoint found: give --token-endpoint PATH"
        return
    if not ctx.options.has_account:
        ctx.bearer_reason = "no test account: give --username and --password"
        return
    state = LoginState(token_login)
    ex = ctx.client.send(
        state.request(
            ctx.options.username or "",
            ctx.options.password,
            "test account",
            json_body=token_login.endpoint.body != "form",
        )
    )
    if ex.status in (400, 415, 422) and token_login.endpoint.source == "option":
        ex = ctx.client.send(
            LoginState(
                Login(
                    Endpoint("POST", token_login.endpoint.path, body="form"),
                    token_login.username_field,
                    token_login.password_field,
                )
            ).request(ctx.options.username or "", ctx.options.password, "test account, as a form")
        )
    token = token_in(ex)
    if token is None:
        ctx.bearer_reason = f"no token in the token endpoint's answer ({ex.summary()})"
        return
    ctx.token_proven = True
    parts = jwt_parts(token)
    if parts is None:
        ctx.bearer_reason = "the token endpoint issues opaque tokens, not JWTs"
        return
    bearer = Bearer(token, parts[0], parts[1], ex)
    ctx.bearer = bearer
    candidates = ctx.endpoints.api
    if not candidates:
        bearer.api_reason = "no endpoint that needs the bearer token found: give --api PATH"
        return
    for endpoint in candidates[:2]:
        path = endpoint.path
        good = ctx.client.request("GET", path, note="valid token", headers=_auth(token))
        if not _ok(good):
            bearer.api_reason = f"{path} did not accept the issued token ({good.summary()})"
            continue
        anonymous = ctx.client.request("GET", path, note="no token")
        if anonymous.status not in (401, 403):
            bearer.api_reason = f"{path} does not refuse requests without a token ({anonymous.summary()})"
            continue
        bearer.api = path
        return


# -- judging helpers (pure) -------------------------------------------------------------------

_FAILURE_WORDS = re.compile(
    r"invalid|incorrect|wrong|failed|unknown user|not recognised|not recognized|denied|"
    r"bad credentials|try again",
    re.I,
)
_PASSWORD_INPUT = re.compile(r"<input[^>]+type=[\"']?password", re.I)


def login_succeeded(ex: Exchange) -> bool:
    """Whether a login response looks like success: a redirect away from the login, or a 2xx
    that neither re-renders a password form nor says the credentials were wrong."""
    if ex.status is None:
        return False
    if 300 <= ex.status < 400:
        location = (ex.header("location") or "").lower()
        return not re.search(r"log-?in|sign-?in|error|fail", location)
    if 200 <= ex.status < 300:
        if ex.content_type == "application/json":
            try:
                doc = json.loads(ex.body)
            except ValueError:
                return False
            return not (isinstance(doc, dict) and (doc.get("error") or doc.get("ok") is False))
        return not (_PASSWORD_INPUT.search(ex.body) or _FAILURE_WORDS.search(ex.body))
    return False


def login_failed_on_password(ex: Exchange) -> bool:
    """A response that reads as "wrong credentials", as opposed to "malformed request" (403 CSRF, 422)."""
    if ex.status is None or login_succeeded(ex):
        return False
    return ex.status in (200, 400, 401) or 300 <= ex.status < 400


_THROTTLE_WORDS = re.compile(r"too many|rate.?limit|locked|try again later|temporarily|slow down|throttl", re.I)


def throttled(ex: Exchange) -> str | None:
    """Why a response shows throttling or lockout, or None."""
    if ex.status in (429, 423):
        return f"HTTP {ex.status}"
    if ex.header("retry-after"):
        return "Retry-After header"
    said = _THROTTLE_WORDS.search(ex.body[:2000]) if ex.status is not None and ex.status >= 400 else None
    if said:
        return f"HTTP {ex.status} saying {said.group(0)!r}"
    # No answer (a timeout, a reset) is not throttling: a slow or broken server proves nothing.
    return None


def slowed_down(exchanges: list[Exchange]) -> bool:
    """Whether answers became much slower as attempts went on (a tarpit is throttling too)."""
    if len(exchanges) < 10 or not all(ex.usable for ex in exchanges):
        return False
    first = statistics.median(e.elapsed for e in exchanges[:5])
    last = statistics.median(e.elapsed for e in exchanges[-5:])
    return last > 1.0 and last > 4 * max(first, 0.01)


_DEBUG_PAGES = (
    (
        "the Werkzeug debugger",
        re.compile(
            r"The debugger caught an exception|__debugger__|Werkzeug Debugger|"
            r"initPinBox|EVALEX_TRUSTED"
        ),
    ),
    (
        "Django's debug page",
        re.compile(
            r"You're seeing this error because you have <code>DEBUG = True</code>|"
            r"Using the URLconf defined in"
        ),
    ),
    ("Starlette's debug page", re.compile(r"<title>Starlette Debugger</title>|class=\"traceback-container\"")),
)


def debug_page(ex: Exchange) -> str | None:
    """Which framework debug page a response is, or None.

    A response that is nothing but a plain-text traceback is the text form of a debug page
    (Starlette's, for clients that do not accept HTML). A traceback inside the app's own
    JSON or HTML error body is not: that is the app leaking details (LOG101). The request's own
    path and query, echoed back (escaped or not), are not read: a page that shows its URL is not
    a debugger because the URL named one.
    """
    body = _without_echo(ex)
    for name, pattern in _DEBUG_PAGES:
        if pattern.search(body):
            return name
    if ex.content_type == "text/plain" and body.lstrip().startswith("Traceback (most recent call last)"):
        return "a plain-text traceback"
    return None


def _without_echo(ex: Exchange) -> str:
    """The body without what the request itself sent (its path, query and values, in the usual encodings)."""
    body = ex.body
    forms: set[str] = set()
    query = ex.path.partition("?")[2]
    for text in (
        ex.path,
        unquote(ex.path),
        query,
        unquote(query),
        *(value for _, value in parse_qsl(query)),
        *ex.sent_values,
    ):
        if text:
            forms.update(
                (
                    text,
                    html.escape(text),
                    html.escape(text, quote=False),
                    text.replace("/", "\\/"),
                    json.dumps(text)[1:-1],
                )
            )
    for text in sorted(forms, key=len, reverse=True):
        body = body.replace(text, "")
    return body


_DB_ERROR = re.compile(
    r"sqlite3?\.\w*Error|SQLITE_ERROR|unrecognized token|near \"[^\"]{0,40}\": syntax error|no such column|"
    r"unterminated quoted string|syntax error at or near|You have an error in your SQL syntax|"
    r"check the manual that corresponds to your (?:MySQL|MariaDB)|ORA-\d{5}|SQLSTATE\[|"
    r"Unclosed quotation mark|quoted string not properly terminated|psycopg2?\.(?:errors\.)?\w+|PG::\w+Error|"
    r"pymysql\.err|MySQLdb\.\w+|sqlalchemy\.exc\.\w+|\b(?:Operational|Programming)Error\b"
)


def db_error(ex: Exchange) -> str | None:
    """The database error text a response carries, or None."""
    match = _DB_ERROR.search(ex.body)
    return match.group(0) if match else None


_LEAKS = (
    ("a traceback", re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")),
    ("a file path", re.compile(r"(?:[A-Za-z]:\\|/)(?:[\w.@+-]+[\\/])+[\w.@+-]+\.py\b|site-packages|dist-packages")),
    (
        "SQL text",
        re.compile(
            r"\bSELECT\b[^\n]{1,200}?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|"
            r"\bDELETE\s+FROM\b"
        ),
    ),
    ("a database error", _DB_ERROR),
    (
        "an exception name",
        re.compile(
            r"\b[a-z_][a-z0-9_]*(?:\.[A-Za-z_]\w*)*\.[A-Z]\w*(?:Error|Exception)\b|"
            r"\b(?:Key|Value|Type|Attribute|Index|Name|Runtime|ZeroDivision|Assertion|UnboundLocal|Recursion|"
            r"Integrity|Database|Interface|Lookup|Unicode\w*)Error\b"
        ),
    ),
    (
        "a software version",
        re.compile(
            r"\b(?:Python|Werkzeug|Django|Flask|FastAPI|Starlette|uvicorn|gunicorn|SQLAlchemy|PostgreSQL|MySQL|"
            r"MariaDB|SQLite|nginx|Apache|OpenSSL|PHP)[/ ]v?\d+\.\d+(?:\.\d+)?",
            re.I,
        ),
    ),
)


def leaked_details(ex: Exchange) -> list[tuple[str, str]]:
    """(kind, excerpt) of each internal detail in a response body."""
    found = []
    body = _without_echo(ex)
    for kind, pattern in _LEAKS:
        match = pattern.search(body)
        if match:
            found.append((kind, _excerpt(match.group(0))))
    return found


_FRAME_ANCESTORS = re.compile(r"frame-ancestors", re.I)


def missing_headers(ex: Exchange) -> list[str]:
    """Security headers an HTML response lacks."""
    csp = ex.header("content-security-policy") or ""
    missing = []
    if not csp.strip():
        missing.append("Content-Security-Policy")
    if (ex.header("x-content-type-options") or "").strip().lower() != "nosniff":
        missing.append("X-Content-Type-Options: nosniff")
    xfo = (ex.header("x-frame-options") or "").strip().lower()
    if xfo not in ("deny", "sameorigin") and not _FRAME_ANCESTORS.search(csp):
        missing.append("X-Frame-Options (or CSP frame-ancestors)")
    return missing


@dataclass(frozen=True, slots=True)
class SetCookie:
    name: str
    value: str
    attributes: Mapping[str, str]  # lower-cased names; flags map to ""

    @property
    def deleted(self) -> bool:
        if self.attributes.get("max-age", "").strip() in ("0", "-1") or not self.value.strip('"'):
            return True
        expires = self.attributes.get("expires", "")
        return bool(re.search(r"19[0-9]{2}|1970", expires))


def parse_set_cookie(header: str) -> SetCookie | None:
    pair, *attrs = header.split(";")
    if "=" not in pair:
        return None
    name, value = pair.split("=", 1)
    attributes = {}
    for attr in attrs:
        key, _, val = attr.strip().partition("=")
        if key:
            attributes[key.strip().lower()] = val.strip()
    return SetCookie(name.strip(), value.strip(), attributes)


def set_cookies(ex: Exchange) -> dict[str, str]:
    """The cookies a response sets (deletions remove nothing here: each probe starts clean)."""
    cookies = {}
    for header in ex.header_all("set-cookie"):
        cookie = parse_set_cookie(header)
        if cookie is not None and not cookie.deleted:
            cookies[cookie.name] = cookie.value
    return cookies


_SESSION_NAME = re.compile(r"sess|sid\b|auth|token|remember|login|jwt|user", re.I)


def is_session_cookie(name: str) -> bool:
    return bool(_SESSION_NAME.search(name)) and not CSRF_FIELD.search(name)


def cookie_flaws(cookie: SetCookie, *, require_secure: bool) -> tuple[list[str], bool]:
    """The missing protections of a session cookie, and whether Secure is absent (reported or not)."""
    flaws = []
    if "httponly" not in cookie.attributes:
        flaws.append("HttpOnly")
    samesite = cookie.attributes.get("samesite", "").lower()
    if samesite not in ("lax", "strict"):
        flaws.append("SameSite=None" if samesite == "none" else "SameSite")
    no_secure = "secure" not in cookie.attributes
    if no_secure and (require_secure or samesite == "none"):
        flaws.append("Secure")
    return flaws, no_secure


def reflected(ex: Exchange, marker: str = XSS_MARKER) -> bool:
    return ex.is_html and marker in ex.body


def sent_values(request: Request) -> str:
    """What a request carried, for the report: its query or body, passwords masked."""
    if request.content is not None:
        return _excerpt(request.content.decode("utf-8", "replace"), 60)
    values = {
        **(request.params or {}),
        **(request.data or {}),
        **(request.json if isinstance(request.json, dict) else {}),
    }
    if not values:
        return request.path
    return ", ".join(
        f"{k}=…" if PASSWORD_FIELD.match(k) or CSRF_FIELD.search(k) else f"{k}={v}" for k, v in values.items()
    )


def _ok(ex: Exchange) -> bool:
    return ex.status is not None and 200 <= ex.status < 300


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _context(ex: Exchange, needle: str, width: int = 40) -> str:
    i = ex.body.find(needle)
    if i < 0:
        return ""
    return _excerpt(ex.body[max(0, i - width) : i + len(needle) + width], 2 * width + len(needle))


def _url_path(path: str) -> str:
    return urlsplit(path).path or "/"


def _finding(
    rule: Rule,
    ex_or_path: Exchange | str,
    message: str,
    *,
    snippet: str = "",
    context: str = "",
    confidence: Confidence | None = None,
    cwe: int | None = None,
    extra: Mapping[str, str] | None = None,
) -> Finding:
    path = ex_or_path if isinstance(ex_or_path, str) else ex_or_path.path
    details = dict(extra or {})
    if isinstance(ex_or_path, Exchange):
        details.setdefault("request", f"{ex_or_path.method} {ex_or_path.path}")
        details.setdefault("response", ex_or_path.outcome)
    finding = Finding(
        rule_id=rule.id,
        location=Location(_url_path(path), 0),
        message=message,
        severity=rule.severity,
        confidence=rule.confidence,
        snippet=snippet,
        cwe=cwe,
        context=context,
        extra=tuple(details.items()),
    )
    return finding.with_confidence(confidence) if confidence is not None else finding


# -- JWT helpers ------------------------------------------------------------------------------


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64json(obj: dict) -> str:
    return _b64encode(json.dumps(obj, separators=(",", ":")).encode())


def jwt_parts(token: str) -> tuple[dict, dict] | None:
    """The header and claims of a JWS compact token, read without a key; None if it is not one."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header, claims = json.loads(_b64decode(parts[0])), json.loads(_b64decode(parts[1]))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(claims, dict) or "alg" not in header:
        return None
    return header, claims


def forge_unsigned(header: dict, claims: dict) -> str:
    """The same claims under `alg: none`, with an empty signature."""
    return f"{_b64json({**{k: v for k, v in header.items() if k != 'kid'}, 'alg': 'none'})}.{_b64json(claims)}."


def tamper_signature(token: str) -> str:
    """The token with bytes in the middle of its signature flipped (header and claims untouched)."""
    head, body, signature = token.split(".")
    raw = bytearray(_b64decode(signature) or b"\x00")
    middle = len(raw) // 2
    raw[middle] ^= 0xFF
    raw[0] ^= 0x55
    return f"{head}.{body}.{_b64encode(bytes(raw))}"


def resign_keeping_signature(token: str) -> Callable[[dict, dict], str]:
    """A forger that writes new claims and keeps the original signature (accepted only where
    signatures are not checked)."""
    signature = token.split(".")[2]
    return lambda header, claims: f"{_b64json(header)}.{_b64json(claims)}.{signature}"


_JWT = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


def token_in(ex: Exchange) -> str | None:
    """The token in a token endpoint's JSON answer: `access_token`, `token`, or any JWT-shaped string."""
    if not _ok(ex):
        return None
    try:
        doc = json.loads(ex.body)
    except ValueError:
        return ex.body.strip() if _JWT.match(ex.body.strip()) else None
    if isinstance(doc, str):
        return doc if _JWT.match(doc) else None
    if not isinstance(doc, dict):
        return None
    for key in ("access_token", "token", "jwt", "id_token", "accessToken", "idToken"):
        if isinstance(doc.get(key), str) and doc[key]:
            return doc[key]
    stack = list(doc.values())
    while stack:
        value = stack.pop()
        if isinstance(value, str) and _JWT.match(value):
            return value
        if isinstance(value, dict):
            stack.extend(value.values())
    return None


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- inputs: where values go -------------------------------------------------------------------

_SEARCH_NAME = re.compile(r"^(q|query|search|s|term|keywords?|filter|find)$", re.I)


@dataclass(frozen=True, slots=True)
class FormSubmission:
    """A form as the logged-in browser would post it: action, every field's value (CSRF token
    included, from the page), and the cookies of the session and of the page."""

    action: str
    values: dict[str, str]
    cookies: dict[str, str]


@dataclass(frozen=True, slots=True)
class Input:
    """One place a value goes: a query parameter, a form field or the login's username."""

    method: str
    path: str
    name: str
    kind: str  # query | form | login | json | cookie | header
    example: str  # the plain value the checks start from
    numeric: bool
    send: Callable[[str, str], Exchange]  # (note, value) -> the exchange

    @property
    def where(self) -> str:
        return f"{self.method} {_url_path(self.path)}"

    @property
    def key(self) -> str:
        return f"{self.where} {self.name}"

    @property
    def counts(self) -> bool:
        """Whether a clean answer speaks for the pattern (a cookie's or a header's is a side check)."""
        return self.kind not in ("cookie", "header")


def _example(ctx: ProbeContext, name: str, given: str | None, numeric: bool) -> str:
    if given is not None:
        return given
    if numeric:
        return "1"
    if USERNAME_FIELD.match(name) or "mail" in name.lower():
        return ctx.options.username or PROBE_USERNAME
    return "" if _SEARCH_NAME.match(name) else "secpat"


def form_submission(ctx: ProbeContext, endpoint: Endpoint) -> FormSubmission | None:
    """Read the form's page once with the session, for its hidden fields (a CSRF token) and cookies."""
    page = endpoint.page or endpoint.path
    if page in ctx.form_pages:
        return ctx.form_pages[page]
    cookies = ctx.session_cookies()
    ex = ctx.client.request("GET", page, note="form page", cookies=cookies or None, headers={"Accept": "text/html"})
    submission = None
    if _ok(ex) and ex.is_html:
        forms = [f for f in parse_forms(ex.body, page) if f.method == endpoint.method]
        form = next((f for f in forms if f.action == endpoint.path), None)
        if form is not None:
            submission = FormSubmission(
                form.action,
                {f.name: f.value if f.value is not None else _sample(f) for f in form.fields},
                {**cookies, **set_cookies(ex)},
            )
    ctx.form_pages[page] = submission
    return submission


def inputs(ctx: ProbeContext, *, logins: bool = True, limit: int = 8) -> list[Input]:
    """The query parameters, form fields and (with `logins`) login usernames found, in that order."""
    found: list[Input] = []
    cookies = ctx.session_cookies() or None
    for p in ctx.endpoints.params:
        numeric = _numeric(p) or bool(p.value and p.value.lstrip("-").isdigit())
        rest = _sample_query(p.endpoint, skip=p.name)

        def send(note: str, value: str, p: Param = p, rest: dict = rest) -> Exchange:
            return ctx.client.request(
                "GET",
                p.endpoint.path,
                note=note,
                params={**rest, p.name: value},
                cookies=cookies,
                headers={"Accept": "text/html"},
            )

        found.append(
            Input("GET", p.endpoint.path, p.name, "query", _example(ctx, p.name, p.value, numeric), numeric, send)
        )
    for p in ctx.endpoints.form_params:
        numeric = any(f.name == p.name and f.type in ("number", "integer") for f in p.endpoint.fields)

        def post(note: str, value: str, p: Param = p) -> Exchange:
            form = form_submission(ctx, p.endpoint)
            if form is None:
                values = {f.name: f.value if f.value is not None else _sample(f) for f in p.endpoint.fields}
                return ctx.client.request(
                    p.endpoint.method, p.endpoint.path, note=note, data={**values, p.name: value}, cookies=cookies
                )
            return ctx.client.request(
                p.endpoint.method,
                form.action,
                note=note,
                data={**form.values, p.name: value},
                cookies=form.cookies or None,
            )

        found.append(
            Input(
                p.endpoint.method,
                p.endpoint.path,
                p.name,
                "form",
                _example(ctx, p.name, p.value, numeric),
                numeric,
                post,
            )
        )
    if logins:
        for login in (ctx.login_state.login if ctx.login_state else None, ctx.endpoints.token):
            if login is None:
                continue
            state = ctx.login_state if ctx.login_state and login is ctx.login_state.login else LoginState(login)

            def attempt(note: str, value: str, state: LoginState = state) -> Exchange:
                return ctx.client.send(
                    state.request(value, "secpat-wrong-password", note, json_body=state.login.endpoint.body != "form")
                )

            found.append(
                Input(
                    "POST",
                    login.endpoint.path,
                    login.username_field,
                    "login",
                    ctx.options.username or PROBE_USERNAME,
                    False,
                    attempt,
                )
            )
    return found[:limit]


HEADER_INPUTS = ("User-Agent", "Referer", "X-Forwarded-For")  # headers apps store or look up


def carrier_inputs(ctx: ProbeContext) -> list[Input]:
    """The string fields of JSON bodies (up to 2 endpoints); with a session, the cookies the app set
    (CSRF ones aside) and a few request headers, each sent to a page the session opens. A cookie or
    header check is a side check: one page's answer cannot pass a pattern."""
    found: list[Input] = []
    cookies = ctx.session_cookies()
    token = {"Authorization": f"Bearer {ctx.bearer.token}"} if ctx.bearer else {}
    for endpoint in ctx.endpoints.json_posts[:2]:
        sample = {f.name: int(_sample(f)) if f.type == "integer" else _sample(f) for f in endpoint.fields}
        for f in [f for f in endpoint.fields if f.type in ("string", "email")][:2]:

            def post(
                note: str, value: str, e: Endpoint = endpoint, name: str = f.name, body: dict = sample
            ) -> Exchange:
                return ctx.client.request(
                    "POST",
                    e.path,
                    note=note,
                    json={**body, name: value},
                    cookies=cookies or None,
                    headers={"Accept": "text/html, application/json", **(token if e.bearer else {})},
                )

            found.append(Input("POST", endpoint.path, f.name, "json", _example(ctx, f.name, None, False), False, post))
    if ctx.session is None:
        return found  # cookies and headers are read by session and audit code: asked with a session only
    page = ctx.login_page_probe[0] if ctx.login_page_probe else ctx.path("/")
    names = {name for ex in ctx.exchanges() for name in set_cookies(ex) if not CSRF_FIELD.search(name)}
    for name in sorted(names, key=lambda n: (n not in cookies, n))[:2]:
        current = cookies.get(name) or next(
            v for ex in ctx.exchanges() for n, v in set_cookies(ex).items() if n == name
        )

        def with_cookie(note: str, value: str, name: str = name) -> Exchange:
            return ctx.client.request(
                "GET", page, note=note, cookies={**cookies, name: value}, headers={"Accept": "text/html"}
            )

        found.append(Input("GET", page, name, "cookie", current, current.isdigit(), with_cookie))
    for header in HEADER_INPUTS:

        def with_header(note: str, value: str, header: str = header) -> Exchange:
            return ctx.client.request(
                "GET", page, note=note, cookies=cookies or None, headers={"Accept": "text/html", header: value}
            )

        found.append(Input("GET", page, header, "header", "secpat", False, with_header))
    return found


# -- the probes -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probe:
    rule: Rule
    func: Callable[[ProbeContext], Iterator[Finding]]
    max_requests: int | Callable[[ProbeOptions], int]
    max_seconds: float

    def budget(self, options: ProbeOptions) -> int:
        return self.max_requests(options) if callable(self.max_requests) else self.max_requests


PROBES: list[Probe] = []


def probe(rule: Rule, *, max_requests: int | Callable[[ProbeOptions], int], max_seconds: float = 30.0):
    """Register a probe for `rule`; probes run in registration order."""

    def decorate(func: Callable[[ProbeContext], Iterator[Finding]]) -> Callable[[ProbeContext], Iterator[Finding]]:
        PROBES.append(Probe(rule, func, max_requests, max_seconds))
        return func

    return decorate


def _error_triggers(ctx: ProbeContext, headers: Mapping[str, str] | None = None) -> list[Request]:
    """Requests that make careless handlers fail: a missing page, malformed JSON, quotes."""
    requests = [Request("GET", ctx.path(MISSING_PAGE), note="missing page", headers=headers)]
    json_targets = [
        e
        for e in (ctx.endpoints.token.endpoint if ctx.endpoints.token else None, *ctx.endpoints.json_posts)
        if e is not None and e.body == "json"
    ]
    for endpoint in json_targets[:2]:
        requests.append(
            Request(
                "POST",
                endpoint.path,
                note="malformed JSON",
                content=b'{"secpat": ',
                headers={**(headers or {}), "Content-Type": "application/json"},
            )
        )
    for param in ctx.endpoints.params[:2]:
        requests.append(
            Request(
                "GET",
                param.endpoint.path,
                note="quote and backslash",
                headers=headers,
                params={**_sample_query(param.endpoint, skip=param.name), param.name: "secpat'\"\\"},
                cookies=ctx.session_cookies() or None,
            )
        )
    for login in (ctx.login_state.login if ctx.login_state else None, ctx.endpoints.token):
        if login is not None:
            state = ctx.login_state if ctx.login_state and login is ctx.login_state.login else LoginState(login)
            requests.append(
                state.request(
                    "secpat'\"\\",
                    "secpat-wrong-password",
                    f"quote and backslash in {login.username_field}",
                    headers=headers,
                )
            )
    return requests


@probe(CONF101, max_requests=10)
def debug_error_pages(ctx: ProbeContext) -> Iterator[Finding]:
    """Ask for a missing page, send malformed input, and ask for the Werkzeug debugger's script."""
    html = {"Accept": "text/html"}
    requests = _error_triggers(ctx, html)
    requests.insert(
        1,
        Request(
            "GET",
            ctx.path("/"),
            note="Werkzeug debugger resource",
            headers=html,
            params={"__debugger__": "yes", "cmd": "resource", "f": "debugger.js"},
        ),
    )
    pages: dict[str, list[Exchange]] = {}
    for request in requests:
        ex = ctx.client.send(request)
        page = debug_page(ex)
        if page is not None and ex.note == "Werkzeug debugger resource" and ex.status != 200:
            page = None  # the app's own error page for an odd query, not the debugger's script
        if page is not None:
            pages.setdefault(page, []).append(ex)
        ctx.check(
            f"{ex.method} {_url_path(ex.path)}",
            ex.note,
            (sent_values(request),),
            [ex],
            found=page is not None,
            reason=page or "no debug page",
        )
    for page, exchanges in pages.items():
        ex = exchanges[0]
        others = sorted({_url_path(e.path) for e in exchanges[1:]} - {_url_path(ex.path)})
        also = f" (also at {', '.join(others)})" if others else ""
        evidence = _context(ex, "Traceback") or _excerpt(ex.body[:120])
        yield _finding(
            CONF101,
            ex,
            f"{ex.method} {_url_path(ex.path)} ({ex.note}) answered {ex.outcome} with "
            f"{page}{also}: the app runs with debug mode on",
            snippet=ex.summary(),
            context=page,
            extra={"evidence": evidence, "paths": ", ".join([_url_path(ex.path), *others])},
        )


@probe(CONF103, max_requests=0)
def session_cookie_flags(ctx: ProbeContext) -> Iterator[Finding]:
    """Read the Set-Cookie headers of the login response and of every response so far."""
    hsts = any(ex.header("strict-transport-security") for ex in ctx.exchanges())
    require_secure = ctx.target.https or hsts
    login_ex = ctx.session.exchange if ctx.session else None
    candidates: list[tuple[Exchange, SetCookie]] = []
    for ex in ctx.exchanges():
        for header in ex.header_all("set-cookie"):
            cookie = parse_set_cookie(header)
            if cookie is None or cookie.deleted:
                continue
            if (ex is login_ex and not CSRF_FIELD.search(cookie.name)) or is_session_cookie(cookie.name):
                candidates.append((ex, cookie))
    if not candidates:
        raise Skip("no session cookie was set" + (f" ({ctx.session_reason})" if ctx.session is None else ""))
    candidates.sort(key=lambda item: item[0] is not login_ex)  # stable: the login's cookies first
    judged: set[str] = set()
    for ex, cookie in candidates:
        if cookie.name in judged:
            continue
        judged.add(cookie.name)  # the first Set-Cookie of a name decides: the login's, when it set one
        flaws, no_secure = cookie_flaws(cookie, require_secure=require_secure)
        ctx.check(
            f"{ex.method} {_url_path(ex.path)}",
            f"Set-Cookie {cookie.name}",
            ("(read from the answer)",),
            [],
            found=bool(flaws),
            reason=f"lacks {', '.join(flaws)}" if flaws else "flags set",
        )
        if not flaws:
            if no_secure:
                ctx.observe(f"`{cookie.name}`: HttpOnly and SameSite set; no Secure, not required over plain http")
            continue
        note = ""
        if no_secure and "Secure" not in flaws:
            note = " (Secure is missing too; required once the site is served over https)"
        yield _finding(
            CONF103,
            ex,
            f"session cookie `{cookie.name}` set by {ex.method} {ex.path} lacks {', '.join(flaws)}{note}",
            snippet=f"Set-Cookie: {cookie.name}=…; "
            + "; ".join(k if not v else f"{k}={v}" for k, v in cookie.attributes.items()),
            context=cookie.name,
            cwe=614 if flaws == ["Secure"] else None,
            extra={"cookie": cookie.name, "missing": ", ".join(flaws)},
        )


@probe(CONF104, max_requests=5)
def security_headers(ctx: ProbeContext) -> Iterator[Finding]:
    """Fetch the app's HTML pages and read their headers."""
    pages = list(ctx.endpoints.pages) or [ctx.path("/")]
    if ctx.login_state is not None and ctx.login_state.login.endpoint.body == "form":
        pages.append(ctx.login_state.login.endpoint.page or ctx.login_state.login.endpoint.path)
    seen = {ex.path: ex for ex in ctx.exchanges() if ex.method == "GET" and _ok(ex) and ex.is_html}
    answers: list[Exchange] = []
    for page in dict.fromkeys(pages):
        ex = seen.get(page) or ctx.client.request(
            "GET", page, note="page", headers={"Accept": "text/html"}, cookies=ctx.session_cookies() or None
        )
        if _ok(ex) and ex.is_html:
            answers.append(ex)
        elif not ex.usable:
            ctx.check(f"GET {_url_path(page)}", "response headers", ("page",), [ex], found=False)
    if not answers:
        if ctx.client.current_log().checks:
            return  # the pages did not answer: the checks say so
        raise Skip("no HTML page answered 2xx")
    groups: dict[tuple[str, ...], list[Exchange]] = {}
    for ex in answers:
        missing = missing_headers(ex)
        ctx.check(
            f"GET {_url_path(ex.path)}",
            "response headers",
            ("page",),
            [],
            found=bool(missing),
            reason=f"lacks {', '.join(missing)}" if missing else "headers set",
        )
        if missing:
            groups.setdefault(tuple(missing), []).append(ex)
    for absent, exchanges in groups.items():
        paths = [_url_path(ex.path) for ex in exchanges]
        shown = paths[0] if len(paths) == 1 else f"{len(paths)} HTML pages ({', '.join(paths)})"
        yield _finding(
            CONF104,
            exchanges[0],
            f"{shown} served without {', '.join(absent)}",
            snippet=exchanges[0].summary(),
            context=",".join(absent),
            extra={"pages": ", ".join(paths), "missing": ", ".join(absent)},
        )


QUOTE_VALUE = "secpat\"'secpatq=1"  # both quotes, then an attribute-like tail: raw in a tag or script, a breakout


def refusal(ex: Exchange) -> str:
    """Why an answer shows the value never reached the handler ("" when it may have): a refused
    login, a CSRF or permission refusal, a method the endpoint does not take."""
    if ex.status in (401, 403, 405, 415):
        return f"refused ({ex.outcome}): the value did not reach the app"
    return ""


def quote_breakout(ex: Exchange) -> str | None:
    """Where QUOTE_VALUE came back with its quotes raw inside a tag ("an attribute") or a script
    block ("a script"); raw quotes in page text are harmless and not reported."""
    if not ex.is_html:
        return None
    body = ex.body
    start = body.find(QUOTE_VALUE)
    while start >= 0:
        before = body[:start]
        if before.rfind("<") > before.rfind(">"):
            return "an attribute"
        if before.lower().rfind("<script") > before.lower().rfind("</script"):
            return "a script"
        start = body.find(QUOTE_VALUE, start + 1)
    return None


@probe(XSS101, max_requests=24)
def reflected_markup(ctx: ProbeContext) -> Iterator[Finding]:
    """Send a marker tag, then both quotes, in query parameters and form fields (the login's
    included), and a marker in a missing page's path."""
    # A JSON token endpoint answers JSON, never HTML: only a form login can reflect markup.
    form_login = (
        ctx.login_state.login.endpoint.path
        if ctx.login_state and ctx.login_state.login.endpoint.body == "form"
        else None
    )
    fields = [i for i in inputs(ctx, limit=99) if not i.numeric and (i.kind != "login" or i.path == form_login)][:8]
    # A JSON body whose values come back in an HTML answer (a preview, an error page).
    fields += [i for i in carrier_inputs(ctx) if i.kind == "json"][:2]
    if not fields:
        ctx.unchecked("no parameter or form field found to send the marker to: give --param PATH?NAME")
    for item in fields:
        ex = item.send(f"marker in {item.name}", XSS_VALUE)
        context = "HTML" if reflected(ex) else None
        sent = [XSS_VALUE]
        if context is None and ex.usable and ex.is_html:
            quoted = item.send(f"quotes in {item.name}", QUOTE_VALUE)
            sent.append(QUOTE_VALUE)
            where = quote_breakout(quoted)
            if where is not None:
                ex, context = quoted, where
        refused = refusal(ex)
        ctx.check(
            item.where,
            item.name,
            sent,
            [ex],
            found=context is not None,
            verdict=NO_VERDICT if refused and context is None else None,
            reason=refused
            if refused and context is None
            else f"came back unescaped in {context}"
            if context
            else "not echoed unescaped"
            if ex.is_html
            else f"answered {ex.content_type or 'no content type'}",
        )
        if context:
            marker = XSS_MARKER if context == "HTML" else QUOTE_VALUE
            yield _finding(
                XSS101,
                ex,
                f"{item.where}: the {item.name} value came back unescaped in {context} ({ex.outcome})",
                snippet=ex.summary(),
                context=ex.note,
                extra={"sent": sent[-1], "context": context, "found": _context(ex, marker)},
            )
    # A missing page's path can show a reflection, but says nothing about the app's parameters.
    ex = ctx.client.request(
        "GET",
        ctx.path(f"/secpat-probe-{quote(XSS_MARKER)}"),
        note="marker in the path",
        headers={"Accept": "text/html"},
    )
    found = reflected(ex)
    ctx.check(
        f"GET {_url_path(ex.path)}",
        "path",
        (XSS_VALUE,),
        [ex],
        found=found,
        counts=False,
        reason="came back unescaped in HTML"
        if found
        else "not echoed unescaped"
        if ex.is_html
        else f"answered {ex.content_type or 'no content type'}",
    )
    if found:
        yield _finding(
            XSS101,
            ex,
            f"GET {_url_path(ex.path)}: the path value came back unescaped in HTML ({ex.outcome})",
            snippet=ex.summary(),
            context=ex.note,
            extra={"sent": XSS_VALUE, "found": _context(ex, XSS_MARKER)},
        )


# Values for one SQL context: a valid plain value, the same with one quote, and a control that is
# valid SQL there but is not the plain value (two quotes close the string; 1-0 is still a number).
_SQL_CONTEXTS = {"string": ("secpat", "secpat'", "secpat''"), "numeric": ("1", "1'", "1-0")}


def _numeric(p: Param) -> bool:
    kind = next((q.type for q in p.endpoint.query if q.name == p.name), "string")
    return kind in ("integer", "number")


@probe(SQL101, max_requests=60)
def quote_breaks_sql(ctx: ProbeContext) -> Iterator[Finding]:
    """Send each parameter a valid value and the same with one quote; compare the answers. A
    parameter whose plain text value already fails (a numeric query) is tried again with `1`."""
    cookies = ctx.session_cookies() or None
    logins = [
        login
        for login in (ctx.login_state.login if ctx.login_state else None, ctx.endpoints.token)
        if login is not None
    ]
    if not ctx.endpoints.params and not ctx.endpoints.form_params and not logins:
        raise Skip("no parameter or login field found: give --param PATH?NAME")
    for p in ctx.endpoints.params[:4]:
        path = p.endpoint.path
        rest = _sample_query(p.endpoint, skip=p.name)

        def send(note: str, value: str, path: str = path, rest: dict = rest, name: str = p.name) -> Exchange:
            return ctx.client.request("GET", path, note=note, params={**rest, name: value}, cookies=cookies)

        contexts = [(kind, *_SQL_CONTEXTS[kind]) for kind in (["numeric"] if _numeric(p) else ["string", "numeric"])]
        if p.value:  # the example value first: a row that exists answers where `1` may not
            kind = "numeric" if p.value.lstrip("-").isdigit() else "string"
            contexts.insert(0, (kind, p.value, p.value + "'", f"{p.value}-0" if kind == "numeric" else p.value + "''"))
        sent: list[str] = []
        for kind, plain, quoted, control in contexts:
            base, one = send(f"plain value ({kind})", plain), send(f"one quote ({kind})", quoted)
            sent += [plain, quoted]
            error = db_error(one)
            if error and one.usable and not db_error(base):
                ctx.sql_proven.add(f"GET {_url_path(path)} {p.name}")
                ctx.check(
                    f"GET {_url_path(path)}", p.name, sent, [base, one], found=True, reason=f"database error: {error}"
                )
                yield _finding(
                    SQL101,
                    one,
                    f"GET {_url_path(path)}: a quote in `{p.name}` produced a database error ({error})",
                    snippet=f"{base.summary()}; {one.summary()}",
                    context=p.name,
                    extra={"parameter": p.name, "context": kind, "evidence": _context(one, error)},
                )
                break
            if not base.usable or not one.usable or base.redirect:
                ctx.check(f"GET {_url_path(path)}", p.name, sent, [base, one], found=False)
                break
            if db_error(base) or (base.status or 0) >= 500:
                if (kind, plain) != contexts[-1][:2]:
                    continue  # the plain text value breaks the query: a number may be expected
                ctx.check(
                    f"GET {_url_path(path)}",
                    p.name,
                    sent,
                    [base, one],
                    found=False,
                    verdict=NO_VERDICT,
                    reason=f"the plain value already fails ({base.outcome})",
                )
                break
            if (one.status or 0) >= 500:
                two = send(f"control ({kind})", control)
                sent.append(control)
                if two.usable and (two.status or 0) < 500:
                    ctx.sql_proven.add(f"GET {_url_path(path)} {p.name}")
                    ctx.check(
                        f"GET {_url_path(path)}",
                        p.name,
                        sent,
                        [base, one, two],
                        found=True,
                        reason=f"only the quote fails ({one.status})",
                    )
                    yield _finding(
                        SQL101,
                        one,
                        f"GET {_url_path(path)}: one quote in `{p.name}` fails with "
                        f"{one.status}, `{plain}` and `{control}` do not: the value is pasted into SQL "
                        "text",
                        confidence=Confidence.MEDIUM,
                        context=p.name,
                        snippet=f"{base.summary()}; {one.summary()}; {two.summary()}",
                        extra={"parameter": p.name, "context": kind},
                    )
                    break
                ctx.check(
                    f"GET {_url_path(path)}",
                    p.name,
                    sent,
                    [base, one, two],
                    found=False,
                    redirects=True,
                    reason=f"the control fails too ({two.outcome})",
                )
                break
            ctx.check(
                f"GET {_url_path(path)}",
                p.name,
                sent,
                [base, one],
                found=False,
                redirects=True,
                reason=f"no database error ({base.outcome}, {one.outcome})",
            )
            break
    fields = [i for i in inputs(ctx, logins=False, limit=99) if i.kind == "form"][:4]
    for field_ in fields + carrier_inputs(ctx)[:6]:
        plain = field_.example or "secpat"
        base, one = field_.send("plain value", plain), field_.send("one quote", plain + "'")
        error = db_error(one)
        found = bool(error and one.usable and base.usable and not db_error(base))
        if found:
            ctx.sql_proven.add(field_.key)
        refused = refusal(base) or refusal(one)
        ctx.check(
            field_.where,
            field_.name,
            (plain, plain + "'"),
            [base, one],
            found=found,
            redirects=True,
            counts=field_.counts,
            verdict=NO_VERDICT if refused and not found else None,
            reason=f"database error: {error}"
            if found
            else refused or f"no database error ({base.outcome}, {one.outcome})",
        )
        if found:
            carrier = {"form": "form field", "json": "JSON field", "cookie": "cookie", "header": "header"}[field_.kind]
            yield _finding(
                SQL101,
                one,
                f"{field_.where}: a quote in {carrier} `{field_.name}` produced a database error ({error})",
                snippet=f"{base.summary()}; {one.summary()}",
                context=field_.name,
                extra={"parameter": field_.name, "evidence": _context(one, error or "")},
            )
    for login in logins:
        state = ctx.login_state if ctx.login_state and login is ctx.login_state.login else LoginState(login)
        ex = ctx.client.send(
            state.request(
                "secpat'",
                "secpat-wrong-password",
                f"quote in {login.username_field}",
                json_body=login.endpoint.body != "form",
            )
        )
        error = db_error(ex)
        if error:
            ctx.sql_proven.add(f"POST {_url_path(login.endpoint.path)} {login.username_field}")
        ctx.check(
            f"POST {_url_path(ex.path)}",
            login.username_field,
            ("secpat'",),
            [ex],
            found=bool(error),
            redirects=True,
            reason=f"database error: {error}" if error else "no database error",
        )
        if error:
            yield _finding(
                SQL101,
                ex,
                f"POST {_url_path(ex.path)}: a quote in `{login.username_field}` produced a database error ({error})",
                snippet=ex.summary(),
                context=login.username_field,
                extra={"parameter": login.username_field, "evidence": _context(ex, error)},
            )


@probe(CSRF101, max_requests=8)
def state_change_without_token(ctx: ProbeContext) -> Iterator[Finding]:
    """Log in, then send each state-changing form with the session cookie and no CSRF token."""
    session = ctx.require_session()
    forms = ctx.endpoints.forms
    if not forms:
        raise Skip("no state-changing form found: give --form PATH")
    samesite = _session_samesite(session)
    for endpoint in forms[:2]:
        action, values = _form_values(ctx, endpoint, session.cookies)
        with_cookie = ctx.client.request(
            "POST",
            action,
            note="session cookie, no CSRF token",
            data=values,
            cookies=session.cookies,
            headers={"Origin": FOREIGN_ORIGIN},
        )
        where, sent = f"POST {_url_path(action)}", (sent_values(Request("POST", action, data=values)),)
        if not with_cookie.usable:
            ctx.check(where, "CSRF token", sent, [with_cookie], found=False)
            continue
        if with_cookie.redirect and not _accepted(with_cookie):
            ctx.check(
                where,
                "CSRF token",
                sent,
                [with_cookie],
                found=False,
                verdict=NO_VERDICT,
                reason=f"the session was not accepted ({with_cookie.outcome})",
            )
            continue
        if not _accepted(with_cookie):
            ctx.check(
                where,
                "CSRF token",
                sent,
                [with_cookie],
                found=False,
                reason=f"refused without a token ({with_cookie.outcome})",
            )
            continue
        without = ctx.client.request(
            "POST", action, note="no cookie, no CSRF token", data=values, headers={"Origin": FOREIGN_ORIGIN}
        )
        if not without.usable:
            ctx.check(where, "CSRF token", sent, [with_cookie, without], found=False)
            continue
        if _accepted(without) and (without.header("location") == with_cookie.header("location")):
            # The endpoint needs no session at all: nothing to forge.
            ctx.check(where, "CSRF token", sent, [], found=False, reason="accepted without a session too")
            continue
        ctx.check(
            where,
            "CSRF token",
            sent,
            [],
            found=True,
            reason=f"accepted with the cookie ({with_cookie.outcome}), refused without ({without.outcome})",
        )
        note = ""
        confidence = None
        if samesite in ("lax", "strict"):
            note = f"; the cookie's SameSite={samesite} keeps current browsers from sending it cross-site"
            confidence = Confidence.MEDIUM
        yield _finding(
            CSRF101,
            with_cookie,
            f"POST {_url_path(action)} was accepted ({with_cookie.outcome}) with "
            f"the session cookie and no CSRF token, from a foreign Origin; without the cookie it was "
            f"refused ({without.outcome}){note}",
            snippet=f"{with_cookie.summary()}; {without.summary()}",
            confidence=confidence,
            context=endpoint.path,
            extra={"fields": ", ".join(values) or "(none)", "origin": FOREIGN_ORIGIN},
        )


def _session_samesite(session: Session) -> str:
    values = set()
    for header in session.exchange.header_all("set-cookie"):
        cookie = parse_set_cookie(header)
        if cookie is not None and cookie.name in session.cookies and is_session_cookie(cookie.name):
            values.add(cookie.attributes.get("samesite", "").lower())
    return values.pop() if len(values) == 1 else ""


def _form_values(ctx: ProbeContext, endpoint: Endpoint, cookies: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Where to post and what, as the logged-in user's browser would, minus any CSRF token."""
    fields = endpoint.fields
    action = endpoint.path
    if endpoint.page is not None or endpoint.source == "option":
        page = endpoint.page or endpoint.path
        ex = ctx.client.request("GET", page, note="form page", cookies=cookies, headers={"Accept": "text/html"})
        if _ok(ex) and ex.is_html:
            forms = [f for f in parse_forms(ex.body, page) if f.method == "POST" and not f.password_fields]
            match = next((f for f in forms if f.action == action), forms[0] if forms else None)
            if match is not None:
                action, fields = match.action, match.fields
    return action, {f.name: _sample(f) for f in fields if not CSRF_FIELD.search(f.name)}


def _sample(f: Field) -> str:
    if f.value:
        return f.value
    if f.type in ("integer", "number"):
        return "1"
    if f.type == "boolean":
        return "true"
    if f.type == "email" or "mail" in f.name.lower():
        return "probe@example.invalid"
    return "secpat probe"


def _sample_query(endpoint: Endpoint, *, skip: str) -> dict[str, str]:
    return {q.name: _sample(q) for q in endpoint.query if q.required and q.name != skip}


def _accepted(ex: Exchange) -> bool:
    """2xx, or a redirect somewhere other than a login page."""
    if ex.status is None:
        return False
    if 300 <= ex.status < 400:
        return not re.search(r"log-?in|sign-?in", (ex.header("location") or "").lower())
    return 200 <= ex.status < 300


@probe(JWT104, max_requests=0)
def token_without_expiry(ctx: ProbeContext) -> Iterator[Finding]:
    """Read the claims of the token issued to the test account."""
    bearer = ctx.require_bearer(api=False)
    ctx.check(
        f"POST {_url_path(bearer.exchange.path)}",
        "exp claim",
        ("(read from the issued token)",),
        [],
        found="exp" not in bearer.claims,
        reason="no exp" if "exp" not in bearer.claims else "exp set",
    )
    if "exp" not in bearer.claims:
        claims = ", ".join(sorted(bearer.claims)) or "none"
        yield _finding(
            JWT104,
            bearer.exchange,
            f"the token issued by POST {_url_path(bearer.exchange.path)} has no `exp` claim (claims: {claims})",
            snippet=bearer.exchange.summary(),
            extra={"claims": claims, "alg": str(bearer.header.get("alg"))},
        )


@probe(JWT101, max_requests=2)
def unsigned_token(ctx: ProbeContext) -> Iterator[Finding]:
    """Call the protected endpoint with the issued claims under `alg: none`."""
    bearer = ctx.require_bearer()
    if str(bearer.header.get("alg", "")).lower() == "none":
        raise Skip("the app itself issues unsigned tokens")
    forged = forge_unsigned(bearer.header, bearer.claims)
    ex = ctx.client.request("GET", bearer.api or "", note="alg none token", headers=_auth(forged))
    _token_check(ctx, ex, "alg none token")
    if _ok(ex):
        ctx.jwt_bypass = ctx.jwt_bypass or ("alg none", forge_unsigned)
        yield _finding(
            JWT101,
            ex,
            f"GET {_url_path(ex.path)} accepted a token with `alg: none` and no signature "
            f"({ex.outcome}); without a token it answers 401/403",
            snippet=ex.summary(),
            extra={"token header": '{"alg": "none"}'},
        )


@probe(JWT103, max_requests=2)
def tampered_token(ctx: ProbeContext) -> Iterator[Finding]:
    """Call the protected endpoint with the issued token's signature altered."""
    bearer = ctx.require_bearer()
    if not bearer.token.split(".")[2]:
        raise Skip("the issued token has no signature to tamper with")
    ex = ctx.client.request(
        "GET", bearer.api or "", note="tampered signature", headers=_auth(tamper_signature(bearer.token))
    )
    _token_check(ctx, ex, "token with an altered signature")
    if _ok(ex):
        if ctx.jwt_bypass is None:
            ctx.jwt_bypass = ("tampered signature", resign_keeping_signature(bearer.token))
        yield _finding(
            JWT103,
            ex,
            f"GET {_url_path(ex.path)} accepted the issued token with its signature altered ({ex.outcome})",
            snippet=ex.summary(),
            extra={"alg": str(bearer.header.get("alg"))},
        )


@probe(JWT102, max_requests=4)
def expired_token(ctx: ProbeContext) -> Iterator[Finding]:
    """Call the protected endpoint with an expired token: given, or forged through a proven bypass."""
    bearer = ctx.require_bearer()
    now = int(time.time())
    given = ctx.options.expired_token
    if given:
        parts = jwt_parts(given)
        if parts is None or not isinstance(parts[1].get("exp"), (int, float)) or parts[1]["exp"] > now:
            raise Skip("--expired-token is not a JWT whose exp lies in the past")
        ex = ctx.client.request("GET", bearer.api or "", note="expired token (given)", headers=_auth(given))
        how = f"a token the app issued, expired {_ago(now - int(parts[1]['exp']))}"
    else:
        bypass = ctx.jwt_bypass or _find_bypass(ctx, bearer)
        if bypass is None:
            raise Skip(
                "no expired token can be made: the app checks signatures; "
                "give --expired-token with one it issued that has expired"
            )
        name, forge = bypass
        claims = {**bearer.claims, "exp": now - 3600}
        for claim in ("iat", "nbf"):
            if claim in claims:
                claims[claim] = now - 7200
        ex = ctx.client.request(
            "GET", bearer.api or "", note=f"expired token ({name})", headers=_auth(forge(bearer.header, claims))
        )
        how = f"a token whose exp lies an hour in the past, forged through the {name} hole"
    _token_check(ctx, ex, ex.note)
    if _ok(ex):
        yield _finding(
            JWT102,
            ex,
            f"GET {_url_path(ex.path)} accepted {how} ({ex.outcome}): expiry is not checked",
            snippet=ex.summary(),
            context=ex.note,
        )


def _token_check(ctx: ProbeContext, ex: Exchange, sent: str) -> None:
    ctx.check(
        f"GET {_url_path(ex.path)}",
        "Authorization",
        (sent,),
        [ex],
        found=_ok(ex),
        reason=f"accepted ({ex.outcome})" if _ok(ex) else f"refused ({ex.outcome})",
    )


def _find_bypass(ctx: ProbeContext, bearer: Bearer) -> tuple[str, Callable[[dict, dict], str]] | None:
    """When JWT101 and JWT103 did not run: try their forgeries with valid claims, as controls."""
    for name, forge, rule in (
        ("alg none", forge_unsigned, JWT101),
        ("tampered signature", resign_keeping_signature(bearer.token), JWT103),
    ):
        if rule.id in ctx.findings:  # ran and found nothing: this hole is closed
            continue
        token = forge(bearer.header, bearer.claims)
        if name == "tampered signature":
            token = tamper_signature(token)
        control = ctx.client.request("GET", bearer.api or "", note=f"{name} token, not expired", headers=_auth(token))
        if _ok(control):
            return name, (
                lambda header, claims, forge=forge, name=name: (
                    tamper_signature(forge(header, claims)) if name == "tampered signature" else forge(header, claims)
                )
            )
    return None


def _ago(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds}s ago"
    if seconds < 7200:
        return f"{seconds // 60} minutes ago"
    return f"{seconds // 3600} hours ago"


@probe(LOG101, max_requests=6)
def error_details(ctx: ProbeContext) -> Iterator[Finding]:
    """Read every error response so far (outside debug pages) for internal details; when CONF101
    has not sent its malformed requests, send them first."""
    if not any(ex.probe == CONF101.id for ex in ctx.exchanges()):
        for request in _error_triggers(ctx)[:6]:
            ctx.client.send(request)
    errors = [ex for ex in ctx.exchanges() if ex.status is not None and ex.status >= 400]
    ctx.observe(f"read {len(errors)} error answers")
    reported: set[str] = set()
    for ex in ctx.exchanges():
        # Only answers to malformed input speak for the app's error handling; any other error answer
        # (a missing page, a refused login) is read too, and reported when it leaks.
        trigger = ex.note.startswith(_TRIGGERS)
        if not trigger and (ex.status is None or ex.status < 400):
            continue
        where = f"{ex.method} {_url_path(ex.path)}"
        if not ex.usable or ex.status is None or ex.status < 400:
            if trigger:
                ctx.check(
                    where,
                    ex.note,
                    (f"{ex.note}, sent by {ex.probe}",),
                    [ex],
                    found=False,
                    verdict=None if not ex.usable else NO_VERDICT,
                    reason=f"answered {ex.outcome}: no error answer to read",
                )
            continue
        if debug_page(ex) is not None:
            # Debug pages and tracebacks are CONF101's; this rule is about the app's own error bodies.
            if trigger:
                ctx.check(
                    where,
                    ex.note,
                    (f"{ex.note}, sent by {ex.probe}",),
                    [ex],
                    found=False,
                    verdict=NO_VERDICT,
                    reason="a framework debug page answered (CONF101), not the app's own error handling",
                )
            continue
        details = leaked_details(ex)
        kinds = ", ".join(kind for kind, _ in details)
        if trigger or details:
            ctx.check(
                where,
                ex.note,
                (f"{ex.note}, sent by {ex.probe}",),
                [ex],
                found=bool(details),
                counts=trigger,
                reason=f"{ex.status} showing {kinds}" if details else f"{ex.status} without internal details",
            )
        path = _url_path(ex.path)
        if not details or path in reported:
            continue
        reported.add(path)
        yield _finding(
            LOG101,
            ex,
            f"the {ex.status} answer to {ex.method} {path} ({ex.note}) shows {kinds}: {details[0][1]}",
            snippet=ex.summary(),
            context=kinds,
            extra={kind: excerpt for kind, excerpt in details},
        )
    if not ctx.client.current_log().checked and not any(ex.note.startswith(_TRIGGERS) for ex in ctx.exchanges()):
        ctx.unchecked(
            "no parameter, JSON body or login field found to send malformed input to: "
            "give --param PATH?NAME or --login PATH"
        )


_TRIGGERS = ("malformed JSON", "quote and backslash")


def _rate_budget(options: ProbeOptions) -> int:
    return 2 * (options.attempts + 1) + 1


@probe(RATE101, max_requests=_rate_budget, max_seconds=90.0)
def login_throttling(ctx: ProbeContext) -> Iterator[Finding]:
    """Send N wrong passwords to each credential endpoint; then the right one, when known."""
    targets: list[tuple[Login, LoginState]] = []
    if ctx.login_state is not None:
        targets.append((ctx.login_state.login, ctx.login_state))
    token = ctx.endpoints.token
    if token is not None and (ctx.login_state is None or token.endpoint.path != ctx.login_state.login.endpoint.path):
        targets.append((token, LoginState(token)))
    if not targets:
        raise Skip("no login or token endpoint found: give --login PATH or --token-endpoint PATH")
    attempts = ctx.options.attempts
    username = ctx.options.username or PROBE_USERNAME
    for login, state in targets:
        json_body = login.endpoint.body != "form"
        sent: list[Exchange] = []
        stop = None
        batch = max(1, ctx.client.concurrency)
        for start in range(0, attempts, batch):
            requests = []
            requests = [
                state.request(username, f"secpat-wrong-password-{i}", "wrong password", json_body=json_body)
                for i in range(start, min(start + batch, attempts))
            ]
            for ex in ctx.client.send_many(requests):
                sent.append(ex)
                stop = stop or throttled(ex)
            if stop:
                break
        path = _url_path(login.endpoint.path)
        where, field_ = f"POST {path}", login.password_field
        burst = f"{len(sent)} wrong passwords for {username}"
        if stop or (slowed_down(sent) and not any(ex.status is None for ex in sent)):
            if stop:

                def again(
                    headers: Mapping[str, str], state: LoginState = state, json_body: bool = json_body
                ) -> Request:
                    return state.request(
                        username, "secpat-wrong-password-again", "wrong password", json_body=json_body, headers=headers
                    )

                ctx.throttled[f"POST {path}"] = again
            ctx.observe(f"{path} throttled after {len(sent)} wrong passwords ({stop or 'answers slowed down'})")
            ctx.check(where, field_, (burst,), [], found=False, reason=f"throttled ({stop or 'answers slowed down'})")
            continue
        broken = next((ex for ex in sent if not ex.usable), None)
        if broken is not None:
            # No answer is not throttling: it proves neither a limit nor its absence.
            ctx.observe(f"{path}: attempt {sent.index(broken) + 1} got {broken.failure}; not judged")
            ctx.check(where, field_, (burst,), [broken], found=False)
            continue
        if not all(login_failed_on_password(ex) for ex in sent):
            odd = next(ex for ex in sent if not login_failed_on_password(ex))
            ctx.observe(f"{path}: an answer did not read as a wrong password ({odd.summary()}); not judged")
            ctx.check(
                where,
                field_,
                (burst,),
                [],
                found=False,
                verdict=NO_VERDICT,
                reason=f"an answer did not read as a wrong password ({odd.outcome})",
            )
            continue
        statuses = ", ".join(sorted({ex.outcome for ex in sent}))
        confidence: Confidence | None = Confidence.MEDIUM
        after = "the test account's password is not known, so a silent lockout cannot be ruled out"
        # A refusal of the right password reads as a lockout only when that password was seen to work.
        proven = ctx.login_proven if ctx.login_state is not None and state is ctx.login_state else ctx.token_proven
        if ctx.options.has_account and not proven:
            after = (
                "the test account did not log in before the burst, so its password is not known to be "
                "right and a silent lockout cannot be ruled out"
            )
        elif ctx.options.has_account:
            final = ctx.client.send(
                state.request(
                    ctx.options.username or "",
                    ctx.options.password,
                    "test account, after the burst",
                    json_body=json_body,
                )
            )
            if not final.usable:
                ctx.check(where, field_, (burst, "the right password"), [final], found=False)
                continue
            if not login_succeeded(final):
                # Refused after the burst: a lockout that answers like a wrong password.
                ctx.observe(f"{path}: the right password was refused after {len(sent)} wrong ones: a lockout")
                ctx.check(
                    where,
                    field_,
                    (burst, "the right password"),
                    [],
                    found=False,
                    reason=f"locked: the right password was then refused ({final.outcome})",
                )
                continue
            confidence = None
            after = f"then the right password still logged in ({final.outcome})"
        ctx.check(
            where,
            field_,
            (burst,) + (("the right password",) if "still logged in" in after else ()),
            [],
            found=True,
            reason=f"no throttling ({statuses})",
        )
        seconds = sum(ex.elapsed for ex in sent)
        yield _finding(
            RATE101,
            path,
            f"POST {path} took {len(sent)} wrong passwords for `{username}` in "
            f"{seconds:.2f}s without a 429, Retry-After, lockout or slowdown ({statuses}); {after}",
            snippet=f"POST {path} (wrong password) x{len(sent)} -> {statuses}",
            context=path,
            confidence=confidence,
            extra={"attempts": str(len(sent)), "responses": statuses},
        )
