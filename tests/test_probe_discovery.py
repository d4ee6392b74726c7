"""Discovery: the bounded same-origin crawl (links, forms, robots.txt, sitemap.xml, usual paths) and
the example values it keeps. The sites are small Flask apps run in-process through httpx's WSGI
transport; every request they receive is recorded, so the tests see exactly what was asked.
"""

from __future__ import annotations

import httpx
from flask import Flask, request

from secpat.probe import ProbeOptions, ProbeResult, run_probe
from secpat.probe.discovery import Crawler, CrawlLimits, Endpoints, parse_forms, robots_paths, sitemap_locations

EMAIL, PASSWORD = "alice@example.com", "correct-horse-battery-staple"


def site(pages: int = 0) -> tuple[Flask, list[str]]:
    """A site whose home links to a chain of pages, a login, a reset, a form, other sites, a
    logout and static files; robots.txt and a sitemap name pages nothing links to."""
    app = Flask(__name__)
    seen: list[str] = []

    @app.before_request
    def record():
        seen.append(request.full_path.rstrip("?"))

    def html(body: str) -> str:
        return f"<!doctype html><title>t</title>{body}"

    @app.get("/")
    def home():
        return html(
            '<a href="/a">a</a> <a href="item?id=7&amp;sort=new">item</a> <a href="/login">in</a> '
            '<a href="http://elsewhere.example/x">x</a> <a href="//evil.example/y">y</a> '
            '<a href="/logout">out</a> <a href="/users/3/delete">del</a> <a href="/static/app.js">js</a> '
            '<a href="mailto:a@b.c">mail</a> <a href="#top">top</a> <a href="/a#frag">a again</a>'
        )

    @app.get("/a")
    def a():
        return html('<a href="/b">b</a><form method="get" action="/find"><input name="term" value="x"></form>')

    @app.get("/b")
    def b():
        return html('<a href="/c">c</a>')

    @app.get("/c")
    def c():
        return html("deep")

    @app.get("/item")
    def item():
        return html("item")

    @app.get("/login")
    def login_page():
        return html(
            '<form method="post" action="/login"><input type="hidden" name="csrf_token" value="t0k">'
            '<input type="email" name="email"><input type="password" name="password"></form>'
            '<a href="/forgot">forgot</a>'
        )

    @app.get("/forgot")
    def forgot():
        return html(
            '<form method="post" action="/forgot"><input type="hidden" name="csrfmiddlewaretoken" value="m">'
            '<input type="email" name="email"></form>'
        )

    @app.get("/hidden-from-robots")
    def hidden():
        return html(
            '<form method="post" action="/comments"><input type="hidden" name="_csrf" value="z">'
            '<input name="comment"><textarea name="text"></textarea></form>'
        )

    @app.get("/from-sitemap")
    def mapped():
        return html("<a href='/signup'>join</a>")

    @app.get("/signup")
    def signup():
        return html(
            '<form method="post"><input name="username"><input type="password" name="password">'
            '<input type="password" name="password2"></form>'
        )

    @app.get("/robots.txt")
    def robots():
        return (
            "User-agent: *\nDisallow: /hidden-from-robots\nDisallow: /*.pdf$\nSitemap: /sitemap.xml\n",
            200,
            {"Content-Type": "text/plain"},
        )

    @app.get("/sitemap.xml")
    def sitemap():
        return (
            (
                '<?xml version="1.0"?><urlset><url><loc>http://127.0.0.1:8000/from-sitemap</loc></url>'
                "<url><loc>http://other.example/z</loc></url></urlset>"
            ),
            200,
            {"Content-Type": "application/xml"},
        )

    @app.get("/logout")
    def logout():  # pragma: no cover - must never be requested
        raise AssertionError("the crawl followed a logout link")

    return app, seen


def probe(app: Flask, **options) -> ProbeResult:
    transport = httpx.WSGITransport(app=app)
    try:
        return run_probe(
            "http://127.0.0.1:8000",
            ProbeOptions(openapi="", rules=frozenset({"CONF104"}), **options),
            transport=transport,
        )
    finally:
        transport.close()


def endpoints(result: ProbeResult) -> str:
    return "\n".join(result.endpoints)


def test_the_crawl_follows_links_forms_robots_and_sitemap_on_the_same_origin() -> None:
    app, seen = site()
    result = probe(app, username=EMAIL, password=PASSWORD)
    got = set(seen)
    assert {
        "/",
        "/a",
        "/b",
        "/item?id=7&sort=new",
        "/login",
        "/forgot",
        "/hidden-from-robots",
        "/from-sitemap",
        "/signup",
        "/robots.txt",
        "/sitemap.xml",
    } <= got, seen
    # Never another site, never a logout or delete link, never a static file.
    assert not any("elsewhere" in s or "evil" in s or "other.example" in s for s in seen)
    assert not any(s.startswith(("/logout", "/users/3/delete", "/static")) for s in seen)
    assert "/c" not in got  # depth 2 from the home page: /a, then /b; /c is a third step
    text = endpoints(result)
    assert "login: POST /login (email, password; form on /login)" in text
    assert "password reset: POST /forgot" in text and "registration: POST /signup" in text
    assert "/item?id" in text and "/item?sort" in text and "/find?term" in text
    assert "/comments comment" in text and "/comments text" in text


