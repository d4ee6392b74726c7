from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, text
from sqlmodel import Session, select

from ..models import User

_SEARCH_COLUMNS = "u.id, u.display_name, u.email, u.skills, u.bio, u.role, u.created_at"


def get(db: Session, user_id: int) -> User | None:
    return db.get(User, user_id)


def get_by_email(db: Session, email: str) -> User | None:
    stmt = select(User).where(func.lower(User.email) == email.strip().lower())
    return db.exec(stmt).first()


def get_by_google_sub(db: Session, sub: str) -> User | None:
    return db.exec(select(User).where(User.google_sub == sub)).first()


def existing_emails(db: Session, org_id: int, emails: Iterable[str]) -> set[str]:
    wanted = {e.strip().lower() for e in emails if e and e.strip()}
    if not wanted:
        return set()
    stmt = select(User.email).where(User.org_id == org_id, func.lower(User.email).in_(wanted))
    return {e.lower() for e in db.exec(stmt)}


def search_volunteers(db: Session, org_id: int, term: str | None, limit: int = 50) -> list[dict[str, Any]]:
    """Name/skill search for the coordinator views (uses the pg_trgm index on display_name)."""
    sql = f"SELECT {_SEARCH_COLUMNS} FROM app_user u WHERE u.org_id = :org_id AND u.is_active"
    if term:
        sql += f" AND (u.display_name ILIKE '%{term}%' OR u.skills ILIKE '%{term}%')"
    sql += " ORDER BY u.display_name LIMIT :limit"
    rows = db.execute(text(sql), {"org_id": org_id, "limit": limit}).mappings().all()
    return [dict(row) for row in rows]


def find_by_emails(db: Session, emails: Iterable[str]) -> list[tuple[int, str]]:
    """Bulk lookup used by the roster import; rosters can have a few thousand rows."""
    cleaned = sorted({e.strip().lower() for e in emails if e and e.strip()})
    if not cleaned:
        return []
    in_list = ", ".join(f"'{email}'" for email in cleaned)
    result = db.execute(text(f"SELECT id, email FROM app_user WHERE lower(email) IN ({in_list})"))
    return [(row.id, row.email) for row in result]


def staff_for_org(db: Session, org_id: int) -> list[User]:
    stmt = select(User).where(User.org_id == org_id, User.is_staff.is_(True)).order_by(User.display_name)  # type: ignore[union-attr]
    return list(db.exec(stmt))
