"""Jinja filters and globals shared by the agent UI templates."""
from markupsafe import Markup

TAG_COLOURS = {
    "billing": "amber",
    "bug": "red",
    "outage": "red",
    "feature": "blue",
    "question": "grey",
}

STATUS_LABELS = {
    "open": "Open",
    "pending": "Waiting on customer",
    "closed": "Closed",
}


def tag_badge(tag: str) -> Markup:
    colour = TAG_COLOURS.get(tag.lower(), "grey")
    return Markup(f'<span class="badge badge-{colour}">{tag}</span>')


def status_pill(status: str) -> Markup:
    label = STATUS_LABELS.get(status, status)
    return Markup('<span class="pill pill-{}">{}</span>').format(status, label)


def filesize(num: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if num < 1024:
            return f"{num:.0f} {unit}"
        num /= 1024
    return f"{num:.1f} TB"


FILTERS = {
    "tag_badge": tag_badge,
    "status_pill": status_pill,
    "filesize": filesize,
}
