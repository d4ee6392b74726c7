"""Users, organisations and staff accounts."""

import re
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import Membership, Org, StaffUser, User


@dataclass(frozen=True)
class OAuthProfile:
    provider: str
    subject: str
    email: str
    name: str | None
    login: str | None
    avatar_url: str | None


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def get_org_by_slug(session: AsyncSession, slug: str) -> Org | None:
    return await session.scalar(select(Org).where(Org.slug == slug))


async def _unique_slug(session: AsyncSession, base: str) -> str:
    base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")[:48] or "org"
    candidate, n = base, 1
    while await session.scalar(select(Org.id).where(Org.slug == candidate)) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


async def upsert_oauth_user(session: AsyncSession, profile: OAuthProfile) -> User:
    """Find or create the user for a verified OAuth profile; new users get a personal org."""
    if profile.provider == "github":
        user = await session.scalar(select(User).where(User.github_id == int(profile.subject)))
    else:
        user = await session.scalar(select(User).where(User.google_sub == profile.subject))
    if user is None:
        user = await session.scalar(select(User).where(User.email == profile.email.lower()))
    if user is None:
        user = User(email=profile.email.lower())
        org = Org(
            slug=await _unique_slug(session, profile.login or profile.email.split("@")[0]),
            name=f"{profile.name or profile.login or profile.email}'s projects",
        )
        user.memberships.append(Membership(org=org, role="owner"))
        session.add(user)

    if profile.provider == "github":
        user.github_id = int(profile.subject)
    else:
        user.google_sub = profile.subject
    user.name = profile.name or user.name
    user.avatar_url = profile.avatar_url or user.avatar_url
    await session.commit()
    await session.refresh(user, attribute_names=["memberships"])
    return user


async def delete_user(session: AsyncSession, user: User) -> None:
    await session.delete(user)
    await session.commit()


async def deactivate_by_github_id(session: AsyncSession, github_id: int) -> None:
    await session.execute(update(User).where(User.github_id == github_id).values(is_active=False))
    await session.commit()


async def search_users(session: AsyncSession, q: str, limit: int = 50) -> list[User]:
    stmt = select(User).where(or_(User.email.ilike(f"%{q}%"), User.name.ilike(f"%{q}%"))).order_by(User.id.desc())
    return list((await session.scalars(stmt.limit(limit))).all())


async def recent_users(session: AsyncSession, limit: int = 50) -> list[User]:
    return list((await session.scalars(select(User).order_by(User.id.desc()).limit(limit))).all())


async def get_staff(session: AsyncSession, staff_id: int) -> StaffUser | None:
    return await session.get(StaffUser, staff_id)


async def get_staff_by_username(session: AsyncSession, username: str) -> StaffUser | None:
    return await session.scalar(select(StaffUser).where(StaffUser.username == username))
