"""The shared Jinja2Templates instance with Gather's globals and filters."""
from datetime import datetime
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.security.csrf import CSRF_COOKIE_NAME
from app.utils import excerpt, gravatar_url

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATE_DIR))


def csrf_token(request: Request) -> str:
    return getattr(request.state, "csrf_token", None) or request.cookies.get(CSRF_COOKIE_NAME, "")


def badge(label: str, tone: str = "neutral") -> Markup:
    return Markup('<span class="badge badge-{}">{}</span>').format(tone, label)


def format_datetime(value: datetime | None, fmt: str = "%a %d %b %Y, %H:%M") -> str:
    return value.strftime(fmt) if value else ""


templates.env.globals.update(csrf_token=csrf_token, badge=badge, gravatar_url=gravatar_url)
templates.env.filters["datetime"] = format_datetime
templates.env.filters["excerpt"] = excerpt
