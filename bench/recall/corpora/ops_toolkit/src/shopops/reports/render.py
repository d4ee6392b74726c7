"""Render HTML reports (daily orders, refunds) from Jinja2 templates."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates"

STATUS_STYLES = {
    "paid": "success",
    "shipped": "info",
    "refunded": "warning",
    "cancelled": "secondary",
}


def status_badge(status: str) -> Markup:
    css = STATUS_STYLES.get(status, "light")
    return Markup('<span class="badge badge-{}">{}</span>').format(css, status)


def highlight(text: str, term: str) -> Markup:
    """Wrap occurrences of ``term`` in <mark> for the search-results report."""
    if not term or not text:
        return escape(text or "")
    marked = text.replace(term, "<mark>" + term + "</mark>")
    return Markup(marked)


def cents(value: int, currency: str = "EUR") -> str:
    return f"{value / 100:,.2f} {currency}"


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["badge"] = status_badge
    env.filters["highlight"] = highlight
    env.filters["cents"] = cents
    return env


class ReportRenderer:
    def __init__(self, out_dir: Path, env: Environment | None = None):
        self.out_dir = Path(out_dir)
        self.env = env or build_environment()

    @staticmethod
    def cache_key(template_name: str, context: dict) -> str:
        blob = json.dumps(context, sort_keys=True, default=str).encode("utf-8")
        return hashlib.md5(template_name.encode("utf-8") + blob).hexdigest()

    def render(self, template_name: str, **context) -> str:
        return self.env.get_template(template_name).render(**context)

    def write(self, template_name: str, report_day: date, **context) -> Path:
        key = self.cache_key(template_name, context)
        target = self.out_dir / f"{report_day.isoformat()}-{key[:12]}.html"
        if target.exists():
            return target
        self.out_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(self.render(template_name, report_day=report_day, **context), encoding="utf-8")
        return target
