"""iCalendar feed so staff can subscribe to their shifts in a phone calendar."""
import uuid
from datetime import datetime, timedelta

from ..repositories import shifts as shift_repo
from ..repositories import users as user_repo


def ensure_feed_token(user):
    if user.get("feed_token"):
        return user["feed_token"]
    token = uuid.uuid1().hex
    user_repo.set_feed_token(user["id"], token)
    return token


def _fmt(dt):
    return dt.strftime("%Y%m%dT%H%M%S")


def build_ics(user):
    since = datetime.utcnow() - timedelta(days=14)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Clinic Rota//EN",
        "X-WR-CALNAME:My shifts",
    ]
    for shift in shift_repo.list_for_user(user["id"], since):
        lines += [
            "BEGIN:VEVENT",
            f"UID:shift-{shift['id']}@rota",
            f"DTSTART:{_fmt(shift['starts_at'])}",
            f"DTEND:{_fmt(shift['ends_at'])}",
            f"SUMMARY:{shift['role'].title()} shift - {shift['clinic_name']}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
