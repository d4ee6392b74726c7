from pathlib import Path

from markupsafe import Markup
from starlette.templating import Jinja2Templates

from bookings import config
from bookings.csrf import csrf_input, get_token
from bookings.utils import avatar_colour, money

TEMPLATE_DIR = Path(__file__).parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATE_DIR))


def star_rating(score) -> Markup:
    full = max(0, min(5, int(round(float(score or 0)))))
    return Markup('<span class="star on">&#9733;</span>' * full) + Markup(
        '<span class="star">&#9734;</span>' * (5 - full)
    )


def status_badge(status: str) -> Markup:
    classes = {
        "pending": "badge-warning",
        "confirmed": "badge-success",
        "cancelled": "badge-secondary",
        "refunded": "badge-info",
    }
    css = classes.get(status, "badge-light")
    return Markup('<span class="badge {}">{}</span>').format(css, status)


templates.env.globals.update(
    csrf_input=csrf_input,
    csrf_token=get_token,
    site_url=config.SITE_URL,
    star_rating=star_rating,
    status_badge=status_badge,
)
templates.env.filters["money"] = money
templates.env.filters["avatar_colour"] = avatar_colour
