from datetime import datetime
from typing import Any

from sqlalchemy import Column
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models.base import created_at_field, optional_ts_field


class BillingEvent(SQLModel, table=True):
    """Every webhook we accepted, keyed by the provider's event id for idempotency."""

    __tablename__ = "billing_events"

    id: int | None = Field(default=None, primary_key=True)
    provider_event_id: str = Field(unique=True, max_length=255)
    type: str = Field(max_length=120, index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB))
    received_at: datetime = created_at_field()
    processed_at: datetime | None = optional_ts_field()


class Subscription(SQLModel, table=True):
    __tablename__ = "subscriptions"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", unique=True)
    stripe_subscription_id: str = Field(max_length=255, unique=True)
    status: str = Field(max_length=40)
    price_id: str = Field(max_length=120)
    current_period_end: datetime | None = optional_ts_field()
    cancel_at_period_end: bool = False
    updated_at: datetime = created_at_field()
