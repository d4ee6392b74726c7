from datetime import datetime, timedelta, timezone
from enum import Enum


class Resolution(str, Enum):
    minute = "minute"
    hour = "hour"
    day = "day"


RANGE_PRESETS = {
    "1h": timedelta(hours=1),
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "90d": timedelta(days=90),
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def resolve_range(
    preset: str | None, start: datetime | None, end: datetime | None
) -> tuple[datetime, datetime]:
    end = end or utcnow()
    if start is None:
        start = end - RANGE_PRESETS.get(preset or "24h", RANGE_PRESETS["24h"])
    if start >= end:
        raise ValueError("start must be before end")
    return start, end


def default_resolution(start: datetime, end: datetime) -> Resolution:
    span = end - start
    if span <= timedelta(hours=6):
        return Resolution.minute
    if span <= timedelta(days=14):
        return Resolution.hour
    return Resolution.day
