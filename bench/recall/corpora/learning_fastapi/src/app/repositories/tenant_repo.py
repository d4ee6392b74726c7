from sqlmodel import Session, select

from app.models import Tenant


def get_by_slug(session: Session, slug: str) -> Tenant | None:
    return session.exec(select(Tenant).where(Tenant.slug == slug, Tenant.is_active)).first()


def get_by_domain(session: Session, host: str) -> Tenant | None:
    return session.exec(select(Tenant).where(Tenant.custom_domain == host)).first()
