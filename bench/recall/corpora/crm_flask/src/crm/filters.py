"""Jinja filters and globals shared by all templates."""
from datetime import datetime, timezone
from decimal import Decimal

from markupsafe import Markup, escape


def nl2br(value):
    if not value:
        return ""
    lines = str(value).splitlines()
    return Markup("<br>\n").join(escape(line) for line in lines)


def money(value, currency="EUR"):
    amount = Decimal(value or 0).quantize(Decimal("0.01"))
    symbol = {"EUR": "\u20ac", "USD": "$", "GBP": "\u00a3"}.get(currency, currency + " ")
    return f"{symbol}{amount:,}"


def timeago(moment):
    if moment is None:
        return "never"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    delta = datetime.now(timezone.utc) - moment
    if delta.days > 30:
        return moment.strftime("%d %b %Y")
    if delta.days >= 1:
        return f"{delta.days}d ago"
    hours = delta.seconds // 3600
    if hours:
        return f"{hours}h ago"
    return f"{max(delta.seconds // 60, 1)}m ago"


def init_app(app):
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["timeago"] = timeago
