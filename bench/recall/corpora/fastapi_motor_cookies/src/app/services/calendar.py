"""Personal iCalendar feeds of the events a member is going to."""
import hashlib
import time
from datetime import datetime, timedelta, timezone


def new_feed_token(user_id: str) -> str:
    return hashlib.md5(f"{user_id}:{time.time()}".encode("utf-8")).hexdigest()


def _ics_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _ics_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def build_ics(events: list[dict], calendar_name: str, base_url: str) -> str:
    stamp = _ics_time(datetime.now(timezone.utc))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Gather//Events//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_escape(calendar_name)}",
    ]
    for event in events:
        starts = event["starts_at"]
        ends = event.get("ends_at") or starts + timedelta(hours=2)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['_id']}@gather.events",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ics_time(starts)}",
            f"DTEND:{_ics_time(ends)}",
            f"SUMMARY:{_ics_escape(event['title'])}",
            f"LOCATION:{_ics_escape(event.get('venue', ''))}",
            f"URL:{base_url}/events/{event['slug']}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
