from app.services.content import highlight, render_summary, slugify


def test_summary_strips_scripts():
    html = render_summary("Hello <script>alert(1)</script> **world**")
    assert "<script>" not in html
    assert "<strong>world</strong>" in html


def test_highlight_escapes_input():
    out = str(highlight("<b>Ana</b> Silva", "ana"))
    assert "&lt;b&gt;" in out
    assert "<mark>Ana</mark>" in out


def test_slugify():
    assert slugify("Spanish A1 — Evening!") == "spanish-a1-evening"
