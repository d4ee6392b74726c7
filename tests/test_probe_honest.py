"""Honest probe results: a pattern passes only when a check for it reached a verdict; the report
says what each check sent and where; the judging cannot be fooled by a wrong password, a
numeric parameter or a page that echoes its own URL.

The apps are small Flask apps run in-process through httpx's WSGI transport.
"""

from __future__ import annotations

import html
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from flask import Flask, request

from secpat.cli.probe import render_probe
from secpat.probe import ProbeOptions, ProbeResult, TargetError, checks, run_probe
from secpat.probe.client import Exchange
from secpat.probe.target import parse_target, redacted

ROOT = Path(__file__).resolve().parent.parent
EMAIL, PASSWORD = "alice@example.com", "correct-horse-battery-staple"
HEADERS = {"Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff"}


def probe(app: Flask, **options) -> ProbeResult:
    transport = httpx.WSGITransport(app=app)
    try:
        return run_probe("http://127.0.0.1:8000", ProbeOptions(openapi="", **options), transport=transport)
    finally:
        transport.close()


def states(result: ProbeResult) -> dict[int, tuple[str, str]]:
    doc = json.loads(render_probe("json", result))
    return {row["pattern"]: (row["state"], row["reason"] or "") for row in doc["checklist"]}


def log(result: ProbeResult, name: str):
    return next(entry for entry in result.probes if entry.name == name)


def home_only() -> Flask:
    """A site with one page and nothing else: no form, no parameter, no login."""
    app = Flask(__name__)

    @app.get("/")
    def home():
        return "<!doctype html><h1>Hello</h1>", 200, HEADERS

    return app


def test_nothing_to_test_is_not_checked_with_the_reason() -> None:
    result = probe(home_only(), username=EMAIL, password=PASSWORD)
    rows = states(result)
    assert rows[10][0] == "passed"  # the missing page and the page's headers were judged
    for pattern in (3, 4, 5, 6, 7, 8):
        assert rows[pattern][0] == "not checked", rows
    assert "SQL101: no parameter or login field found: give --param PATH?NAME" in rows[4][1]
    assert "XSS101: no parameter or form field found" in rows[5][1]
    assert "LOG101: no parameter, JSON body or login field found" in rows[8][1]
    assert "no login or token endpoint found" in rows[7][1]
    assert "RND101: no login endpoint found" in rows[1][1]  # pattern 1's runtime rule needs a login
    assert "no runtime check" in rows[2][1]
    assert result.patterns_checked == frozenset({9, 10})  # the secret-file requests were answered too
    # The marker in a missing page's path was still tried: a side check that cannot pass XSS alone.
    xss = log(result, "XSS101")
    assert [(c.input, c.verdict, c.counts) for c in xss.checks] == [("path", "clean", False)]
    text = render_probe("text", result)
    assert "[-]  4. SQL injection prevention" in text or "not checked (SQL101: no parameter" in text
    assert "not checked (SQL101: no parameter or login field found" in text


def items_app(*, bound: bool) -> Flask:
    """`/item?id=N` looks a row up by number: pasted into the SQL text, or bound."""
    app = Flask(__name__)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE items (id INTEGER, name TEXT)")
    db.execute("INSERT INTO items VALUES (1, 'pen')")

    @app.get("/item")
    def item():
        raw = request.args.get("id", "")
        try:
            if bound:
                row = db.execute("SELECT name FROM items WHERE id = ?", (raw,)).fetchone()
            else:
                row = db.execute(f"SELECT name FROM items WHERE id = {raw}").fetchone()
        except sqlite3.Error as exc:
            return {"error": f"sqlite3.OperationalError: {exc}"}, 500
        return f"<p>{html.escape(row[0]) if row else 'none'}</p>", 200, HEADERS

    return app


def test_numeric_parameter_is_tried_with_a_number_when_text_breaks_the_query() -> None:
    result = probe(items_app(bound=False), params=("/item?id",), rules=frozenset({"SQL101"}))
    assert [f.rule_id for f in result.findings] == ["SQL101"]
    assert "a quote in `id` produced a database error" in result.findings[0].message
    assert dict(result.findings[0].extra)["context"] == "numeric"
    check = log(result, "SQL101").checks[0]
    assert (check.endpoint, check.input, check.sent, check.verdict) == (
        "GET /item",
        "id",
        ("secpat", "secpat'", "1", "1'"),
        "found",
    )


def test_numeric_parameter_bound_passes() -> None:
    result = probe(items_app(bound=True), params=("/item?id",), rules=frozenset({"SQL101"}))
    assert result.findings == []
    assert states(result)[4] == ("passed", "")
    assert log(result, "SQL101").checks[0].verdict == "clean"


def login_app(*, throttle: bool) -> Flask:
    """A login form; with `throttle`, a 429 after three failures."""
    app = Flask(__name__)
    failures = {"n": 0}

    @app.get("/login")
    def page():
        return (
            (
                '<!doctype html><form method="post" action="/login"><input name="email">'
                '<input type="password" name="password"></form>'
            ),
            200,
            HEADERS,
        )

    @app.post("/login")
    def login():
        if throttle and failures["n"] >= 3:
            return "too many attempts", 429, {"Retry-After": "60"}
        if request.form.get("email") == EMAIL and request.form.get("password") == PASSWORD:
            return "", 303, {"Location": "/", "Set-Cookie": "sid=abc; HttpOnly; SameSite=Lax"}
        failures["n"] += 1
        return "<p>Invalid e-mail or password</p>", 401, HEADERS

    return app


