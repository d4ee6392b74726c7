"""Signed Metabase embeds for the owner analytics tab."""
import jwt
from django.conf import settings

DASHBOARDS = {
    "portfolio": 12,
    "collections": 15,
    "maintenance": 21,
}


def embed_url(dashboard: str, portfolio_id: int) -> str:
    payload = {
        "resource": {"dashboard": DASHBOARDS[dashboard]},
        "params": {"portfolio_id": portfolio_id},
    }
    token = jwt.encode(payload, settings.METABASE_SECRET_KEY, algorithm="HS256")
    return f"{settings.METABASE_SITE_URL}/embed/dashboard/{token}#bordered=false&titled=false"
