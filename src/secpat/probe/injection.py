"""Blind SQL injection: boolean conditions (SQL102) and delays (SQL103) written into inputs.

Both run after SQL101 and skip the inputs it (or SQL102) already proved: one proof per input.
Every payload keeps the plain value readable by the query it lands in (`'||(...)||'` in a
string, `+(...)` in a number), so a true condition asks the same question as the plain value.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from collections.abc import Iterator
from urllib.parse import quote, quote_plus

from secpat.findings import Finding
from secpat.probe.checks import Input, ProbeContext, Skip, _finding, carrier_inputs, inputs, probe, refusal, throttled
from secpat.probe.client import NO_VERDICT, Exchange
from secpat.rules.runtime import SQL102, SQL103

_FALSE_TAIL = "secpatqz"  # what a false condition appends: a value nothing matches

# (true, false) pairs, each pair asked twice with different conditions.
_STRING_PAIRS = (
    (
        "{v}'||(CASE WHEN 1=1 THEN '' ELSE '" + _FALSE_TAIL + "' END)||'",
        "{v}'||(CASE WHEN 1=2 THEN '' ELSE '" + _FALSE_TAIL + "' END)||'",
        "{v}'||(CASE WHEN 2>1 THEN '' ELSE '" + _FALSE_TAIL + "' END)||'",
        "{v}'||(CASE WHEN 2<1 THEN '' ELSE '" + _FALSE_TAIL + "' END)||'",
    ),
    ("{v}' AND '1'='1", "{v}' AND '1'='2", "{v}' AND 'b'='b", "{v}' AND 'b'='c"),
)
_NUMERIC_PAIRS = (
    ("{v} AND 1=1", "{v} AND 1=2", "{v} AND 2>1", "{v} AND 2<1"),
    (
        "{v}+(CASE WHEN 1=1 THEN 0 ELSE 1 END)",
        "{v}+(CASE WHEN 1=2 THEN 0 ELSE 1 END)",
        "{v}+(CASE WHEN 2>1 THEN 0 ELSE 1 END)",
        "{v}+(CASE WHEN 2<1 THEN 0 ELSE 1 END)",
    ),
)
_TOKEN = re.compile(r"[A-Za-z0-9_\-.=+/]{24,}")  # CSRF tokens, session ids, nonces: differ on every answer


def _normalised(ex: Exchange, values: tuple[str, ...]) -> list[str]:
    """The body's lines with the values sent (in any encoding) and long random tokens taken out."""
    body = ex.body
    forms = {
        form
        for v in values
        if v
        for form in (v, html.escape(v), html.escape(v, quote=False), quote(v), quote_plus(v), json.dumps(v)[1:-1])
    }
    for form in sorted(forms, key=len, reverse=True):
        body = body.replace(form, "")
    return _TOKEN.sub("T", body).splitlines()


def similar(a: Exchange, b: Exchange, values: tuple[str, ...] = ()) -> float:
    """1.0 for the same answer (status and body, echoes of the values aside); lower the more they differ."""
    if a.status != b.status:
        return 0.0
    if a.status is not None and 300 <= a.status < 400:
        return 1.0 if a.header("location") == b.header("location") else 0.0
    x, y = _normalised(a, values), _normalised(b, values)
    return 1.0 if x == y else difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()


SAME, DIFFERENT = 0.98, 0.9


def _throttled(ctx: ProbeContext, item: Input, answers: tuple[Exchange, ...] | list[Exchange]) -> bool:
    """A throttled answer never reached the query: it says nothing either way."""
    why = next((throttled(ex) for ex in answers if throttled(ex)), None)
    if why:
        ctx.check(
            item.where,
            item.name,
            (item.example,),
            [],
            counts=item.counts,
            found=False,
            verdict=NO_VERDICT,
            reason=f"throttled ({why}): the value never reached a query",
        )
    return bool(why)


