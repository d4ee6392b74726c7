"""Account endpoints and tokens: a guessable JWT key (JWT105), reset and registration without a
limit (RATE102), and limits that a forged X-Forwarded-For resets (RATE103)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Iterator, Mapping

from secpat.findings import Confidence, Finding
from secpat.probe.checks import (
    PROBE_USERNAME,
    ProbeContext,
    Skip,
    _auth,
    _b64decode,
    _b64json,
    _finding,
    _ok,
    _sample,
    _url_path,
    form_submission,
    probe,
    refusal,
    slowed_down,
    throttled,
)
from secpat.probe.client import CLEAN, FOUND, NO_VERDICT, Exchange, Request
from secpat.probe.discovery import PASSWORD_FIELD, USERNAME_FIELD, Endpoint
from secpat.rules.runtime import JWT105, RATE102, RATE103

#: Keys people leave in code: defaults of tutorials, frameworks and generators, and common words.
WEAK_KEYS = (
    "secret",
    "Secret",
    "SECRET",
    "secret123",
    "secretkey",
    "secret-key",
    "secret_key",
    "SECRET_KEY",
    "mysecret",
    "my-secret",
    "my_secret",
    "mysecretkey",
    "supersecret",
    "super-secret",
    "super_secret",
    "topsecret",
    "s3cr3t",
    "jwt",
    "jwtsecret",
    "jwt-secret",
    "jwt_secret",
    "JWT_SECRET",
    "jwt-secret-key",
    "jwt_secret_key",
    "jwtkey",
    "your-256-bit-secret",
    "your-secret-key",
    "your_secret_key",
    "your-jwt-secret",
    "your_jwt_secret",
    "changeme",
    "change-me",
    "change_me",
    "changeit",
    "change-this",
    "replace-me",
    "password",
    "passw0rd",
    "key",
    "mykey",
    "private",
    "private-key",
    "token",
    "auth",
    "api",
    "apikey",
    "app",
    "default",
    "test",
    "testing",
    "dev",
    "development",
    "prod",
    "production",
    "admin",
    "root",
    "123456",
    "12345678",
    "qwerty",
    "abc123",
    "letmein",
    "hello",
    "example",
    "sample",
    "demo",
    "keyboard cat",
    "shhhhh",
    "insecure",
    "django-insecure",
    "flask",
    "django",
    "fastapi",
    "notsecret",
    "not-so-secret",
    "gfg_jwt_secret_key",
)
_HMAC = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def guess_key(token: str, keys: tuple[str, ...] = WEAK_KEYS) -> str | None:
    """The word of `keys` that signed an HMAC token, found offline; None if none did."""
    try:
        head, body, signature = token.split(".")
        alg = json.loads(_b64decode(head)).get("alg")
        digest = _HMAC.get(str(alg).upper())
        expected = _b64decode(signature)
    except (ValueError, AttributeError):
        return None
    if digest is None:
        return None
    signed = f"{head}.{body}".encode()
    return next(
        (key for key in keys if hmac.compare_digest(hmac.new(key.encode(), signed, digest).digest(), expected)), None
    )


def sign_with(key: str) -> Callable[[dict, dict], str]:
    """A forger that signs claims with `key` under the header's HMAC algorithm."""

    def forge(header: dict, claims: dict) -> str:
        head = _b64json(header) + "." + _b64json(claims)
        digest = _HMAC.get(str(header.get("alg", "HS256")).upper(), hashlib.sha256)
        signature = base64.urlsafe_b64encode(hmac.new(key.encode(), head.encode(), digest).digest()).rstrip(b"=")
        return f"{head}.{signature.decode()}"

    return forge


def _masked(key: str) -> str:
    return key[0] + "…" + key[-1] if len(key) > 3 else "…"


