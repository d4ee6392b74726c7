import logging
import os
from datetime import datetime, timezone
from typing import Any

import stripe
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import BillingEvent, Project, Subscription
from app.models.project import Plan
from app.utils.timeutil import utcnow

logger = logging.getLogger(__name__)

if settings.stripe_api_key is not None:
    stripe.api_key = settings.stripe_api_key.get_secret_value()

WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_4Rk9pXe2LqV7bN1sTz8Hc3Wm6Fy0Ja5D")

PRICE_TO_PLAN = {price: Plan(plan) for plan, price in settings.stripe_prices.items()}


def construct_event(payload: bytes, signature: str) -> stripe.Event:
    return stripe.Webhook.construct_event(payload, signature, WEBHOOK_SECRET)


async def _already_processed(session: AsyncSession, event_id: str) -> bool:
    stmt = select(BillingEvent).where(BillingEvent.provider_event_id == event_id)
    return (await session.exec(stmt)).first() is not None


def _ts(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, tz=timezone.utc) if value else None


async def _project_for_customer(session: AsyncSession, customer_id: str) -> Project | None:
    stmt = select(Project).where(Project.stripe_customer_id == customer_id)
    return (await session.exec(stmt)).first()


async def _on_checkout_completed(session: AsyncSession, obj: dict[str, Any]) -> None:
    project = await session.get(Project, int(obj["client_reference_id"]))
    if project is None:
        logger.warning("checkout for unknown project %s", obj.get("client_reference_id"))
        return
    project.stripe_customer_id = obj["customer"]
    session.add(project)


async def _on_subscription_changed(session: AsyncSession, obj: dict[str, Any]) -> None:
    project = await _project_for_customer(session, obj["customer"])
    if project is None:
        logger.warning("subscription event for unknown customer %s", obj["customer"])
        return
    price_id = obj["items"]["data"][0]["price"]["id"]
    stmt = select(Subscription).where(Subscription.project_id == project.id)
    sub = (await session.exec(stmt)).first() or Subscription(
        project_id=project.id, stripe_subscription_id=obj["id"], status="", price_id=price_id
    )
    sub.status = obj["status"]
    sub.price_id = price_id
    sub.current_period_end = _ts(obj.get("current_period_end"))
    sub.cancel_at_period_end = bool(obj.get("cancel_at_period_end"))
    sub.updated_at = utcnow()
    session.add(sub)

    if obj["status"] in ("active", "trialing"):
        project.plan = PRICE_TO_PLAN.get(price_id, Plan.starter)
        project.status = "active"
    elif obj["status"] in ("canceled", "unpaid", "incomplete_expired"):
        project.plan = Plan.free
    elif obj["status"] == "past_due":
        project.status = "past_due"
    session.add(project)


HANDLERS = {
    "checkout.session.completed": _on_checkout_completed,
    "customer.subscription.created": _on_subscription_changed,
    "customer.subscription.updated": _on_subscription_changed,
    "customer.subscription.deleted": _on_subscription_changed,
}


async def handle_event(session: AsyncSession, event: stripe.Event) -> bool:
    if await _already_processed(session, event["id"]):
        logger.info("stripe event %s already processed", event["id"])
        return False
    record = BillingEvent(
        provider_event_id=event["id"], type=event["type"], payload=event.to_dict()
    )
    session.add(record)
    handler = HANDLERS.get(event["type"])
    if handler is not None:
        await handler(session, event["data"]["object"])
    record.processed_at = utcnow()
    await session.commit()
    return True
