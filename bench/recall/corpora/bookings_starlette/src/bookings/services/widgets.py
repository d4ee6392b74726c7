"""Server-rendered availability widget that partner sites embed in an iframe."""
from jinja2 import Environment, FileSystemLoader

from bookings import config
from bookings.templating import TEMPLATE_DIR

widget_env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR / "widgets")),
    trim_blocks=True,
    lstrip_blocks=True,
)
widget_env.globals["site_url"] = config.SITE_URL


def render_availability(room, day, free_hours, theme: str = "light", heading: str = "") -> str:
    template = widget_env.get_template("availability.html")
    return template.render(
        room=room,
        day=day,
        free_hours=free_hours,
        theme=theme,
        heading=heading or room["name"],
    )
