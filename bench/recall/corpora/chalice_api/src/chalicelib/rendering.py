"""Jinja2 environments for HTML pages and plain-text mail bodies."""
import os

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")

_pages = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
)

# Plain-text mail bodies: no HTML context, so nothing to escape.
_text = Environment(
    loader=FileSystemLoader(os.path.join(TEMPLATE_DIR, "email")),
    autoescape=False,
    keep_trailing_newline=True,
)


def render_page(name, **context):
    return _pages.get_template(name).render(**context)


def render_text(name, **context):
    return _text.get_template(name).render(**context)


def cents(value):
    return f"\u20ac{int(value or 0) / 100:.2f}"


_pages.filters["cents"] = cents
