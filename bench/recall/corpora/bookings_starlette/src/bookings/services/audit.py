"""Who-did-what trail shown on the admin dashboard."""
from starlette.requests import Request

from bookings.db import database
from bookings.tables import audit_log

SKIP_FIELDS = {"csrf_token"}


def form_details(form) -> dict:
    return {key: value for key, value in form.items() if key not in SKIP_FIELDS and isinstance(value, str)}


async def record(request: Request, action: str, details: dict = None) -> None:
    user_id = request.user.id if request.user.is_authenticated else None
    await database.execute(
        audit_log.insert().values(
            user_id=user_id,
            action=action,
            details=details or {},
            ip=request.client.host if request.client else None,
        )
    )


async def recent(limit: int = 50):
    query = audit_log.select().order_by(audit_log.c.created_at.desc()).limit(limit)
    return await database.fetch_all(query)