def test_examples_values_come_from_links_and_forms() -> None:
    app, _ = site()
    transport = httpx.WSGITransport(app=app)
    from secpat.probe.client import ProbeClient

    with ProbeClient("http://127.0.0.1:8000", transport=transport) as client, client.probe("t", max_requests=50):
        found = Endpoints()
        Crawler(client, found, "", "http://127.0.0.1:8000", CrawlLimits(pages=30, depth=2)).crawl(["/"])
    values = {(p.endpoint.path, p.name): p.value for p in found.params}
    assert values[("/item", "id")] == "7" and values[("/find", "term")] == "x"
    comments = (
        next(e for e in found.forms if e.path == "/comments")
        if any(e.path == "/comments" for e in found.forms)
        else None
    )
    assert comments is None  # /hidden-from-robots is not linked: only robots.txt names it
    login_fields = {f.name: f.value for f in found.login.endpoint.fields}
    assert login_fields["csrf_token"] == "t0k" and found.login.endpoint.csrf_field == "csrf_token"
    assert found.reset is not None and found.reset.csrf_field == "csrfmiddlewaretoken"


def test_page_and_depth_limits_hold() -> None:
    app, seen = site()
    probe(app, crawl_pages=4)
    crawl = [s for s in seen if s != "/secpat-probe-missing-page"]
    assert len([s for s in crawl if s not in ("/",)]) <= 4 and len(set(crawl) - {"/"}) <= 4, seen
    app, seen = site()
    probe(app, crawl_depth=0, crawl_pages=30)
    assert "/a" not in seen and "/item?id=7&sort=new" not in seen  # links are not followed at depth 0
    assert "/hidden-from-robots" in seen  # robots.txt names it: read at the first step
    app, seen = site()
    probe(app, crawl_pages=0)
    assert "/robots.txt" not in seen and "/a" not in seen and "/" in seen


def test_a_prefix_is_never_left() -> None:
    app = Flask(__name__)
    seen: list[str] = []

    @app.before_request
    def record():
        seen.append(request.path)

    @app.get("/app/")
    def home():
        return '<!doctype html><a href="/other">o</a><a href="/app/inside">i</a><a href="../up">u</a>'

    @app.get("/app/inside")
    def inside():
        return "<!doctype html>inside"

    transport = httpx.WSGITransport(app=app)
    try:
        run_probe(
            "http://127.0.0.1:8000/app", ProbeOptions(openapi="", rules=frozenset({"CONF104"})), transport=transport
        )
    finally:
        transport.close()
    assert "/app/inside" in seen
    assert all(path.startswith("/app/") for path in seen), seen


def test_param_option_keeps_its_value() -> None:
    app = Flask(__name__)
    asked: list[str] = []

    @app.get("/note")
    def note():
        asked.append(request.args.get("id", ""))
        return "<!doctype html>note", 200

    @app.get("/")
    def home():
        return "<!doctype html>home"

    result = probe(app, params=("/note?id=42",), crawl_pages=0)
    assert "parameters: /note?id" in endpoints(result)
    options = ProbeOptions(params=("/note?id=42", "/x?q"))
    from secpat.probe.client import ProbeClient
    from secpat.probe.discovery import discover

    transport = httpx.WSGITransport(app=app)
    with ProbeClient("http://127.0.0.1:8000", transport=transport) as client, client.probe("t", max_requests=5):
        found = discover(client, "", openapi="", params=options.params, crawl=CrawlLimits(pages=0))
    assert [(p.name, p.value) for p in found.params] == [("id", "42"), ("q", None)]


def test_robots_and_sitemap_readers() -> None:
    paths, maps = robots_paths(
        "User-agent: *\nDisallow: /admin/ # staff\nAllow: /public\nDisallow: /\n"
        "Disallow: /*.php$\nDisallow:\nSitemap: https://x.example/sm.xml\n"
    )
    assert paths == ["/admin/", "/public"] and maps == ["https://x.example/sm.xml"]
    assert sitemap_locations("<urlset><url><loc> http://h/a </loc></url><url><loc>http://h/b</loc></url></urlset>") == [
        "http://h/a",
        "http://h/b",
    ]
    assert len(sitemap_locations("<urlset>" + "<url><loc>/p</loc></url>" * 500 + "</urlset>")) == 50


def test_forms_are_classified() -> None:
    forms = parse_forms(
        '<form method="post" action="/account/new"><input name="email">'
        '<input type="password" name="password"><input type="password" name="confirm"></form>'
        '<form method="post" action="/notes"><input type="hidden" name="authenticity_token" '
        'value="a"><input name="title"><select name="kind"></select></form>',
        "/p",
    )
    assert [f.action for f in forms] == ["/account/new", "/notes"]
    assert forms[1].as_endpoint().csrf_field == "authenticity_token"
    found = Endpoints()
    from secpat.probe.discovery import add_forms

    add_forms(found, forms)
    assert [e.path for e in found.forms] == ["/notes"]
    assert [(p.endpoint.path, p.name) for p in found.form_params] == [("/notes", "title")]