def test_a_wrong_test_password_is_not_read_as_a_lockout() -> None:
    result = probe(
        login_app(throttle=False),
        username=EMAIL,
        password="not-the-password",
        login="/login",
        rules=frozenset({"RATE101"}),
        attempts=5,
    )
    assert [f.rule_id for f in result.findings] == ["RATE101"]
    finding = result.findings[0]
    assert finding.confidence.name == "MEDIUM"
    assert "did not log in before the burst" in finding.message
    assert not any("lockout" in note for note in log(result, "RATE101").notes)
    # With the right password the same app is reported at full confidence.
    right = probe(
        login_app(throttle=False),
        username=EMAIL,
        password=PASSWORD,
        login="/login",
        rules=frozenset({"RATE101"}),
        attempts=5,
    )
    assert [f.confidence.name for f in right.findings] == ["HIGH"]


def test_throttling_is_still_seen_with_a_wrong_test_password() -> None:
    result = probe(
        login_app(throttle=True),
        username=EMAIL,
        password="not-the-password",
        login="/login",
        rules=frozenset({"RATE101"}),
        attempts=5,
    )
    assert result.findings == []
    assert log(result, "RATE101").checks[0].reason == "throttled (HTTP 429)"
    assert states(result)[7][0] == "passed"


def test_no_answer_is_not_throttling() -> None:
    timed_out = Exchange("RATE101", "wrong password", "POST", "/login", None, error="no answer within 5s")
    assert checks.throttled(timed_out) is None
    assert not checks.slowed_down([timed_out] * 12)


def echo_app() -> Flask:
    """Every page shows the URL it was asked for, escaped; nothing is a debugger."""
    app = Flask(__name__)

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def echo(path: str):
        return f"<!doctype html><p>You asked for {html.escape(request.full_path)}</p>", 200, HEADERS

    return app


def test_a_page_echoing_its_own_url_is_not_a_debug_page() -> None:
    result = probe(echo_app(), rules=frozenset({"CONF101"}))
    assert result.findings == []
    conf = log(result, "CONF101")
    resource = next(c for c in conf.checks if c.input == "Werkzeug debugger resource")
    assert resource.verdict == "clean"
    assert "__debugger__=yes" in resource.sent[0]


def test_an_unescaped_debugger_page_is_still_found() -> None:
    page = Exchange(
        "CONF101",
        "",
        "GET",
        "/?__debugger__=yes&cmd=resource&f=debugger.js",
        200,
        headers=(("content-type", "text/html"),),
        body="<html>The debugger caught an exception in your WSGI application</html>",
    )
    assert checks.debug_page(page) == "the Werkzeug debugger"
    echoed = Exchange(
        "CONF101",
        "",
        "GET",
        "/?__debugger__=yes&cmd=resource&f=debugger.js",
        200,
        headers=(("content-type", "text/html"),),
        body="<p>/?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js</p>",
    )
    assert checks.debug_page(echoed) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://alice:s3cret-pw@127.0.0.1:8000",
        "http://:s3cret-pw@127.0.0.1/x?y",
        "alice:s3cret-pw@127.0.0.1:8000",
        "ftp://bob:s3cret-pw@127.0.0.1",
    ],
)
def test_a_url_with_credentials_is_refused_without_echoing_them(url: str) -> None:
    with pytest.raises(TargetError) as error:
        parse_target(url)
    assert "s3cret-pw" not in str(error.value)
    assert "***@127.0.0.1" in str(error.value)
    assert redacted("http://127.0.0.1:8000/a") == "http://127.0.0.1:8000/a"


def test_cli_error_for_a_url_with_credentials_hides_the_password() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "secpat", "probe", "http://alice:s3cret-pw@127.0.0.1:9"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "s3cret-pw" not in done.stderr + done.stdout
    assert "credentials in the URL are not accepted" in done.stderr


def test_every_check_is_listed_with_what_was_sent_and_where() -> None:
    result = probe(items_app(bound=True), params=("/item?id",), rules=frozenset({"SQL101", "XSS101", "CONF101"}))
    doc = json.loads(render_probe("json", result))
    sql = next(p for p in doc["probe"]["probes"] if p["name"] == "SQL101")
    assert sql["checked"] is True and sql["not_checked"] is None
    # The bound query takes text without an error, so the numeric values are not needed.
    assert sql["checks"] == [
        {
            "endpoint": "GET /item",
            "input": "id",
            "sent": ["secpat", "secpat'"],
            "verdict": "clean",
            "reason": "no database error (200, 200)",
            "counts": True,
        }
    ]
    text = render_probe("text", result)
    assert "check GET /item id: secpat | secpat' -> clean (no database error (200, 200))" in text
    conf = next(p for p in doc["probe"]["probes"] if p["name"] == "CONF101")
    assert {c["endpoint"] for c in conf["checks"]} >= {"GET /secpat-probe-missing-page", "GET /item"}


def test_a_bad_size_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "secpat", "probe", "http://127.0.0.1:9", "--max-response-size", "3X"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "is not a size" in done.stderr and "Traceback" not in done.stderr
