"""The test account's session: fixed across login (CONF109), alive after logout (CONF110), guessable
(RND101), and login or reset answers that tell accounts apart (RATE104).

Every session check logs in afresh and never touches the run's own session, which later probes use.
Whether a session is alive is asked of one page that needs a login: it answers 2xx with a live
session and sends anyone else to the login (or refuses them).
"""

from __future__ import annotations

import math
import re
import secrets
import statistics
from collections.abc import Iterator

from secpat.findings import Confidence, Finding
from secpat.probe.accounts import _account_request
from secpat.probe.checks import (
    LoginState,
    ProbeContext,
    Skip,
    _finding,
    _ok,
    _url_path,
    is_session_cookie,
    login_succeeded,
    parse_forms,
    parse_set_cookie,
    probe,
    refusal,
    set_cookies,
    throttled,
)
from secpat.probe.client import NO_VERDICT, Exchange, Request
from secpat.probe.discovery import CSRF_FIELD, Endpoint
from secpat.probe.injection import similar
from secpat.rules.runtime import CONF109, CONF110, RATE104, RND101

_PASSWORD_INPUT = re.compile(r"<input[^>]+type=[\"']?password", re.I)


def session_cookie_names(ctx: ProbeContext) -> list[str]:
    """The cookies the test account's login set that carry the session (CSRF cookies aside)."""
    session = ctx.require_session()
    names = []
    for header in session.exchange.header_all("set-cookie"):
        cookie = parse_set_cookie(header)
        if cookie is not None and not cookie.deleted and not CSRF_FIELD.search(cookie.name):
            names.append(cookie.name)
    names.sort(key=lambda name: not is_session_cookie(name))
    if not names:
        raise Skip("the login set no session cookie of its own")
    return names


def alive(ctx: ProbeContext, page: str, cookies: dict[str, str], note: str) -> tuple[bool | None, Exchange]:
    """Whether `cookies` open `page`: True (2xx, no login form), False (sent to the login, or
    refused), None (any other answer: nothing to judge)."""
    ex = ctx.client.request("GET", page, note=note, cookies=cookies or None, headers={"Accept": "text/html"})
    if not ex.usable:
        return None, ex
    if _ok(ex):
        return not _PASSWORD_INPUT.search(ex.body), ex
    if ex.redirect:
        location = (ex.header("location") or "").lower()
        return (False if re.search(r"log-?in|sign-?in|auth", location) else None), ex
    return (False if ex.status in (401, 403) else None), ex


def login_required_page(ctx: ProbeContext) -> str:
    """A page that opens with the test account's session and not without it; found once per run."""
    if ctx.login_page_probe is not None:
        if not ctx.login_page_probe:
            raise Skip("no page that needs a login was found to tell a live session from a dead one")
        return ctx.login_page_probe[0]
    session = ctx.require_session()
    login = ctx.login_state.login.endpoint if ctx.login_state else None
    skip = {ctx.path("/"), *((login.path, login.page) if login else ())}
    candidates = [
        page
        for page in dict.fromkeys(
            [*ctx.endpoints.behind_login, *(e.page for e in ctx.endpoints.forms if e.page), *ctx.endpoints.pages]
        )
        if page and page not in skip
    ][:4]
    for page in candidates:
        with_session, _ = alive(ctx, page, session.cookies, "session check (test account)")
        if not with_session:
            continue
        anonymous = page in ctx.endpoints.behind_login or alive(ctx, page, {}, "session check (no cookie)")[0] is False
        if anonymous:
            ctx.login_page_probe = (page,)
            return page
    ctx.login_page_probe = ()
    raise Skip(
        "no page that needs a login was found to tell a live session from a dead one "
        "(pages that send an anonymous visitor to the login are used)"
    )


