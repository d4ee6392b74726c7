from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

MAX_PROPERTIES = 200


class IngestEvent(BaseModel):
    event: str = Field(min_length=1, max_length=200)
    distinct_id: str = Field(min_length=1, max_length=200)
    timestamp: datetime | None = None
    properties: dict[str, Any] = Field(default_factory=dict)

    @field_validator("properties")
    @classmethod
    def _limit_properties(cls, value: dict[str, Any]) -> dict[str, Any]:
        if len(value) > MAX_PROPERTIES:
            raise ValueError(f"at most {MAX_PROPERTIES} properties per event")
        return value


class IngestBatch(BaseModel):
    events: list[IngestEvent] = Field(min_length=1)
    sent_at: datetime | None = None
    sdk: str | None = Field(default=None, max_length=64)


class IngestResult(BaseModel):
    status: str = "ok"
    accepted: int
    batch_id: str
