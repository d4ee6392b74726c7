"""A bounded HTTP client that records every exchange, so the report can say what was sent.

Bounds: a request budget for the whole run and one per probe, a time budget for the
whole run and one per probe, a timeout per request, and at most two requests in flight.
Cookies are never kept between requests: every request carries exactly the cookies its
probe chose, so each probe's evidence is self-contained.
"""

from __future__ import annotations

import http.cookiejar
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from secpat import __version__

USER_AGENT = f"secpat-probe/{__version__}"
MAX_BODY = 256 * 1024  # characters of a response body kept for judging


class ProbeError(Exception):
    """The run cannot go on: the target does not answer at all."""


class BudgetExhausted(Exception):
    """A request was refused because its probe or the run spent its request or time budget."""


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request the probe sent and the response it got (or why it got none)."""

    probe: str  # the probe that sent it: a rule id, or "discovery" / "login" for shared steps
    note: str  # what the request was for, in a few words ("wrong password", "no CSRF token")
    method: str
    path: str  # path and query, as sent
    status: int | None  # None when no response came (timeout, connection error)
    headers: tuple[tuple[str, str], ...] = ()  # response headers, names lower-cased, in order
    body: str = ""
    elapsed: float = 0.0
    error: str = ""
    sent_cookies: tuple[str, ...] = ()  # names of the cookies the request carried
    sent_headers: tuple[str, ...] = ()  # names of the extra headers the request carried

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k == name), None)

    def header_all(self, name: str) -> list[str]:
        name = name.lower()
        return [v for k, v in self.headers if k == name]

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";", 1)[0].strip().lower()

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml")

    @property
    def outcome(self) -> str:
        """`200`, `303 to /notes`, or why no response came."""
        if self.status is None:
            return self.error or "no response"
        location = self.header("location") if 300 <= self.status < 400 else None
        return f"{self.status} to {urlsplit(location).path or location}" if location else str(self.status)

    def summary(self) -> str:
        """`POST /login (wrong password) -> 401`: one line, no secrets."""
        note = f" ({self.note})" if self.note else ""
        return f"{self.method} {self.path}{note} -> {self.outcome}"


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    note: str = ""
    params: Mapping[str, str] | None = None
    data: Mapping[str, str] | None = None
    json: Any = None
    content: bytes | None = None
    headers: Mapping[str, str] | None = None
    cookies: Mapping[str, str] | None = None


@dataclass(slots=True)
class ProbeLog:
    """What one probe did: its requests, its time, and whether it ran to the end."""

    name: str
    max_requests: int
    max_seconds: float
    exchanges: list[Exchange] = field(default_factory=list)
    started: float = 0.0
    seconds: float = 0.0
    state: str = "ran"  # ran | skipped | stopped (a budget ran out) | failed
    reason: str = ""
    notes: list[str] = field(default_factory=list)  # what the probe saw that is not a finding
    in_flight: int = field(default=0, repr=False)  # requests sent but not yet answered

    @property
    def requests(self) -> int:
        return len(self.exchanges)

    def sent(self, limit: int = 10) -> str:
        """The requests grouped: `POST /login (wrong password) x25 -> 401 x25`."""
        groups: dict[tuple[str, str, str], Counter[str]] = {}
        for ex in self.exchanges:
            path = ex.path.split("?", 1)[0] + ("?…" if "?" in ex.path else "")
            groups.setdefault((ex.method, path, ex.note), Counter())[ex.outcome] += 1
        parts = []
        for (method, path, note), outcomes in groups.items():
            count = sum(outcomes.values())
            times = f" x{count}" if count > 1 else ""
            shown = ", ".join(f"{o} x{n}" if n > 1 else o for o, n in outcomes.items())
            parts.append(f"{method} {path}{f' ({note})' if note else ''}{times} -> {shown}")
        if len(parts) > limit:
            parts = parts[:limit] + [f"… {len(parts) - limit} more"]
        return "; ".join(parts)


class _NoCookies(http.cookiejar.CookieJar):
    """A jar that keeps nothing: cookies are sent only where a probe puts them."""

    def extract_cookies(self, response, request) -> None:  # noqa: ANN001 - http.cookiejar's signature
        return None

    def set_cookie(self, cookie) -> None:  # noqa: ANN001
        return None


class ProbeClient:
    """Sends requests for one probe at a time, within the run's and the probe's budgets."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        host_header: str | None = None,
        timeout: float = 5.0,
        max_requests: int = 200,
        max_seconds: float = 120.0,
        concurrency: int = 1,
    ) -> None:
        headers = {"User-Agent": USER_AGENT}
        if host_header:
            headers["Host"] = host_header
        # No keep-alive: a server closes a connection after some errors (a 500 from a debug page),
        # and a request sent on such a connection would fail for reasons that are not the app's.
        self._http = httpx.Client(base_url=base_url, transport=transport, timeout=timeout, headers=headers,
                                  follow_redirects=False, cookies=_NoCookies(), trust_env=False,
                                  limits=httpx.Limits(max_keepalive_connections=0))
        self.timeout = timeout
        self.max_requests = max_requests
        self.max_seconds = max_seconds
        self.concurrency = max(1, min(2, concurrency))
        self.logs: list[ProbeLog] = []
        self._current: ProbeLog | None = None
        self._lock = threading.Lock()
        self._sent = 0
        self._started = time.monotonic()
        self._answered = False

    # -- budgets -------------------------------------------------------------------

    def seconds_left(self) -> float:
        return self.max_seconds - (time.monotonic() - self._started)

    @contextmanager
    def probe(self, name: str, *, max_requests: int, max_seconds: float = 30.0) -> Iterator[ProbeLog]:
        """Attribute the requests sent inside the block to probe `name`, within its budget."""
        log = ProbeLog(name, max_requests, max_seconds, started=time.monotonic())
        previous, self._current = self._current, log
        self.logs.append(log)
        try:
            yield log
        finally:
            log.seconds = time.monotonic() - log.started
            self._current = previous

    def current_log(self) -> ProbeLog:
        if self._current is None:
            raise RuntimeError("no probe is running")
        return self._current

    def _reserve(self) -> ProbeLog:
        log = self._current
        if log is None:
            raise RuntimeError("requests must be sent inside `client.probe(...)`")
        with self._lock:
            if self._sent >= self.max_requests:
                raise BudgetExhausted(f"the run's budget of {self.max_requests} requests is spent")
            if self.seconds_left() <= 0:
                raise BudgetExhausted(f"the run's time budget of {self.max_seconds:g}s is spent")
            if len(log.exchanges) + log.in_flight >= log.max_requests:
                raise BudgetExhausted(f"{log.name}'s budget of {log.max_requests} requests is spent")
            if time.monotonic() - log.started > log.max_seconds:
                raise BudgetExhausted(f"{log.name}'s time budget of {log.max_seconds:g}s is spent")
            self._sent += 1
            log.in_flight += 1
        return log

    # -- sending -------------------------------------------------------------------

    def send(self, request: Request) -> Exchange:
        """Send one request for the current probe; record and return the exchange."""
        log = self._reserve()
        try:
            exchange = self._send(log.name, request)
        finally:
            with self._lock:
                log.in_flight -= 1
        with self._lock:
            log.exchanges.append(exchange)
        return exchange

    def request(self, method: str, path: str, **kwargs: Any) -> Exchange:
        return self.send(Request(method, path, **kwargs))

    def send_many(self, requests: Sequence[Request]) -> list[Exchange]:
        """Send requests with up to `concurrency` in flight; stops at the first budget refusal."""
        if self.concurrency == 1 or len(requests) < 2:
            return [self.send(r) for r in requests]
        results: list[Exchange] = []
        current = self._current
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            def run(r: Request) -> Exchange:
                self._current = current  # worker threads share the probe of the caller
                return self.send(r)

            for start in range(0, len(requests), self.concurrency):
                batch = requests[start:start + self.concurrency]
                results.extend(pool.map(run, batch))
        return results

    def _send(self, probe: str, request: Request) -> Exchange:
        headers = dict(request.headers or {})
        if request.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in request.cookies.items())
        path = request.path
        if request.params:
            path += ("&" if "?" in path else "?") + urlencode(request.params)
        content = request.content
        if request.data is not None:
            content = urlencode(request.data).encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        started = time.monotonic()
        common = {"probe": probe, "note": request.note, "method": request.method, "path": path,
                  "sent_cookies": tuple(request.cookies or ()),
                  "sent_headers": tuple(h for h in headers if h.lower() != "cookie")}
        try:
            response = self._http.request(request.method, path, content=content, json=request.json,
                                          headers=headers)
        except httpx.TimeoutException:
            return Exchange(status=None, error=f"timeout after {self.timeout:g}s",
                            elapsed=time.monotonic() - started, **common)
        except httpx.TransportError as exc:
            if not self._answered:
                raise ProbeError(f"nothing answers at {self._http.base_url}: {exc or type(exc).__name__}") from None
            return Exchange(status=None, error=f"{type(exc).__name__}: {exc}", elapsed=time.monotonic() - started,
                            **common)
        self._answered = True
        try:
            body = response.text[:MAX_BODY]
        except (UnicodeDecodeError, LookupError):
            body = response.content[:MAX_BODY].decode("latin-1")
        headers_out = tuple((k.lower(), v) for k, v in response.headers.multi_items())
        return Exchange(status=response.status_code, headers=headers_out, body=body,
                        elapsed=time.monotonic() - started, **common)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ProbeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