def fresh_login(ctx: ProbeContext, note: str, cookies: dict[str, str] | None = None) -> tuple[Exchange, dict]:
    """Log the test account in again; the session cookies the answer set ({} when it failed)."""
    state = ctx.login_state
    if state is None or not ctx.options.has_account:
        raise Skip(ctx.session_reason or "no login")
    login = LoginState(state.login, state.hidden, {**state.cookies, **(cookies or {})})
    ex = ctx.client.send(login.request(ctx.options.username or "", ctx.options.password, note))
    if not login_succeeded(ex):
        return ex, {}
    return ex, {**state.cookies, **set_cookies(ex)}


def _remember_id(ctx: ProbeContext, name: str, value: str | None = None) -> None:
    """Keep the id a login issued (the same id twice is evidence too); the run's own session's first."""
    if not ctx.session_ids:
        ctx.session_ids.append(ctx.require_session().cookies.get(name, ""))
    if value:
        ctx.session_ids.append(value)


@probe(CONF109, max_requests=4)
def session_fixation(ctx: ProbeContext) -> Iterator[Finding]:
    """Log in holding a session id chosen before login (the login page's, or a made-up one); a
    login that keeps it, and the old id then opening a page that needs a login, is fixation."""
    names = session_cookie_names(ctx)
    _remember_id(ctx, names[0])
    page = login_required_page(ctx)
    state = ctx.login_state
    name = names[0]
    given = (state.cookies.get(name) if state else None) or f"secpat{secrets.token_hex(16)}"
    how = "the id the login page set" if state and state.cookies.get(name) == given else "a made-up id"
    where = f"POST {_url_path(state.login.endpoint.path if state else '')}"
    ex, cookies = fresh_login(ctx, f"test account, holding {how}", {name: given})
    if not cookies:
        ctx.check(
            where,
            f"cookie {name}",
            (how,),
            [ex],
            found=False,
            verdict=NO_VERDICT if ex.usable else None,
            reason=f"the login failed ({ex.outcome})",
        )
        return
    issued = set_cookies(ex).get(name)
    if issued and issued != given:
        _remember_id(ctx, name, issued)
        ctx.check(
            where, f"cookie {name}", (how,), [ex], found=False, redirects=True, reason="the login issued a new id"
        )
        return
    kept, check = alive(ctx, page, {**cookies, name: given}, f"session check ({how}, after login)")
    ctx.check(
        where,
        f"cookie {name}",
        (how, f"GET {page}"),
        [check],
        found=bool(kept),
        redirects=True,
        reason=f"{how} opens {page} after login ({check.outcome})"
        if kept
        else f"no new id, but {how} does not open {page} ({check.outcome})",
    )
    if kept:
        yield _finding(
            CONF109,
            ex,
            f"{where} kept {how} (`{name}`) as the logged-in session: the login set "
            f"{'the same id again' if issued else 'no new id'}, and the id sent before login then opened "
            f"{page} ({check.outcome})",
            snippet=f"{ex.summary()}; {check.summary()}",
            context=name,
            extra={"cookie": name, "id before login": how},
        )


def _logout_request(ctx: ProbeContext, endpoint: Endpoint, cookies: dict[str, str]) -> Request:
    """The logout as the page's form (or link) sends it, with the fresh session and the page's hidden fields."""
    if endpoint.method == "GET":
        return Request("GET", endpoint.path, note="logout", cookies=cookies)
    values: dict[str, str] = {}
    page = endpoint.page
    if page:
        ex = ctx.client.request("GET", page, note="logout form page", cookies=cookies, headers={"Accept": "text/html"})
        if _ok(ex) and ex.is_html:
            cookies = {**cookies, **set_cookies(ex)}
            form = next(
                (f for f in parse_forms(ex.body, page) if f.method == "POST" and f.action == endpoint.path), None
            )
            if form is not None:
                values = {f.name: f.value or "" for f in form.fields}
    return Request("POST", endpoint.path, note="logout", data=values, cookies=cookies)


