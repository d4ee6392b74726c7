from sqlmodel import Session, select

from app.models import Partner, WebhookEndpoint


def get_by_key_prefix(session: Session, prefix: str) -> Partner | None:
    return session.exec(select(Partner).where(Partner.key_prefix == prefix, Partner.is_active)).first()


def get_by_client_id(session: Session, client_id: str) -> Partner | None:
    return session.exec(select(Partner).where(Partner.client_id == client_id)).first()


def webhooks_for_event(session: Session, tenant_id: int, event: str) -> list[WebhookEndpoint]:
    stmt = select(WebhookEndpoint).where(
        WebhookEndpoint.tenant_id == tenant_id,
        WebhookEndpoint.is_active,
        WebhookEndpoint.events.contains(event),
    )
    return list(session.exec(stmt).all())
