"""Admin UI for clinic managers and front-desk staff (Flask-Login sessions)."""
import re

from bson import ObjectId
from flask import Blueprint, request
from markupsafe import Markup, escape

from ..extensions import login_manager
from ..models.accounts import StaffUser

admin_bp = Blueprint("admin", __name__, template_folder="../templates")

_BOLD = re.compile(r"\*\*(.+?)\*\*")

THEMES = ("light", "dark", "high-contrast")


@login_manager.user_loader
def load_staff(user_id):
    if not ObjectId.is_valid(user_id):
        return None
    return StaffUser.objects(id=user_id, is_active_flag=True).first()


@admin_bp.app_template_filter("clinical_notes")
def clinical_notes(text):
    """Vet notes support **bold** and keep their line breaks."""
    if not text:
        return ""
    html = _BOLD.sub(r"<strong>\1</strong>", text)
    return Markup(html.replace("\n", "<br>\n"))


@admin_bp.app_template_filter("nl2br")
def nl2br(text):
    if not text:
        return ""
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


@admin_bp.app_template_filter("money")
def money(cents, currency="GBP"):
    symbol = {"GBP": "£", "EUR": "€"}.get(currency, "")
    return f"{symbol}{(cents or 0) / 100:,.2f}"


@admin_bp.app_context_processor
def inject_theme():
    theme = request.cookies.get("pp_theme")
    return {"theme": theme if theme in THEMES else "light"}


from . import auth_views, views  # noqa: E402,F401
