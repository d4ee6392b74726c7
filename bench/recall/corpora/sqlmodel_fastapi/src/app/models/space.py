from sqlalchemy import Column, String, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel


class Space(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    host_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=160)
    slug: str = Field(max_length=160, unique=True)
    city: str = Field(max_length=80, index=True)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    amenities: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String), nullable=False))
    capacity: int
    hourly_rate_cents: int
    is_published: bool = False

    @property
    def hourly_rate(self) -> str:
        return f"{self.hourly_rate_cents / 100:.2f}"
