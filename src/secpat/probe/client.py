"""A bounded HTTP client that records every exchange, so the report can say what was sent.

Bounds: a request budget for the whole run and one per probe, a time budget for the
whole run and one per probe, a deadline per request that covers connecting, headers and
the whole body (a server dripping a byte a second cannot hold it), a size cap on every
response body (read as a stream and cut there), and at most two requests in flight.
Cookies are never kept between requests: every request carries exactly the cookies its
probe chose, so each probe's evidence is self-contained.
"""

from __future__ import annotations

import codecs
import functools
import http.cookiejar
import ssl
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpcore
import httpx

from secpat import __version__

USER_AGENT = f"secpat-probe/{__version__}"
MAX_BODY = 256 * 1024  # characters of a response body kept for judging
MAX_RESPONSE = 2 * 1024 * 1024  # bytes of a response body read before it is cut (--max-response-size)
MAX_KEPT = 24 * 1024 * 1024  # bytes of bodies kept over the whole run; later bodies keep their first 4 KiB
_CHUNK = 64 * 1024
_UNANSWERED_BEFORE_ANY = 2  # requests in a row without a usable answer before the target is given up
_UNANSWERED_IN_A_ROW = 5  # requests in a row without any answer before the rest of the run is refused


class ProbeError(Exception):
    """The run cannot go on: the target does not answer, or answers nothing usable."""


class BudgetExhausted(Exception):
    """A request was refused because its probe or the run spent its request or time budget,
    or because the target stopped answering."""


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
    cut: str = ""  # why the body is incomplete (over the size cap, past the deadline); judged on nothing
    #: The form or JSON values the request carried, so an answer that echoes them is not read as
    #: the app's own words; kept for judging only, never shown in a report.
    sent_values: tuple[str, ...] = field(default=(), repr=False)

    @property
    def usable(self) -> bool:
        """A whole response: something can be judged on it."""
        return self.status is not None and not self.cut

    @property
    def redirect(self) -> bool:
        return self.status is not None and 300 <= self.status < 400

    @property
    def failure(self) -> str:
        """Why nothing can be judged on this answer ("" when it is usable)."""
        if self.status is None:
            return self.error or "no response"
        return f"the {self.status} answer was cut: {self.cut}" if self.cut else ""

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
        if self.cut:
            return f"{self.status}, cut: {self.cut}"
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


FOUND, CLEAN, NO_VERDICT = "found", "clean", "no verdict"


@dataclass(frozen=True, slots=True)
class Check:
    """One question a probe put to the target: where, through which input, what was sent, and the answer.

    A pattern is checked only when one of its checks reached a verdict (found or clean); a
    check with `counts=False` can find a problem but cannot make the pattern checked on its
    own (a marker in a missing page's path says nothing about the app's parameters).
    """

    endpoint: str  # "GET /notes/search"
    input: str  # the parameter, field, header or cookie the values went into ("" for none)
    sent: tuple[str, ...]  # the values or requests sent, in order
    verdict: str  # found | clean | no verdict
    reason: str = ""  # what decided the verdict, or why there is none
    counts: bool = True

    def line(self) -> str:
        """`GET /notes/search q: secpat | secpat' -> clean (no database error)`."""
        where = f"{self.endpoint} {self.input}".strip()
        sent = " | ".join(self.sent)
        reason = f" ({self.reason})" if self.reason else ""
        side = "" if self.counts else " [side check]"
        return f"{where}: {sent} -> {self.verdict}{reason}{side}"


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
    checks: list[Check] = field(default_factory=list)
    unchecked: str = ""  # why no check reached a verdict, when the probe knows better than its checks
    in_flight: int = field(default=0, repr=False)  # requests sent but not yet answered

    @property
    def requests(self) -> int:
        return len(self.exchanges)

    @property
    def checked(self) -> bool:
        """Whether at least one check reached a verdict that speaks for the pattern."""
        return any(c.counts and c.verdict != NO_VERDICT for c in self.checks)

    def why_unchecked(self) -> str:
        if self.state == "skipped" or (self.state in ("stopped", "failed") and not self.checks):
            return self.reason
        if self.unchecked:
            return self.unchecked
        reasons = list(dict.fromkeys(c.reason for c in self.checks if c.counts and c.reason))
        if reasons:
            return "no verdict: " + "; ".join(reasons[:3])
        return self.reason or "nothing to check was found"

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


