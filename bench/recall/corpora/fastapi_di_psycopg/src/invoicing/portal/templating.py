from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

STATUS_LABELS = {
    "open": ("badge-warning", "Open"),
    "paid": ("badge-success", "Paid"),
    "void": ("badge-muted", "Void"),
    "overdue": ("badge-danger", "Overdue"),
}


def money(cents: int, currency: str) -> str:
    return f"{cents / 100:,.2f} {currency}"


def nl2br(value: str) -> Markup:
    return Markup(value.replace("\r\n", "\n").replace("\n", "<br>\n"))


def format_address(lines: list[str]) -> Markup:
    return Markup("<br>").join(escape(line) for line in lines if line)


def status_badge(status: str) -> Markup:
    css, label = STATUS_LABELS.get(status, ("badge-muted", status.title()))
    return Markup('<span class="badge {}">{}</span>').format(css, label)


templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.filters["money"] = money
templates.env.filters["nl2br"] = nl2br
templates.env.globals["status_badge"] = status_badge
