import re
from datetime import datetime, timezone

from markupsafe import Markup, escape


def money(cents, currency="EUR"):
    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency + " ")
    return f"{symbol}{cents / 100:,.2f}"


def timeago(value):
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    seconds = int((datetime.now(timezone.utc) - value).total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def nl2br(text):
    if not text:
        return ""
    return Markup("<br>\n").join(escape(text).split("\n"))


def highlight(text, term):
    if not term or not text:
        return text
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


def seller_badge(user):
    if user.rating_count >= 50 and (user.rating or 0) >= 4.5:
        level = "gold"
    elif user.rating_count >= 10:
        level = "silver"
    else:
        level = "new"
    return Markup('<span class="badge badge-{}" title="{} sales">{}</span>').format(
        level, user.rating_count, user.username
    )


def register_filters(app):
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["timeago"] = timeago
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["highlight"] = highlight
    app.jinja_env.filters["seller_badge"] = seller_badge