_deadline = threading.local()  # when the request being sent on this thread must be over


def _remaining(timeout: float | None) -> float:
    """The time an operation may take: its own timeout, but never past the request's deadline."""
    until = getattr(_deadline, "at", None)
    if until is None:
        return timeout if timeout is not None else 0.0
    left = until - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the request's deadline, so a server
    sending a byte a second runs into the deadline instead of restarting a per-read timeout."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _remaining(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(super().connect_tcp(host, port, _remaining(timeout), local_address, socket_options))


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over sockets that honour the request deadline."""

    def __init__(self) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for the network backend; its pool is rebuilt with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_keepalive_connections=0,
            network_backend=_DeadlineBackend(),
        )


class ProbeClient:
    """Sends requests for one probe at a time, within the run's and the probe's budgets."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        host_header: str | None = None,
        timeout: float = 5.0,
        max_requests: int = 400,
        max_seconds: float = 120.0,
        concurrency: int = 1,
        max_response: int = MAX_RESPONSE,
    ) -> None:
        # Identity encoding: a compressed body could expand far past the size cap in one chunk.
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if host_header:
            headers["Host"] = host_header
        # No keep-alive: a server closes a connection after some errors (a 500 from a debug page),
        # and a request sent on such a connection would fail for reasons that are not the app's.
        self._http = httpx.Client(
            base_url=base_url,
            transport=transport or _DeadlineTransport(),
            timeout=timeout,
            headers=headers,
            follow_redirects=False,
            cookies=_NoCookies(),
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self.base_url = base_url
        self.timeout = timeout
        self.max_response = max_response
        self.max_requests = max_requests
        self.max_seconds = max_seconds
        self.concurrency = max(1, min(2, concurrency))
        self.logs: list[ProbeLog] = []
        self._current: ProbeLog | None = None
        self._lock = threading.Lock()
        self._sent = 0
        self._started = time.monotonic()
        self._usable = 0  # usable answers so far
        self._unusable_run = 0  # requests in a row without a usable answer
        self._silent_run = 0  # requests in a row without any answer
        self._kept = 0  # bytes of response bodies kept so far

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
            if self._silent_run >= _UNANSWERED_IN_A_ROW:
                raise BudgetExhausted(
                    f"the target stopped answering ({self._silent_run} requests in a row got no answer)"
                )
            self._sent += 1
            log.in_flight += 1
        return log

    # -- sending -------------------------------------------------------------------

    def send(self, request: Request) -> Exchange:
        """Send one request for the current probe; record and return the exchange."""
        log = self._reserve()
        deadline = min(time.monotonic() + self.timeout, self._started + self.max_seconds, log.started + log.max_seconds)
        try:
            exchange = self._send(log.name, request, deadline)
        finally:
            with self._lock:
                log.in_flight -= 1
        with self._lock:
            log.exchanges.append(exchange)
            self._silent_run = 0 if exchange.status is not None else self._silent_run + 1
            if exchange.usable:
                self._usable, self._unusable_run = self._usable + 1, 0
            else:
                self._unusable_run += 1
            give_up = not self._usable and self._unusable_run >= _UNANSWERED_BEFORE_ANY
        if give_up:
            raise ProbeError(
                f"{self.base_url} answered nothing usable ({self._unusable_run} requests in a row; "
                f"the last: {exchange.summary()})"
            )
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
                batch = requests[start : start + self.concurrency]
                results.extend(pool.map(run, batch))
        return results

    def _send(self, probe: str, request: Request, deadline: float) -> Exchange:
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
        values = {**(request.data or {}), **(request.json if isinstance(request.json, dict) else {})}
        exchange = functools.partial(
            Exchange,
            probe=probe,
            note=request.note,
            method=request.method,
            path=path,
            sent_values=tuple(str(v) for v in values.values() if v and len(str(v)) > 3),
            sent_cookies=tuple(request.cookies or ()),
            sent_headers=tuple(h for h in headers if h.lower() != "cookie"),
        )
        allowed = max(0.001, deadline - started)
        status: int | None = None
        headers_out: tuple[tuple[str, str], ...] = ()
        raw = bytearray()
        cut = ""
        _deadline.at = deadline
        try:
            with self._http.stream(
                request.method, path, content=content, json=request.json, headers=headers, timeout=allowed
            ) as response:
                status = response.status_code
                headers_out = tuple((k.lower(), v) for k, v in response.headers.multi_items())
                # An in-process transport may hand over a response it built whole.
                chunks = [response.content] if response.is_stream_consumed else response.iter_raw(_CHUNK)
                for chunk in chunks:
                    raw += chunk
                    if len(raw) > self.max_response:
                        cut = f"over the {_size(self.max_response)} size cap"
                        break
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("the request's deadline passed")
                encoding = response.headers.get("content-encoding", "")
                charset = response.charset_encoding
        except httpx.TimeoutException:
            if status is None:
                error = f"no answer within {allowed:.3g}s"
                return exchange(status=None, error=error, elapsed=time.monotonic() - started)
            return exchange(
                status=status,
                headers=headers_out,
                elapsed=time.monotonic() - started,
                cut=f"the body was not complete within {allowed:.3g}s",
            )
        except (httpx.TransportError, httpx.DecodingError) as exc:
            if status is not None:  # the connection broke in the middle of the body
                return exchange(
                    status=status,
                    headers=headers_out,
                    elapsed=time.monotonic() - started,
                    cut=f"the body broke off ({_error(exc)})",
                )
            if not self._usable:
                raise ProbeError(_unreachable(self.base_url, exc)) from None
            return exchange(status=None, error=_error(exc), elapsed=time.monotonic() - started)
        finally:
            _deadline.at = None
        body, problem = self._decode(bytes(raw[: self.max_response]), encoding, charset)
        del raw
        return exchange(
            status=status, headers=headers_out, body=body, elapsed=time.monotonic() - started, cut=cut or problem
        )

    def _decode(self, raw: bytes, encoding: str, charset: str | None) -> tuple[str, str]:
        """The body as text, at most MAX_BODY characters (fewer once MAX_KEPT bytes are kept),
        and why it could not be decoded ("" when it could)."""
        encoding = encoding.strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            # Bounded: a small compressed body must not expand past the cap.
            inflate = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
            try:
                raw = inflate.decompress(raw, self.max_response)
            except zlib.error as exc:
                return "", f"a {encoding} body that does not decompress ({exc})"
            if inflate.unconsumed_tail:
                return "", f"over the {_size(self.max_response)} size cap once decompressed"
        elif encoding not in ("", "identity"):
            return "", f"a {encoding} body, which is not decoded"
        try:
            codec = codecs.lookup(charset or "utf-8").name
        except LookupError:
            codec = "utf-8"
        limit = MAX_BODY if self._kept < MAX_KEPT else 4096
        text = raw[: 4 * limit].decode(codec, errors="replace")[:limit]
        with self._lock:
            self._kept += sys.getsizeof(text)
        return text, ""

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ProbeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n / 1024:g} KiB" if n >= 1024 else f"{n} bytes"


def _error(exc: Exception) -> str:
    """The exception in a few words: what a server sent may be long and binary."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _unreachable(base_url: str, exc: Exception) -> str:
    """Why the first request got nothing, in the user's terms."""
    text = str(exc)
    if base_url.startswith("https:") and ("SSL" in text or "TLS" in text or "record layer" in text):
        plain = "http:" + base_url[len("https:") :]
        return f"the TLS handshake with {base_url} failed ({text}); if the server speaks plain HTTP, probe {plain}"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.DecodingError):
        return f"{base_url} did not answer in HTTP ({_error(exc)})"
    return f"nothing answers at {base_url}: {_error(exc)}"