def _baseline(ctx: ProbeContext, item: Input) -> tuple[str, bool, tuple[Exchange, Exchange]] | None:
    """The plain value to start from, whether it is a number, and its two (alike) answers; None,
    with the check recorded, when no plain value answers steadily.

    A text value that the app refuses (an error status: `id = secpat` breaks a numeric query, or
    fails validation) is followed by `1`, so a numeric parameter is judged on a value it accepts.
    """
    tries = [(item.example, item.numeric)]
    if not item.numeric and not item.example.lstrip("-").isdigit():
        tries.append(("1", True))
    fallback = None
    for example, numeric in tries:
        first, second = item.send("plain value", example), item.send("plain value, again", example)
        if _throttled(ctx, item, (first, second)):
            return None
        if not first.usable or not second.usable:
            ctx.check(item.where, item.name, (example,), [first, second], counts=item.counts, found=False)
            return None
        if refusal(first):
            ctx.check(
                item.where,
                item.name,
                (example,),
                [],
                counts=item.counts,
                found=False,
                verdict=NO_VERDICT,
                reason=refusal(first),
            )
            return None
        steady = similar(first, second, (example,)) >= SAME
        if steady and (first.status or 0) < 400:
            return example, numeric, (first, second)
        if steady and fallback is None:
            fallback = example, numeric, (first, second)
    if fallback is None:
        ctx.check(
            item.where,
            item.name,
            [t for t, _ in tries],
            [],
            counts=item.counts,
            found=False,
            verdict=NO_VERDICT,
            reason="the plain value's answer changes from one request to the next",
        )
    return fallback


def _candidates(ctx: ProbeContext, *, logins: bool) -> list[Input]:
    found = [i for i in inputs(ctx, logins=logins, limit=10) if i.key not in ctx.sql_proven][:6]
    # Then up to two JSON fields, cookies or headers.
    found += [i for i in carrier_inputs(ctx) if i.key not in ctx.sql_proven][:2]
    if not found:
        proven = bool(ctx.sql_proven)
        raise Skip(
            "every input found was already proven injectable by an earlier SQL probe"
            if proven
            else "no parameter or form field found: give --param PATH?NAME"
        )
    return found


@probe(SQL102, max_requests=80, max_seconds=60.0)
def boolean_conditions(ctx: ProbeContext) -> Iterator[Finding]:
    """Send a plain value twice, then true and false conditions after it; a true condition that
    answers like the plain value and a false one that does not, twice, is an injection."""
    for item in _candidates(ctx, logins=False):
        chosen = _baseline(ctx, item)
        if chosen is None:
            continue
        example, numeric, (first, _) = chosen
        values = (example,)
        sent: list[str] = [example]
        proof = None
        for true1, false1, true2, false2 in _NUMERIC_PAIRS if numeric else _STRING_PAIRS:
            pair = [t.format(v=example) for t in (true1, false1)]
            yes, no = item.send("true condition", pair[0]), item.send("false condition", pair[1])
            sent += pair
            if not (yes.usable and no.usable):
                continue
            if similar(yes, first, (*values, *pair)) >= SAME and similar(no, first, (*values, *pair)) < DIFFERENT:
                again = [t.format(v=example) for t in (true2, false2)]
                yes2, no2 = item.send("true condition, again", again[0]), item.send("false condition, again", again[1])
                sent += again
                if (
                    yes2.usable
                    and no2.usable
                    and similar(yes2, first, (*values, *again)) >= SAME
                    and similar(no2, first, (*values, *again)) < DIFFERENT
                ):
                    proof = (yes, no, yes2, no2)
                    break
        if proof is None:
            ctx.check(
                item.where,
                item.name,
                sent,
                [first],
                counts=item.counts,
                found=False,
                redirects=True,
                reason="true and false conditions answered alike, or unlike the plain value",
            )
            continue
        ctx.sql_proven.add(item.key)
        yes, no, _, _ = proof
        ctx.check(
            item.where,
            item.name,
            sent,
            [],
            counts=item.counts,
            found=True,
            reason=f"true answered like the plain value ({yes.outcome}), false did not ({no.outcome}), twice",
        )
        yield _finding(
            SQL102,
            no,
            f"{item.where}: a true SQL condition written into `{item.name}` answers like the "
            f"plain value and a false one does not ({first.outcome} / {no.outcome}), twice: the value is "
            "pasted into SQL text",
            snippet=f"{yes.summary()}; {no.summary()}",
            context=item.name,
            extra={"parameter": item.name, "plain": example or "(empty)", "true": sent[-4], "false": sent[-3]},
        )


