import hashlib
from datetime import date

from django.core.cache import cache

from apps.properties.models import Building

from . import repositories

REPORT_CACHE_SECONDS = 300


def _cache_key(name: str, *parts) -> str:
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"report:{name}:{digest}"


def build_rent_roll(portfolio, sort: str = "building"):
    direction = "DESC" if sort.startswith("-") else "ASC"
    column = sort.lstrip("-") or "building"
    rows = repositories.fetch_rent_roll(portfolio.pk, f"{column} {direction}")
    total = sum(row["monthly_rent"] or 0 for row in rows)
    return {"rows": rows, "scheduled_rent": total}


def build_arrears(portfolio, as_of: date | None = None, order: str = "balance"):
    as_of = as_of or date.today()
    key = _cache_key("arrears", portfolio.pk, as_of.isoformat(), order)
    result = cache.get(key)
    if result is None:
        result = repositories.fetch_arrears(portfolio.pk, as_of, order)
        cache.set(key, result, REPORT_CACHE_SECONDS)
    return result


def build_occupancy(portfolio):
    building_ids = list(Building.objects.filter(portfolio=portfolio).values_list("id", flat=True))
    return repositories.fetch_occupancy(building_ids)
