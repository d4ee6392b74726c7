from datetime import datetime, timezone

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.core.config import BASE_DIR, settings
from app.utils.colors import chart_color

templates = Jinja2Templates(directory=str(BASE_DIR / "templates"))

BADGE_CLASSES = {
    "pageview": "badge-blue",
    "identify": "badge-purple",
    "error": "badge-red",
    "custom": "badge-gray",
}


def event_kind(name: str) -> str:
    if name.startswith("$pageview"):
        return "pageview"
    if name.startswith("$identify"):
        return "identify"
    if name.startswith("$exception") or name.endswith("_error"):
        return "error"
    return "custom"


def event_badge(name: str) -> Markup:
    kind = event_kind(name)
    css = BADGE_CLASSES.get(kind, "badge-gray")
    return Markup(f'<span class="badge {css}" title="{kind}">{name}</span>')


def status_pill(status: str) -> Markup:
    label = status.replace("_", " ").title()
    return Markup('<span class="pill pill-{0}">{1}</span>').format(status, label)


def humanize_count(value: int | None) -> str:
    if value is None:
        return "–"
    for unit, size in (("B", 1_000_000_000), ("M", 1_000_000), ("k", 1_000)):
        if value >= size:
            return f"{value / size:.1f}{unit}"
    return str(value)


def timeago(value: datetime | None) -> str:
    if value is None:
        return "never"
    delta = datetime.now(timezone.utc) - value
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60}m ago"
    if seconds < 86400:
        return f"{seconds // 3600}h ago"
    return f"{seconds // 86400}d ago"


templates.env.filters["event_badge"] = event_badge
templates.env.filters["status_pill"] = status_pill
templates.env.filters["humanize"] = humanize_count
templates.env.filters["timeago"] = timeago
templates.env.globals["chart_color"] = chart_color
templates.env.globals["product_name"] = settings.project_name
