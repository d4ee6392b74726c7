"""Jinja2 rendering for the admin pages."""

import re

import falcon
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from stockroom import __version__

_env = Environment(
    loader=PackageLoader("stockroom", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def nl2br(value) -> Markup:
    if not value:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in str(value).splitlines())


def highlight(text, term) -> str:
    """Return ``text`` as HTML with case-insensitive matches of ``term`` wrapped in <mark>."""
    text = "" if text is None else str(text)
    if not term:
        return str(escape(text))
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    parts, pos = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[pos:match.start()]))
        parts.append(Markup("<mark>%s</mark>") % match.group(0))
        pos = match.end()
    parts.append(escape(text[pos:]))
    return str(Markup("").join(parts))


def money(value) -> str:
    if value is None:
        return "-"
    return f"{value:,.2f}"


def quantity(value, unit="ea") -> str:
    return f"{value:,} {unit}" if value is not None else "-"


_env.filters.update(nl2br=nl2br, money=money, quantity=quantity)
_env.globals["app_version"] = __version__


def render_template(name: str, **context) -> str:
    return _env.get_template(name).render(**context)


def render(resp: falcon.Response, name: str, *, status=None, **context) -> None:
    if status is not None:
        resp.status = status
    resp.content_type = falcon.MEDIA_HTML
    resp.text = render_template(name, **context)
