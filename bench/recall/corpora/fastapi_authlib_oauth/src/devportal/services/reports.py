"""Shareable, optionally password-protected usage reports (``/r/<slug>``)."""

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import SharedReport

SHARE_TTL = timedelta(days=30)


def _share_digest(password: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}{password}".encode()).hexdigest()


async def create_share(
    session: AsyncSession, org_id: int, user_id: int, days: int, password: str | None
) -> SharedReport:
    report = SharedReport(
        slug=secrets.token_urlsafe(5),
        org_id=org_id,
        created_by=user_id,
        days=days,
        expires_at=datetime.now(UTC) + SHARE_TTL,
    )
    if password:
        report.password_salt = secrets.token_hex(16)
        report.password_hash = _share_digest(password, report.password_salt)
    session.add(report)
    await session.commit()
    return report


async def get_active(session: AsyncSession, slug: str) -> SharedReport | None:
    return await session.scalar(
        select(SharedReport).where(SharedReport.slug == slug, SharedReport.expires_at > func.now())
    )


def unlock(report: SharedReport, password: str) -> bool:
    if report.password_hash is None:
        return True
    candidate = _share_digest(password, report.password_salt or "")
    return hmac.compare_digest(candidate, report.password_hash)
