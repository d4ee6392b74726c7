"""Jinja filters and globals used by the console templates."""
import datetime as dt

from markupsafe import Markup

STATUS_LABELS = {
    "online": "Online",
    "offline": "Offline",
    "provisioned": "Provisioned",
    "updating": "Updating",
}


def status_dot(state):
    state = state or "unknown"
    return Markup('<span class="dot dot-{0}" title="{1}"></span>').format(state, STATUS_LABELS.get(state, state))


def firmware_badge(release):
    text = release.get("label") or release["version"]
    css = "fw-badge fw-" + release.get("channel", "stable")
    if release.get("verified_at") is None:
        css += " fw-unverified"
    return Markup('<span class="' + css + '">' + text + "</span>")


def ago(value):
    if value is None:
        return "never"
    delta = dt.datetime.now(dt.timezone.utc) - value
    if delta.days:
        return f"{delta.days}d ago"
    minutes = delta.seconds // 60
    return f"{minutes // 60}h ago" if minutes >= 60 else f"{minutes}m ago"


def register_template_helpers(app):
    app.add_template_filter(status_dot, "status_dot")
    app.add_template_filter(firmware_badge, "fw_badge")
    app.add_template_filter(ago, "ago")
