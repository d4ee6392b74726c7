import re
from pathlib import Path
from typing import Optional

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from app.services.users import gravatar_url
from app.utils.colors import tag_color
from app.utils.strings import format_minutes, truncate

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATE_DIR))


def highlight(text: Optional[str], term: Optional[str]) -> Markup:
    """Wrap case-insensitive matches of `term` in <mark>, escaping everything else."""
    if not text:
        return Markup("")
    if not term:
        return escape(text)
    pieces = re.split(f"({re.escape(term)})", text, flags=re.IGNORECASE)
    out = Markup("")
    for index, piece in enumerate(pieces):
        if index % 2:
            out += Markup("<mark>{}</mark>").format(piece)
        else:
            out += piece
    return out


templates.env.filters["highlight"] = highlight
templates.env.filters["tag_color"] = tag_color
templates.env.filters["minutes"] = format_minutes
templates.env.filters["truncate_words"] = truncate
templates.env.globals["gravatar"] = gravatar_url
