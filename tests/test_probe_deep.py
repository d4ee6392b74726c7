"""The deeper probes' precision: each against a small Flask app with the flaw and a look-alike
without it (run in-process through httpx's WSGI transport). What the flawed apps of
test_probe_checks.py show is not repeated here; these are the cases that must not fool them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import sqlite3
import time

import httpx
from flask import Flask, request

from secpat.probe import ProbeOptions, ProbeResult, describe_run, run_probe
from secpat.probe.accounts import WEAK_KEYS, guess_key, sign_with
from secpat.probe.checks import QUOTE_VALUE, quote_breakout
from secpat.probe.client import Exchange
from secpat.probe.injection import similar

EMAIL, PASSWORD = "alice@example.com", "correct-horse-battery-staple"
HEADERS = {"Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff"}


def probe(app: Flask, rules: set[str], url: str = "http://127.0.0.1:8000", **options) -> ProbeResult:
    transport = httpx.WSGITransport(app=app)
    try:
        return run_probe(url, ProbeOptions(openapi="", rules=frozenset(rules), **options), transport=transport)
    finally:
        transport.close()


def found(result: ProbeResult) -> list[tuple[str, str]]:
    return sorted((f.rule_id, f.location.path) for f in result.findings)


def page(body: str) -> tuple[str, int, dict]:
    return f"<!doctype html><title>t</title>{body}", 200, HEADERS


# -- XSS101: contexts -------------------------------------------------------------------------------


def echo_app() -> Flask:
    """One GET form, four pages echoing `q`: markup escaped but quotes raw in an attribute, in a
    script, in page text (harmless), and fully escaped."""
    app = Flask(__name__)

    @app.get("/")
    def home():
        return page(
            '<form action="/attr"><input name="q"></form><form action="/script"><input name="q"></form>'
            '<form action="/text"><input name="q"></form><form action="/safe"><input name="q"></form>'
        )

    def no_brackets(value: str) -> str:
        return value.replace("<", "&lt;").replace(">", "&gt;")

    @app.get("/attr")
    def attr():
        return page(f'<input name="q" value="{no_brackets(request.args.get("q", ""))}">')

    @app.get("/script")
    def script():
        return page(f"<script>var q = '{no_brackets(request.args.get('q', ''))}';</script>")

    @app.get("/text")
    def text():
        return page(f"<p>You searched for {no_brackets(request.args.get('q', ''))}</p>")

    @app.get("/safe")
    def safe():
        return page(
            f'<input value="{html.escape(request.args.get("q", ""))}">'
            f"<script>var q = {json.dumps(html.escape(request.args.get('q', '')))};</script>"
        )

    return app


def test_xss_in_attribute_and_script_contexts_but_not_in_text() -> None:
    result = probe(echo_app(), {"XSS101"})
    assert found(result) == [("XSS101", "/attr"), ("XSS101", "/script")], describe_run(result)
    contexts = {f.location.path: dict(f.extra)["context"] for f in result.findings}
    assert contexts == {"/attr": "an attribute", "/script": "a script"}


def test_quote_breakout_reader() -> None:
    def ex(body: str) -> Exchange:
        return Exchange("t", "", "GET", "/", 200, headers=(("content-type", "text/html"),), body=body)

    assert quote_breakout(ex(f'<a title="{QUOTE_VALUE}">')) == "an attribute"
    assert quote_breakout(ex(f"<script>x = '{QUOTE_VALUE}'</script>")) == "a script"
    assert quote_breakout(ex(f"<p>{QUOTE_VALUE}</p><script>y</script>")) is None
    assert quote_breakout(ex(f'<a title="{html.escape(QUOTE_VALUE)}">')) is None


# -- SQL102 / SQL103: blind injection --------------------------------------------------------------


def items_app(*, flawed: bool, slow: bool = False) -> Flask:
    """Items by numeric id (errors hidden: 404), a subscribe form that always thanks (errors hidden);
    `slow` makes every answer take 0.3 s, injected or not."""
    app = Flask(__name__)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE items (id INTEGER, name TEXT)")
    db.execute("CREATE TABLE subscribers (email TEXT)")
    db.executemany("INSERT INTO items VALUES (?, ?)", [(1, "lamp"), (2, "desk")])

    @app.before_request
    def pace():
        if slow:
            time.sleep(0.3)

    @app.get("/")
    def home():
        return page(
            '<a href="/item?id=2">desk</a><form method="post" action="/subscribe">'
            '<input type="email" name="email"></form>'
        )

    @app.get("/item")
    def item():
        raw = request.args.get("id", "")
        try:
            if flawed:
                row = db.execute(f"SELECT name FROM items WHERE id = {raw}").fetchone()
            else:
                row = db.execute("SELECT name FROM items WHERE id = ?", (int(raw),)).fetchone()
        except (sqlite3.Error, ValueError):
            row = None
        return page(f"<h1>{html.escape(row[0])}</h1>") if row else ("<!doctype html>no such item", 404, HEADERS)

    @app.post("/subscribe")
    def subscribe():
        email = request.form.get("email", "")
        try:
            if flawed:
                db.execute(f"INSERT INTO subscribers VALUES ('{email}')")
            else:
                db.execute("INSERT INTO subscribers VALUES (?)", (email,))
        except sqlite3.Error:
            pass
        return page("<p>Thank you</p>")

    return app


def test_boolean_injection_in_a_numeric_parameter_whose_errors_are_hidden() -> None:
    result = probe(items_app(flawed=True), {"SQL101", "SQL102"})
    assert ("SQL102", "/item") in found(result), describe_run(result)
    assert ("SQL101", "/item") not in found(result)  # no error ever shows: only the conditions prove it
    assert not probe(items_app(flawed=False), {"SQL101", "SQL102"}).findings


def test_the_numeric_fallback_when_the_link_gives_no_value() -> None:
    """`--param /item?id` without a value: `secpat` gives a 404, so the checks start from `1`."""
    result = probe(items_app(flawed=True), {"SQL102"}, params=("/item?id",), crawl_pages=0)
    assert found(result) == [("SQL102", "/item")], describe_run(result)


def test_delay_injection_in_a_form_that_always_answers_the_same() -> None:
    result = probe(items_app(flawed=True), {"SQL101", "SQL102", "SQL103"})
    assert ("SQL103", "/subscribe") in found(result), describe_run(result)
    finding = next(f for f in result.findings if f.rule_id == "SQL103")
    assert dict(finding.extra)["database"] == "SQLite"


def test_a_uniformly_slow_app_is_not_a_delay_injection() -> None:
    result = probe(items_app(flawed=False, slow=True), {"SQL103"})
    assert not result.findings, describe_run(result)
    log = next(entry for entry in result.probes if entry.name == "SQL103")
    assert log.checked


def test_similarity_ignores_echoes_and_tokens() -> None:
    def ex(body: str, status: int = 200) -> Exchange:
        return Exchange("t", "", "GET", "/", status, headers=(("content-type", "text/html"),), body=body)

    token = "<input type=hidden name=csrf value=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789>"
    assert similar(ex(f"<p>x</p>{token}"), ex("<p>x</p><input type=hidden name=csrf value=ZZZZZZZZZZZZZZZZZZZZZZZZZZ>"))
    assert (
        similar(ex("<p>Results for lamp</p>"), ex("<p>Results for lamp' AND '1'='1</p>"), ("lamp", "lamp' AND '1'='1"))
        == 1.0
    )
    assert similar(ex("<p>3 results</p>"), ex("<p>0 results</p>")) < 0.9
    assert similar(ex("<p>a</p>"), ex("<p>a</p>", 404)) == 0.0


# -- exposure: CORS, versions, files, docs, HSTS ----------------------------------------------------


def exposed_app(*, flawed: bool) -> Flask:
    app = Flask(__name__)

    @app.after_request
    def headers(response):
        origin = request.headers.get("Origin")
        if origin:
            response.headers["Access-Control-Allow-Origin"] = origin if flawed else "https://app.example.com"
            response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["X-Powered-By"] = "Shop/4.2.0" if flawed else "Shop"
        if not flawed:
            response.headers["Strict-Transport-Security"] = "max-age=63072000"
        return response

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def everything(path: str):
        # An app that answers 200 with its home page for every path (a single-page app) is not
        # serving .env or .git because the status says 200.
        if flawed and path == ".env":
            return "API_KEY=not-a-real-key\n", 200, {"Content-Type": "text/plain"}
        if flawed and path == ".git/HEAD":
            return "ref: refs/heads/main\n", 200, {"Content-Type": "text/plain"}
        if flawed and path == "docs":
            return page('<div id="swagger-ui"></div><script src="swagger-ui-bundle.js"></script>')
        return page("<h1>Shop</h1><p>Welcome</p>")

    return app


RULES = {"CONF105", "CONF106", "CONF107", "CONF108", "SECRET101"}


def test_exposure_probes_on_a_flawed_app() -> None:
    result = probe(exposed_app(flawed=True), RULES, url="https://127.0.0.1:8443")
    assert {rule for rule, _ in found(result)} == RULES, describe_run(result)
    assert {path for rule, path in found(result) if rule == "SECRET101"} == {"/.env", "/.git/HEAD"}
    env = next(f for f in result.findings if f.location.path == "/.env")
    assert "API_KEY" in env.message and "not-a-real-key" not in json.dumps([env.message, dict(env.extra)])


def test_exposure_probes_on_a_catch_all_app_report_nothing() -> None:
    result = probe(exposed_app(flawed=False), RULES, url="https://127.0.0.1:8443")
    assert not result.findings, describe_run(result)
    assert all(log.checked for log in result.probes if log.name in RULES), describe_run(result)


def test_hsts_is_not_judged_over_plain_http() -> None:
    result = probe(exposed_app(flawed=True), {"CONF106"})
    log = next(entry for entry in result.probes if entry.name == "CONF106")
    assert log.state == "skipped" and "plain http" in log.reason and not result.findings


# -- JWT105 -------------------------------------------------------------------------------------------


def _token(key: str, alg: str = "HS256") -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": alg, "typ": "JWT"}).encode()) + "." + b64(json.dumps({"sub": "1"}).encode())
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    return head + "." + b64(hmac.new(key.encode(), head.encode(), digest).digest())


def test_weak_keys_are_guessed_offline_and_strong_ones_are_not() -> None:
    assert guess_key(_token("secret")) == "secret"
    assert guess_key(_token("changeme", "HS512")) == "changeme"
    assert guess_key(_token("8f1c2b8e4a7d4f0e9b3c6a1d2e5f7a9c")) is None
    assert guess_key("not-a-token") is None and len(WEAK_KEYS) == len(set(WEAK_KEYS))
    forged = sign_with("secret")({"alg": "HS256", "typ": "JWT"}, {"sub": "1"})
    assert guess_key(forged) == "secret"


# -- RATE102 / RATE103 --------------------------------------------------------------------------------


def reset_app(*, key_on_header: bool, limit: int | None) -> Flask:
    app = Flask(__name__)
    counts: dict[str, int] = {}

    @app.get("/")
    def home():
        return page('<form method="post" action="/forgot-password"><input type="email" name="email"></form>')

    @app.post("/forgot-password")
    def forgot():
        client = request.headers.get("X-Forwarded-For", "") if key_on_header else request.remote_addr or ""
        counts[client] = counts.get(client, 0) + 1
        if limit is not None and counts[client] > limit:
            return "<!doctype html>Too many requests", 429, {"Retry-After": "60"}
        return page("<p>If the account exists, a link is on its way.</p>")

    return app


def test_reset_bursts_and_forwarded_for() -> None:
    unlimited = probe(reset_app(key_on_header=False, limit=None), {"RATE102", "RATE103"}, username=EMAIL)
    assert found(unlimited) == [("RATE102", "/forgot-password")], describe_run(unlimited)
    spoofable = probe(reset_app(key_on_header=True, limit=3), {"RATE102", "RATE103"}, username=EMAIL)
    assert found(spoofable) == [("RATE103", "/forgot-password")], describe_run(spoofable)
    sound = probe(reset_app(key_on_header=False, limit=3), {"RATE102", "RATE103"}, username=EMAIL)
    assert not sound.findings, describe_run(sound)
    assert all(log.checked for log in sound.probes if log.name in ("RATE102", "RATE103"))
