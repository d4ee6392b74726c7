from typing import Any

from fastapi import Request
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import AuditLog


def request_ip(request: Request | None) -> str | None:
    if request is None or request.client is None:
        return None
    return request.client.host


async def record(
    session: AsyncSession,
    action: str,
    *,
    actor_id: int | None = None,
    target: str = "",
    request: Request | None = None,
    commit: bool = False,
    **details: Any,
) -> AuditLog:
    entry = AuditLog(
        actor_id=actor_id,
        action=action,
        target=target,
        ip=request_ip(request),
        details=details,
    )
    session.add(entry)
    if commit:
        await session.commit()
    return entry
