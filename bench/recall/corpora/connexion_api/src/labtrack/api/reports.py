"""Management reports (staff only) and legacy export triggers."""
from __future__ import annotations

import hashlib
from datetime import date

from cachetools import TTLCache

from labtrack import tasks
from labtrack.api import forbidden
from labtrack.database import get_session
from labtrack.repositories import reports as reports_repo

_cache: TTLCache = TTLCache(maxsize=256, ttl=300)


def _is_staff(token_info: dict) -> bool:
    return token_info.get("role") in {"staff", "admin"}


def _cache_key(*parts: object) -> str:
    raw = "|".join(str(p) for p in parts)
    return hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


def turnaround_report(token_info: dict, since: str, until: str, order_by: str = "site_code", direction: str = "asc"):
    if not _is_staff(token_info):
        return forbidden()
    key = _cache_key("turnaround", since, until, order_by, direction)
    if key not in _cache:
        _cache[key] = reports_repo.turnaround(
            get_session(),
            date.fromisoformat(since),
            date.fromisoformat(until),
            order_by=order_by,
            direction=direction,
        )
    rows = _cache[key]
    return {"since": since, "until": until, "rows": [_jsonable(r) for r in rows]}, 200


def volume_report(token_info: dict, bucket: str = "week", site_code: str | None = None):
    if not _is_staff(token_info):
        return forbidden()
    return {"bucket": bucket, "rows": reports_repo.volume(get_session(), bucket, site_code)}, 200


def start_legacy_export(body: dict, token_info: dict):
    if token_info.get("role") != "admin":
        return forbidden("Only administrators can trigger legacy exports.")
    result = tasks.export_legacy_site.delay(body["site_code"], body["since"])
    return {"task_id": result.id, "status": "queued"}, 202


def _jsonable(row: dict) -> dict:
    return {k: (float(v) if hasattr(v, "as_integer_ratio") and not isinstance(v, int) else v) for k, v in row.items()}
