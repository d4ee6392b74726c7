from markupsafe import Markup

from inkwell.templating import excerpt, highlight_terms, render_markdown


def test_markdown_strips_scripts():
    html = render_markdown("hello <script>alert(1)</script> **world**")
    assert "<script>" not in html
    assert "<strong>world</strong>" in html
    assert isinstance(html, Markup)


def test_markdown_drops_javascript_links():
    html = render_markdown("[click](javascript:alert(1))")
    assert "javascript:" not in html


def test_highlight_escapes_text_and_marks_terms():
    out = highlight_terms("Fish & <chips>", "fish chips")
    assert str(out) == "<mark>Fish</mark> &amp; &lt;<mark>chips</mark>&gt;"


def test_highlight_without_terms_is_escaped():
    assert str(highlight_terms("<b>x</b>", " ")) == "&lt;b&gt;x&lt;/b&gt;"


def test_excerpt():
    assert excerpt("a  b\nc") == "a b c"
    assert excerpt("x" * 300, 10).endswith("…")
