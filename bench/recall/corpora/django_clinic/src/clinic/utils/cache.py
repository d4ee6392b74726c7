"""Caching helpers for the availability calendar."""
import hashlib
import json

from django.core.cache import cache

AVAILABILITY_TTL = 60 * 5


def availability_cache_key(clinician_id, day, duration_minutes):
    raw = json.dumps(
        {"clinician": clinician_id, "day": day.isoformat(), "duration": duration_minutes},
        sort_keys=True,
    )
    digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()
    return f"availability:{digest}"


def cached_availability(clinician_id, day, duration_minutes, compute):
    key = availability_cache_key(clinician_id, day, duration_minutes)
    slots = cache.get(key)
    if slots is None:
        slots = compute()
        cache.set(key, slots, AVAILABILITY_TTL)
    return slots


def invalidate_availability(clinician_id, day, duration_minutes):
    cache.delete(availability_cache_key(clinician_id, day, duration_minutes))
