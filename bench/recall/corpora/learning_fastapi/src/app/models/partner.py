from datetime import datetime

from sqlmodel import Field, SQLModel


class Partner(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    name: str
    client_id: str = Field(index=True, unique=True)
    client_secret_hash: str
    api_key: str = Field(index=True)
    key_prefix: str = Field(index=True, max_length=12)
    is_active: bool = True
    created_at: datetime = Field(default_factory=datetime.utcnow)


class WebhookEndpoint(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    partner_id: int | None = Field(default=None, foreign_key="partner.id")
    url: str
    secret: str
    events: str = "enrolment.created,enrolment.completed"
    is_active: bool = True
