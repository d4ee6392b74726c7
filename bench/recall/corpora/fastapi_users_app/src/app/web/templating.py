from decimal import Decimal
from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response

from app.core.config import settings
from app.web.csrf import get_csrf_token, set_csrf_cookie

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

ICONS = {
    "file-text": (
        '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 '
        '2 0 0 0 2-2V8z"/><path d="M14 2v6h6M16 13H8M16 17H8M10 9H8"/></svg>'
    ),
    "users": (
        '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 '
        '4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75"/></svg>'
    ),
    "bar-chart": (
        '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 20V10M18 20V4M6 20v-4"/></svg>'
    ),
    "log-out": (
        '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 '
        '2-2h4M16 17l5-5-5-5M21 12H9"/></svg>'
    ),
}

STATUS_LABELS = {"draft": "Draft", "sent": "Sent", "paid": "Paid", "void": "Void"}


def money(value: Decimal | int | float | None, currency: str = "EUR") -> str:
    if value is None:
        return ""
    return f"{currency} {Decimal(value):,.2f}"


def nl2br(value: str | None) -> Markup:
    if not value:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in str(value).splitlines())


def icon(name: str) -> str:
    return ICONS.get(name, "")


def csrf_context(request: Request) -> dict:
    return {"csrf_token": get_csrf_token(request), "app_name": settings.app_name}


templates = Jinja2Templates(directory=TEMPLATE_DIR, context_processors=[csrf_context])
templates.env.filters["money"] = money
templates.env.filters["nl2br"] = nl2br
templates.env.globals["icon"] = icon
templates.env.globals["status_labels"] = STATUS_LABELS


def render(
    request: Request,
    name: str,
    context: dict | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    response = templates.TemplateResponse(request, name, context or {}, status_code=status_code, headers=headers)
    if getattr(request.state, "csrf_token_new", False):
        set_csrf_cookie(response, request.state.csrf_token)
    return response
