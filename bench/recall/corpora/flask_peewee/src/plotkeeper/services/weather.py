"""Frost and rain warnings shown on the site dashboard."""
import hashlib
import logging

import requests

from ..extensions import cache

log = logging.getLogger("plotkeeper.weather")

OPENWEATHER_URL = "https://api.openweathermap.org/data/2.5/forecast"
OPENWEATHER_API_KEY = "8c1f4e92b7a03d65f1e2c9ab47d80e3f"


def _cache_key(lat, lon):
    digest = hashlib.md5(f"{lat:.3f},{lon:.3f}".encode(), usedforsecurity=False).hexdigest()
    return f"weather:{digest}"


def forecast_for_site(site):
    if site.latitude is None or site.longitude is None:
        return None
    key = _cache_key(float(site.latitude), float(site.longitude))
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        resp = requests.get(
            OPENWEATHER_URL,
            params={"lat": site.latitude, "lon": site.longitude, "units": "metric", "appid": OPENWEATHER_API_KEY},
            timeout=5,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("forecast lookup failed for site %s: %s", site.slug, exc.__class__.__name__)
        return None
    data = _summarise(resp.json())
    cache.set(key, data, timeout=1800)
    return data


def _summarise(payload):
    entries = payload.get("list", [])[:8]
    lows = [e["main"]["temp_min"] for e in entries if "main" in e]
    rain = sum(e.get("rain", {}).get("3h", 0) for e in entries)
    return {
        "min_temp": min(lows) if lows else None,
        "frost_risk": bool(lows) and min(lows) <= 1.0,
        "rain_mm": round(rain, 1),
    }
