from datetime import date, datetime
from decimal import Decimal
from typing import List, Optional

from ninja import FilterSchema, Schema
from pydantic import Field


class VenueRef(Schema):
    id: int
    name: str
    city: str


class TicketTypeOut(Schema):
    id: int
    name: str
    description: str
    price: Decimal
    remaining: int
    max_per_order: int


class EventOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    city: str
    starts_at: datetime
    ends_at: datetime
    status: str
    venue: VenueRef
    category: Optional[str] = Field(None, alias="category.name")


class EventDetailOut(EventOut):
    description: str
    doors_open_at: Optional[datetime]
    age_restriction: Optional[int]
    ticket_types: List[TicketTypeOut]

    @staticmethod
    def resolve_ticket_types(obj):
        return list(obj.ticket_types.all())


class TicketTypeIn(Schema):
    name: str
    description: str = ""
    price: Decimal = Field(ge=0)
    quantity: int = Field(gt=0)
    max_per_order: int = 10


class EventIn(Schema):
    title: str = Field(max_length=200)
    venue_id: int
    category_id: Optional[int] = None
    summary: str = ""
    description: str = ""
    starts_at: datetime
    ends_at: datetime
    doors_open_at: Optional[datetime] = None
    age_restriction: Optional[int] = None
    ticket_types: List[TicketTypeIn] = []


class EventFilter(FilterSchema):
    q: Optional[str] = Field(None, q=["title__icontains", "summary__icontains"])
    city: Optional[str] = Field(None, q="city__iexact")
    category: Optional[str] = Field(None, q="category__slug")
    date_from: Optional[date] = Field(None, q="starts_at__date__gte")
    date_to: Optional[date] = Field(None, q="starts_at__date__lte")
