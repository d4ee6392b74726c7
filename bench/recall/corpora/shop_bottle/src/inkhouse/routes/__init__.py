"""Storefront route modules. Each defines ``app``; ``create_app`` merges them."""

import re

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def base_url(config):
    return config.get("app.base_url", "").rstrip("/")