@probe(CONF110, max_requests=6)
def session_after_logout(ctx: ProbeContext) -> Iterator[Finding]:
    """Log in afresh, check the session opens a page that needs a login, log out with it, ask again."""
    names = session_cookie_names(ctx)
    page = login_required_page(ctx)
    endpoint = ctx.endpoints.logout
    if endpoint is None:
        raise Skip("no logout form or link found")
    ex, cookies = fresh_login(ctx, "test account, a session to log out")
    if not cookies:
        raise Skip(f"the test account could not log in again ({ex.outcome})")
    _remember_id(ctx, names[0], set_cookies(ex).get(names[0]))
    where = f"{endpoint.method} {_url_path(endpoint.path)}"
    before, first = alive(ctx, page, cookies, "session check, before logout")
    if not before:
        ctx.check(
            where,
            f"cookie {names[0]}",
            ("fresh session",),
            [first],
            found=False,
            verdict=NO_VERDICT,
            reason=f"the fresh session does not open {page} ({first.outcome})",
        )
        return
    out = ctx.client.send(_logout_request(ctx, endpoint, cookies))
    if not out.usable or refusal(out) or (out.status or 0) >= 400:
        ctx.check(
            where,
            f"cookie {names[0]}",
            ("logout",),
            [out],
            found=False,
            verdict=None if not out.usable else NO_VERDICT,
            reason=f"the logout was not accepted ({out.outcome})",
        )
        return
    after, again = alive(ctx, page, cookies, "session check, after logout (old cookie)")
    ctx.check(
        where,
        f"cookie {names[0]}",
        ("logout", f"GET {page} with the old cookie"),
        [again],
        found=bool(after),
        redirects=True,
        reason=f"the old cookie still opens {page} ({again.outcome})"
        if after
        else f"the old cookie no longer opens {page} ({again.outcome})",
    )
    if after:
        yield _finding(
            CONF110,
            again,
            f"after {where} ({out.outcome}), the session cookie `{names[0]}` of that "
            f"session still opened {page} ({again.outcome}): logout does not end the session on the "
            "server",
            snippet=f"{out.summary()}; {again.summary()}",
            context=names[0],
            extra={"cookie": names[0], "logout": f"{where} -> {out.outcome}"},
        )


# -- RND101: what a handful of session ids says ------------------------------------------------

