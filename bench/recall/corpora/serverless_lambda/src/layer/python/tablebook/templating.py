"""Jinja2 environments for e-mails and server-rendered pages."""
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .formatting import format_money

email_env = Environment(
    loader=PackageLoader("tablebook", "templates/email"),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
)
email_env.filters["money"] = format_money

page_env = Environment(
    loader=PackageLoader("tablebook", "templates/pages"),
    autoescape=True,
    undefined=StrictUndefined,
)
page_env.filters["money"] = format_money


def render_email(name: str, **context) -> str:
    return email_env.get_template(name).render(**context)


def render_page(name: str, **context) -> str:
    return page_env.get_template(name).render(**context)
