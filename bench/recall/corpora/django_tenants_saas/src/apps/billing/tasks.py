import logging
import random

from celery import shared_task
from django.conf import settings

from apps.tenants.models import Client

from .paddle import PaddleClient, PaddleError

logger = logging.getLogger(__name__)


def _plan_for(subscription: dict, default: str) -> str:
    plans_by_price = {price_id: plan for plan, price_id in settings.PADDLE_PRICE_IDS.items()}
    for item in subscription.get("items", []):
        plan = plans_by_price.get(item.get("price", {}).get("id"))
        if plan:
            return plan
    return default


def _apply_subscription(tenant: Client, subscription: dict) -> None:
    tenant.paddle_subscription_id = subscription["id"]
    tenant.paddle_customer_id = subscription.get("customer_id") or tenant.paddle_customer_id
    tenant.subscription_status = subscription.get("status", tenant.subscription_status)
    tenant.plan = _plan_for(subscription, tenant.plan)
    tenant.save(update_fields=["paddle_subscription_id", "paddle_customer_id", "subscription_status", "plan"])


@shared_task(acks_late=True)
def handle_paddle_event(event: dict) -> None:
    data = event.get("data") or {}
    schema = (data.get("custom_data") or {}).get("tenant_schema")
    tenant = Client.objects.filter(schema_name=schema).first() if schema else None
    if tenant is None:
        logger.warning("Paddle event %s does not reference a known tenant", event.get("event_id"))
        return

    if event["event_type"].startswith("subscription."):
        _apply_subscription(tenant, data)
    logger.info("Applied Paddle %s to tenant %s", event["event_type"], tenant.pk)


@shared_task(bind=True, max_retries=3)
def sync_subscriptions(self) -> None:
    """Safety net for missed notifications: re-read every active subscription."""
    client = PaddleClient()
    for tenant in Client.objects.exclude(paddle_subscription_id=""):
        try:
            subscription = client.get_subscription(tenant.paddle_subscription_id)
        except PaddleError as exc:
            raise self.retry(exc=exc, countdown=60 + random.randint(0, 120))
        _apply_subscription(tenant, subscription)
