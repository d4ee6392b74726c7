import re
from datetime import datetime

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from app.config import BASE_DIR
from app.security.csrf import get_csrf_token

templates = Jinja2Templates(directory=str(BASE_DIR / "app" / "templates"))

_PARAGRAPH_SPLIT = re.compile(r"\r?\n\s*\r?\n")


def nl2br(value: str | None) -> Markup:
    if not value:
        return Markup("")
    paragraphs = _PARAGRAPH_SPLIT.split(str(value))
    html = "".join(
        f"<p>{escape(p).replace(chr(10), Markup('<br>'))}</p>" for p in paragraphs if p.strip()
    )
    return Markup(html)


def highlight(text: str, term: str | None) -> Markup:
    if not term:
        return Markup(escape(text))
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


def money(cents: int) -> str:
    return f"€{cents / 100:,.2f}"


def event_date(value: datetime) -> str:
    return value.strftime("%a %d %b %Y, %H:%M")


def csrf_input(request) -> Markup:
    token = get_csrf_token(request)
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(token)


templates.env.filters["nl2br"] = nl2br
templates.env.filters["highlight"] = highlight
templates.env.filters["money"] = money
templates.env.filters["event_date"] = event_date
templates.env.globals["csrf_input"] = csrf_input
templates.env.globals["csrf_token"] = get_csrf_token
