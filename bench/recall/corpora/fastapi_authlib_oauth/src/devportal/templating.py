"""Jinja2 templates for the HTML pages, with the portal's filters and globals."""

import hashlib
import random
from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from devportal.schemas import AVAILABLE_SCOPES
from devportal.security.csrf import get_csrf_token

TEMPLATE_DIR = Path(__file__).parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATE_DIR))

TIPS = (
    "Give each service its own API key so you can revoke one without touching the others.",
    "Exchange a key for a short-lived token at /api/v1/auth/token for browser or mobile clients.",
    "Keys with only usage:read are enough for dashboards and billing exports.",
    "Set a usage alert to hear about runaway scripts before your invoice does.",
    "The X-Request-ID header in every response helps support find your request.",
)


def random_tip() -> str:
    return random.choice(TIPS)


def key_label(label: str) -> Markup:
    return Markup(f'<span class="key-label" title="{label}">{label}</span>')


def prefix_badge(prefix: str) -> Markup:
    return Markup('<code class="key-prefix">{}_&hellip;</code>').format(prefix)


def gravatar(email: str, size: int = 48) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


templates.env.filters.update(key_label=key_label, prefix_badge=prefix_badge, gravatar=gravatar)
templates.env.globals.update(csrf_token=get_csrf_token, random_tip=random_tip, available_scopes=AVAILABLE_SCOPES)
