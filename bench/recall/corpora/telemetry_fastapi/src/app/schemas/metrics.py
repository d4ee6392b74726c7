from datetime import datetime

from pydantic import BaseModel


class SeriesPoint(BaseModel):
    bucket: datetime
    count: int
    unique_users: int


class Series(BaseModel):
    event: str
    resolution: str
    points: list[SeriesPoint]
    color: str


class BreakdownRow(BaseModel):
    bucket: datetime
    value: str | None
    count: int
