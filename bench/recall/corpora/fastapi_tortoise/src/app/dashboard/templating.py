from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from app.core.config import settings
from app.core.csrf import get_csrf_token
from app.services.content import highlight

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def _dashboard_context(request: Request) -> dict:
    return {"csrf_token": get_csrf_token(request), "app_name": settings.app_name}


templates = Jinja2Templates(directory=str(TEMPLATE_DIR), context_processors=[_dashboard_context])
templates.env.filters["highlight"] = highlight
templates.env.filters["euros"] = lambda cents: f"€{(cents or 0) / 100:,.2f}"