@probe(JWT105, max_requests=1)
def weak_hmac_key(ctx: ProbeContext) -> Iterator[Finding]:
    """Try a small list of common keys against the issued token's signature (offline); when one
    signed it, call the protected endpoint with a token signed with that key."""
    bearer = ctx.require_bearer(api=False)
    alg = str(bearer.header.get("alg", "")).upper()
    if alg not in _HMAC:
        raise Skip(f"the issued token is signed with {alg or 'no algorithm'}, not an HMAC key")
    key = guess_key(bearer.token)
    where = f"POST {_url_path(bearer.exchange.path)}"
    ctx.check(
        where,
        "token signature",
        (f"{len(WEAK_KEYS)} common keys, offline",),
        [],
        found=key is not None,
        reason="a common key signed it" if key else "none of the common keys signed it",
    )
    if key is None:
        return
    ctx.jwt_bypass = ("guessed HMAC key", sign_with(key))
    accepted = ""
    if bearer.api:
        claims = {**bearer.claims, "secpat": "signed with the guessed key"}
        ex = ctx.client.request(
            "GET",
            bearer.api,
            note="token signed with the guessed key",
            headers=_auth(sign_with(key)(bearer.header, claims)),
        )
        accepted = (
            f"; GET {_url_path(bearer.api)} accepted a token the probe signed with it ({ex.outcome})"
            if _ok(ex)
            else f"; GET {_url_path(bearer.api)} answered {ex.outcome} to a token signed with it"
        )
    yield _finding(
        JWT105,
        bearer.exchange,
        f"the {alg} token issued by {where} is signed with a common key "
        f"(`{_masked(key)}`, {len(key)} characters, from secpat's list of {len(WEAK_KEYS)}){accepted}",
        snippet=bearer.exchange.summary(),
        context=alg,
        extra={"alg": alg, "key": _masked(key)},
    )


BURST = 12  # requests RATE102 sends to each reset or registration endpoint


def _account_request(ctx: ProbeContext, endpoint: Endpoint, kind: str) -> Callable[[Mapping[str, str]], Request]:
    """The endpoint's request, as its form would send it: the test account's address for a reset,
    one made-up address (at the reserved .invalid domain) and a random password for a registration."""
    form = form_submission(ctx, endpoint) if endpoint.page or endpoint.source.startswith("form") else None
    values = (
        dict(form.values) if form else {f.name: f.value if f.value is not None else _sample(f) for f in endpoint.fields}
    )
    address = (
        ctx.options.username
        if kind == "reset" and ctx.options.username
        else f"secpat-probe-{secrets.token_hex(4)}@example.invalid"
    )
    password = secrets.token_urlsafe(18)
    for name in values:
        if USERNAME_FIELD.match(name) or "mail" in name.lower():
            values[name] = address
        elif PASSWORD_FIELD.match(name) or "password" in name.lower():
            values[name] = password
    action = form.action if form else endpoint.path
    cookies = (form.cookies if form else ctx.session_cookies()) or None
    json_body = endpoint.body == "json"

    def build(headers: Mapping[str, str]) -> Request:
        note = "reset request" if kind == "reset" else "registration"
        if json_body:
            return Request("POST", action, note=note, json=values, cookies=cookies, headers=headers or None)
        return Request("POST", action, note=note, data=values, cookies=cookies, headers=headers or None)

    return build


def _reached(ex: Exchange) -> bool:
    """The answer of a handler that read the request (not a CSRF, method or validation refusal)."""
    return ex.status is not None and (200 <= ex.status < 400 or ex.status in (400, 404, 409))


@probe(RATE102, max_requests=2 * (BURST + 1) + 2, max_seconds=60.0)
def account_endpoint_bursts(ctx: ProbeContext) -> Iterator[Finding]:
    """Send a burst of reset requests (for the test account) and of registrations (one made-up address)."""
    targets = [
        (kind, e)
        for kind, e in (("reset", ctx.endpoints.reset), ("registration", ctx.endpoints.register))
        if e is not None
    ]
    if not targets:
        raise Skip("no password-reset or registration endpoint found")
    for kind, endpoint in targets:
        build = _account_request(ctx, endpoint, "reset" if kind == "reset" else "register")
        sent: list[Exchange] = []
        stop = None
        for _ in range(BURST):
            ex = ctx.client.send(build({}))
            sent.append(ex)
            stop = throttled(ex)
            if stop or not ex.usable:
                break
        path = _url_path(endpoint.path)
        where, burst = f"POST {path}", f"{len(sent)} {kind} requests"
        if stop or slowed_down(sent):
            ctx.throttled[where] = build
            ctx.observe(f"{path} throttled after {len(sent)} requests ({stop or 'answers slowed down'})")
            ctx.check(where, kind, (burst,), [], found=False, reason=f"throttled ({stop or 'answers slowed down'})")
            continue
        odd = next((ex for ex in sent if not _reached(ex)), None)
        if odd is not None:
            ctx.check(
                where,
                kind,
                (burst,),
                [odd],
                found=False,
                verdict=None if not odd.usable else NO_VERDICT,
                reason=f"an answer did not come from the handler ({odd.outcome})",
            )
            continue
        statuses = ", ".join(sorted({ex.outcome for ex in sent}))
        ctx.check(where, kind, (burst,), [], found=True, reason=f"no throttling ({statuses})")
        yield _finding(
            RATE102,
            sent[-1],
            f"{where} took {len(sent)} {kind} requests in "
            f"{sum(ex.elapsed for ex in sent):.2f}s without a 429, Retry-After or slowdown ({statuses})",
            snippet=f"{where} ({kind}) x{len(sent)} -> {statuses}",
            context=path,
            extra={"requests": str(len(sent)), "responses": statuses},
        )


