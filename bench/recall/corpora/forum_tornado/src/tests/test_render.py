from forum.services import avatars, render


def test_script_tags_are_stripped():
    html = render.render_markdown("hello <script>alert(1)</script> **world**")
    assert "<script>" not in html
    assert "<strong>world</strong>" in html


def test_javascript_links_removed():
    html = render.render_markdown("[click](javascript:alert(1))")
    assert "javascript:" not in html


def test_mentions():
    assert render.mentions("thanks @ada and @bob_1, cc me@example.org") == ["ada", "bob_1"]


def test_slugify():
    assert render.slugify("Hello, Tornado 6!") == "hello-tornado-6"


def test_colour_is_stable():
    assert avatars.colour_for("ada") == avatars.colour_for("ada")
