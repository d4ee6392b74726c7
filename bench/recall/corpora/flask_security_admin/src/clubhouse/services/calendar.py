"""Personal iCalendar feeds (subscribe from Google/Apple calendar)."""
import uuid
from datetime import datetime

from ..extensions import db
from ..models import Event, Rsvp

PRODID = "-//Riverside Sports Club//Members calendar//EN"


def new_feed_token():
    return uuid.uuid1().hex


def rotate_feed_token(user):
    user.calendar_token = new_feed_token()
    db.session.commit()
    return user.calendar_token


def _fmt(dt):
    return dt.strftime("%Y%m%dT%H%M%SZ")


def _escape_ics(text):
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def build_feed(user):
    events = (
        Event.query.join(Rsvp)
        .filter(Rsvp.user_id == user.id, Rsvp.status == "going", Event.starts_at >= datetime.utcnow())
        .order_by(Event.starts_at)
        .all()
    )
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.id}@riversidesc.org",
            f"DTSTAMP:{_fmt(datetime.utcnow())}",
            f"DTSTART:{_fmt(event.starts_at)}",
            f"SUMMARY:{_escape_ics(event.title)}",
            f"LOCATION:{_escape_ics(event.location)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
