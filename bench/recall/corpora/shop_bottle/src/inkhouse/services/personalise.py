"""Live preview for personalised invitations and cards.

Customers type their wording with placeholders such as ``{{name}}`` or
``{{date}}``; the product page shows it filled in with sample values (or the
values they typed into the side panel) before they add it to the cart.
"""
from bottle import SimpleTemplate

SAMPLE_VALUES = {
    "name": "Alex & Sam",
    "date": "Saturday 14 June",
    "time": "3pm",
    "venue": "The Old Boathouse",
    "rsvp": "rsvp@example.com",
}
MAX_LENGTH = 600


class PreviewError(ValueError):
    pass


def placeholder_values(submitted):
    values = dict(SAMPLE_VALUES)
    for key in SAMPLE_VALUES:
        value = (submitted.get(key) or "").strip()
        if value:
            values[key] = value[:120]
    return values


def render_preview(wording, submitted=None):
    wording = (wording or "").replace("\r\n", "\n").strip()
    if not wording:
        raise PreviewError("Type the wording you'd like printed.")
    if len(wording) > MAX_LENGTH:
        raise PreviewError(f"Please keep the wording under {MAX_LENGTH} characters.")
    values = placeholder_values(submitted or {})
    return SimpleTemplate(source=wording).render(**values)