# A delay of about two seconds, and the same expression without it, per database. SQLite has no
# sleep: a recursive count of three million rows takes about a second or two, using no memory;
# when it is noticeably slower but under twice the margin, one longer count (at most 30 million rows)
# follows, so that the confirming repeat does not fall under the margin.
_SQLITE_COUNT = (
    "(SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT {n}) SELECT x FROM c))"
)
SQLITE_ROWS, MAX_SQLITE_ROWS = 3_000_000, 30_000_000
_DELAYS = (
    ("SQLite", _SQLITE_COUNT.format(n=SQLITE_ROWS), _SQLITE_COUNT.format(n=1)),
    ("PostgreSQL", "(SELECT 0 FROM pg_sleep(2))", "(SELECT 0 FROM pg_sleep(0))"),
    ("MySQL", "(SELECT SLEEP(2))", "(SELECT SLEEP(0))"),
)
DELAY_MARGIN = 1.0  # seconds a delayed answer must take beyond the slowest plain one
NOTICEABLE = 0.2  # seconds of extra time that make the SQLite count worth making longer


def _delayed(example: str, numeric: bool, expression: str) -> str:
    return f"{example}+{expression}*0" if numeric else f"{example}'||{expression}||'"


@probe(SQL103, max_requests=50, max_seconds=90.0)
def delays(ctx: ProbeContext) -> Iterator[Finding]:
    """Time the plain value, then the value with a database delay; a slow answer is confirmed by
    a fast control without the delay and by the delay once more."""
    for item in _candidates(ctx, logins=True):
        chosen = _baseline(ctx, item)
        if chosen is None:
            continue
        example, numeric, plain = chosen
        slowest = max(ex.elapsed for ex in plain)
        threshold = slowest + DELAY_MARGIN
        sent = [example]
        proof = None
        for database, delay, control in _DELAYS:
            value = _delayed(example, numeric, delay)
            slow = item.send(f"{database} delay", value)
            sent.append(value)
            gain = slow.elapsed - slowest
            if database == "SQLite" and NOTICEABLE <= gain < 2 * DELAY_MARGIN:
                # Counting is work, not sleep: a fast machine finishes early, and a count just over the
                # margin may fall under it when repeated. Count more, once, for about twice the margin.
                rows = min(MAX_SQLITE_ROWS, int(SQLITE_ROWS * 2 * DELAY_MARGIN / gain))
                value = _delayed(example, numeric, _SQLITE_COUNT.format(n=rows))
                slow = item.send(f"{database} delay, longer", value)
                sent.append(value)
            if slow.elapsed < threshold:
                continue
            quick = item.send(f"{database} control, no delay", _delayed(example, numeric, control))
            again = item.send(f"{database} delay, again", value)
            sent += ["(control)", "(again)"]
            if quick.usable and quick.elapsed < threshold and again.elapsed >= threshold:
                proof = (database, slow, quick, again)
                break
        if proof is None:
            ctx.check(
                item.where,
                item.name,
                sent,
                plain,
                counts=item.counts,
                found=False,
                redirects=True,
                reason=f"no delayed answer (the plain value took {slowest:.2f}s)",
            )
            continue
        database, slow, quick, again = proof
        ctx.sql_proven.add(item.key)
        ctx.check(
            item.where,
            item.name,
            sent,
            [],
            counts=item.counts,
            found=True,
            reason=f"{database} delay: {slow.elapsed:.2f}s and {again.elapsed:.2f}s, control "
            f"{quick.elapsed:.2f}s, plain {slowest:.2f}s",
        )
        yield _finding(
            SQL103,
            slow,
            f"{item.where}: a {database} delay written into `{item.name}` delayed the answer "
            f"({slow.elapsed:.1f}s and {again.elapsed:.1f}s; without the delay {quick.elapsed:.1f}s, the "
            f"plain value {slowest:.1f}s): the value is pasted into SQL text",
            snippet=f"{slow.summary()}; {quick.summary()}",
            context=item.name,
            extra={
                "parameter": item.name,
                "database": database,
                "delayed": f"{slow.elapsed:.2f}s",
                "control": f"{quick.elapsed:.2f}s",
            },
        )
