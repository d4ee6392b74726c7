from datetime import datetime

from sqlmodel import Field, SQLModel


class Tenant(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=63)
    name: str
    schema_name: str = Field(max_length=63)
    custom_domain: str | None = None
    certificate_footer: str = ""
    is_active: bool = True
    created_at: datetime = Field(default_factory=datetime.utcnow)
