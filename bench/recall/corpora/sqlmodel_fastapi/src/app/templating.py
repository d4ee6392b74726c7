from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.csrf import get_csrf_token

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

templates = Jinja2Templates(directory=TEMPLATE_DIR)

_ICONS = {
    "wifi": '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 18h.01M8.5 14.5a5 5 0 0 1 7 0M5 11a10 10 0 0 1 14 0"/></svg>',
    "coffee": '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 8h12v6a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4z"/></svg>',
    "parking": '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M9 17V7h4a3 3 0 0 1 0 6H9"/></svg>',
}


def icon(name: str) -> Markup:
    return Markup(_ICONS.get(name, ""))


def paragraphs(value: str | None) -> Markup:
    """Turn blank-line separated text into <p> blocks."""
    if not value:
        return Markup("")
    blocks = [block.strip().replace("\n", "<br>") for block in value.split("\n\n") if block.strip()]
    return Markup("".join(f"<p>{block}</p>" for block in blocks))


def money(cents: int, currency: str = "EUR") -> str:
    return f"{cents / 100:,.2f} {currency}"


templates.env.filters["paragraphs"] = paragraphs
templates.env.filters["money"] = money
templates.env.globals["icon"] = icon
templates.env.globals["csrf_token"] = get_csrf_token