FORWARDED = ("X-Forwarded-For", "X-Real-IP", "X-Client-IP")


def _burst_until_throttled(ctx: ProbeContext) -> None:
    """When RATE101 and RATE102 did not run: find a limit with bursts of their own kind."""
    builds: list[tuple[str, Callable[[Mapping[str, str]], Request]]] = []
    for kind, endpoint in (("reset", ctx.endpoints.reset), ("register", ctx.endpoints.register)):
        if endpoint is not None:
            builds.append((f"POST {_url_path(endpoint.path)}", _account_request(ctx, endpoint, kind)))
    if ctx.login_state is not None:
        state = ctx.login_state
        username = ctx.options.username or PROBE_USERNAME
        builds.append(
            (
                f"POST {_url_path(state.login.endpoint.path)}",
                lambda headers: state.request(
                    username,
                    "secpat-wrong-password",
                    "wrong password",
                    headers=headers,
                    json_body=state.login.endpoint.body != "form",
                ),
            )
        )
    for where, build in builds:
        for _ in range(BURST):
            ex = ctx.client.send(build({}))
            if throttled(ex):
                ctx.throttled[where] = build
                break
            if not ex.usable:
                break


@probe(RATE103, max_requests=3 * BURST + 8, max_seconds=60.0)
def forwarded_for_resets_limits(ctx: ProbeContext) -> Iterator[Finding]:
    """For each endpoint a burst throttled: ask once more as is (still throttled?), then with a new
    made-up client address in the forwarding headers."""
    if not ctx.throttled and not {RATE102.id, "RATE101"} & set(ctx.findings):
        _burst_until_throttled(ctx)
    if not ctx.throttled:
        raise Skip("no burst was throttled, so there is no limit to try to reset")
    for number, (where, build) in enumerate(list(ctx.throttled.items())[:4], start=10):
        control = ctx.client.send(build({}))
        if not throttled(control):
            ctx.check(
                where,
                "X-Forwarded-For",
                ("(no header)",),
                [control],
                found=False,
                verdict=NO_VERDICT,
                reason=f"no longer throttled without the header ({control.outcome}): nothing to compare",
            )
            continue
        address = f"203.0.113.{number}"
        forged = ctx.client.send(build({name: address for name in FORWARDED}))
        flaw = forged.usable and not throttled(forged) and not refusal(forged) and (forged.status or 0) < 500
        ctx.check(
            where,
            "X-Forwarded-For",
            ("(no header)", address),
            [control, forged],
            found=flaw,
            verdict=FOUND if flaw else CLEAN if forged.usable else NO_VERDICT,
            reason=f"throttled without it ({control.outcome}), {'accepted' if flaw else 'answered'} with it "
            f"({forged.outcome})",
        )
        if flaw:
            # From loopback the probe may be talking to a server that trusts forwarding headers from
            # its own machine (uvicorn does by default): the app's limiter cannot be blamed for sure.
            note = (
                ""
                if not ctx.target.loopback
                else (
                    "; the probe connects from loopback, which some servers trust as a proxy (uvicorn's default "
                    "--forwarded-allow-ips): with --no-proxy-headers, or from another machine, it tells the two apart"
                )
            )
            yield _finding(
                RATE103,
                forged,
                f"{where} was throttled ({throttled(control)}), and answered again "
                f"({forged.outcome}) once `X-Forwarded-For: {address}` was sent: the limit trusts a header "
                f"the client writes{note}",
                snippet=f"{control.summary()}; {forged.summary()}",
                context=where,
                confidence=Confidence.MEDIUM if ctx.target.loopback else None,
                extra={"headers": ", ".join(FORWARDED), "address": address},
            )