SAMPLES = 5  # session ids compared
MIN_BITS = 64  # the randomness an id's varying part must hold at least
_ALPHABETS = (
    ("0123456789", 10),
    ("0123456789abcdef", 16),
    ("0123456789ABCDEF", 16),
    ("0123456789abcdefghijklmnopqrstuvwxyz", 36),
    ("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 36),
)


def _alphabet_size(chars: set[str]) -> int:
    for alphabet, size in _ALPHABETS:
        if chars <= set(alphabet):
            return size
    return 64 if all(c.isalnum() or c in "-_+/=." for c in chars) else 95


def _varying(ids: list[str]) -> list[str]:
    """The ids without the prefix and suffix they all share."""
    prefix = len(_common_prefix(ids))
    rest = [i[prefix:] for i in ids]
    suffix = len(_common_prefix([i[::-1] for i in rest]))
    return [i[: len(i) - suffix] if suffix else i for i in rest]


def _common_prefix(values: list[str]) -> str:
    first, last = min(values), max(values)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def weak_ids(ids: list[str]) -> str | None:
    """Why a handful of session ids are guessable, or None: one value twice, numbers that count
    up, or a varying part with fewer than MIN_BITS bits (its length times its alphabet's bits)."""
    if len(set(ids)) < len(ids):
        return "the same id was issued to two logins"
    parts = _varying(ids)
    numbers = [int(p) for p in parts if p.isdigit()] if all(p.isdigit() for p in parts) else []
    if len(numbers) == len(parts) and all(0 < b - a <= 1000 for a, b in zip(numbers, numbers[1:])):
        return f"the ids count up ({', '.join(parts[:3])}, …)"
    chars = set("".join(parts))
    bits = min(len(p) for p in parts) * math.log2(_alphabet_size(chars)) if chars else 0.0
    if bits < MIN_BITS:
        return (
            f"only {min(len(p) for p in parts)} characters differ from one id to the next (about "
            f"{bits:.0f} bits, under {MIN_BITS})"
        )
    return None


_SIGNED_PAYLOAD = re.compile(r"^\.?[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


def signed_payload(value: str) -> bool:
    """A signed client-side session (Flask's itsdangerous cookie, a JWT): JSON, base64-encoded,
    then a signature. The same claims signed in the same second give the same value, and none of
    it is guessable without the key: it is not a random id to judge."""
    return bool(_SIGNED_PAYLOAD.match(value.strip('"')))


@probe(RND101, max_requests=SAMPLES)
def guessable_session_ids(ctx: ProbeContext) -> Iterator[Finding]:
    """Compare the session ids of a handful of logins (the earlier session probes' included)."""
    names = session_cookie_names(ctx)
    name = names[0]
    if signed_payload(ctx.require_session().cookies.get(name, "")):
        raise Skip(
            f"the session cookie `{name}` is a signed payload, not a random id: its strength is the signing key's"
        )
    _remember_id(ctx, name)
    last = ctx.require_session().exchange
    while len(ctx.session_ids) < SAMPLES:
        ex, cookies = fresh_login(ctx, "test account, one more session id")
        issued = set_cookies(ex).get(name) if cookies else None
        if not issued:
            break
        last = ex
        _remember_id(ctx, name, issued)
    ids = ctx.session_ids[:SAMPLES]
    where = f"POST {_url_path(last.path)}"
    if len(ids) < 3:
        ctx.check(
            where,
            f"cookie {name}",
            (f"{len(ids)} logins",),
            [last],
            found=False,
            verdict=NO_VERDICT,
            reason=f"only {len(ids)} session ids were issued (3 are needed)",
        )
        return
    why = weak_ids(ids)
    ctx.check(
        where,
        f"cookie {name}",
        (f"{len(ids)} logins",),
        [],
        found=why is not None,
        reason=why or f"{len(ids)} ids, {min(len(p) for p in _varying(ids))} varying characters each",
    )
    if why:
        shown = ", ".join(f"{i[:4]}…" if len(i) > 12 else i[:2] + "…" for i in ids[:3])
        yield _finding(
            RND101,
            last,
            f"the session cookie `{name}` of {len(ids)} logins of the test account is guessable: {why}",
            snippet=f"{where} x{len(ids)} ({shown})",
            context=name,
            extra={"cookie": name, "ids compared": str(len(ids)), "why": why},
        )


# -- RATE104: accounts told apart -------------------------------------------------------------------

TIMING_SAMPLES = 3  # wrong-password logins per account for the timing comparison
SLOWER = 0.05  # seconds the faster side's slowest answer must stay under the slower side's fastest


def _unknown_address() -> str:
    return f"secpat-nobody-{secrets.token_hex(4)}@example.invalid"


def _compare(
    ctx: ProbeContext,
    where: str,
    input_: str,
    known: list[Exchange],
    unknown: list[Exchange],
    addresses: tuple[str, str],
    timing: bool,
) -> str | None:
    """Record the check; why the answers tell the accounts apart, or None."""
    answers = [*known, *unknown]
    if any(throttled(ex) for ex in answers) or not all(ex.usable for ex in answers):
        ctx.check(where, input_, addresses, answers, found=False)
        return None
    if any(refusal(ex) and ex.status != 401 for ex in answers):
        odd = next(ex for ex in answers if refusal(ex) and ex.status != 401)
        ctx.check(where, input_, addresses, [], found=False, verdict=NO_VERDICT, reason=refusal(odd))
        return None
    why = None
    a, b = known[0], unknown[0]
    if a.status != b.status:
        why = f"status {a.outcome} for the test account, {b.outcome} for an unknown address"
    elif (
        similar(a, b, addresses) < 0.98
        and similar(a, known[-1], addresses) >= 0.98
        and similar(b, unknown[-1], addresses) >= 0.98
    ):
        why = "the text of the answers differs (the addresses taken out)"
    elif timing and len(known) >= TIMING_SAMPLES:
        slow_known = min(ex.elapsed for ex in known) - max(ex.elapsed for ex in unknown)
        slow_unknown = min(ex.elapsed for ex in unknown) - max(ex.elapsed for ex in known)
        gap = max(slow_known, slow_unknown)
        ratio = statistics.median(ex.elapsed for ex in known) / max(
            statistics.median(e.elapsed for e in unknown), 0.001
        )
        if gap >= SLOWER and (ratio >= 2 or ratio <= 0.5):
            side = "the test account" if slow_known > 0 else "an unknown address"
            why = (
                f"answers for {side} are slower (medians {statistics.median(e.elapsed for e in known):.2f}s "
                f"and {statistics.median(e.elapsed for e in unknown):.2f}s, every one apart)"
            )
    same = "the same answer for both" + (", in about the same time" if timing else "")
    ctx.check(where, input_, addresses, [], found=why is not None, redirects=True, reason=why or same)
    return why


@probe(RATE104, max_requests=2 * TIMING_SAMPLES + 4)
def account_enumeration(ctx: ProbeContext) -> Iterator[Finding]:
    """Ask the login (a wrong password) and the reset for the test account and for an unknown
    address; compare status, text and time."""
    username = ctx.options.username
    if not username:
        raise Skip("no test account: give --username (an account that exists) to compare with an unknown one")
    unknown = _unknown_address() if "@" in username else f"secpat-nobody-{secrets.token_hex(4)}"
    addresses = (username, unknown)
    state = ctx.login_state
    if state is None and ctx.endpoints.reset is None:
        raise Skip("no login or password-reset endpoint found")
    if state is not None:
        known_answers: list[Exchange] = []
        unknown_answers: list[Exchange] = []
        # Interleaved, so a server slowing down over time weighs on both sides alike.
        for n in range(TIMING_SAMPLES):
            password = f"secpat-wrong-password-{n}"
            known = ctx.client.send(state.request(username, password, "wrong password, test account"))
            other = ctx.client.send(state.request(unknown, password, "wrong password, unknown address"))
            known_answers.append(known)
            unknown_answers.append(other)
            if any(throttled(ex) or not ex.usable for ex in (known, other)):
                break
        where = f"POST {_url_path(state.login.endpoint.path)}"
        why = _compare(ctx, where, state.login.username_field, known_answers, unknown_answers, addresses, timing=True)
        if why:
            yield _finding(
                RATE104,
                unknown_answers[0],
                f"{where} tells an existing account from an unknown one: {why}",
                snippet=f"{known_answers[0].summary()}; {unknown_answers[0].summary()}",
                context="login",
                confidence=Confidence.MEDIUM if "slower" in why else None,
                extra={"known": known_answers[0].outcome, "unknown": unknown_answers[0].outcome},
            )
    reset = ctx.endpoints.reset
    if reset is not None:
        build = _account_request(ctx, reset, "reset")
        answers = []
        for who in addresses:
            request = build({})
            values = {k: (who if v == username else v) for k, v in (request.data or request.json or {}).items()}
            answers.append(
                ctx.client.send(
                    Request(
                        "POST",
                        request.path,
                        note="reset request, " + ("test account" if who == username else "unknown address"),
                        cookies=request.cookies,
                        json=values if request.json is not None else None,
                        data=None if request.json is not None else values,
                    )
                )
            )
        where = f"POST {_url_path(reset.path)}"
        why = _compare(ctx, where, "reset address", [answers[0]], [answers[1]], addresses, timing=False)
        if why:
            yield _finding(
                RATE104,
                answers[1],
                f"{where} tells an existing account from an unknown one: {why}",
                snippet=f"{answers[0].summary()}; {answers[1].summary()}",
                context="reset",
                extra={"known": answers[0].outcome, "unknown": answers[1].outcome},
            )
