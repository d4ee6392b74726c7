from datetime import datetime
from decimal import Decimal
from typing import Dict, List, Optional

from ninja import Schema
from pydantic import EmailStr, Field


class OrderItemOut(Schema):
    ticket_type: str = Field(..., alias="ticket_type.name")
    quantity: int
    unit_price: Decimal


class OrderOut(Schema):
    id: int
    event_id: int
    status: str
    total: Decimal
    currency: str
    created_at: datetime
    paid_at: Optional[datetime]
    items: List[OrderItemOut]

    @staticmethod
    def resolve_items(obj):
        return list(obj.items.select_related("ticket_type"))


class OrderIn(Schema):
    event_slug: str
    quantities: Dict[int, int]


class OrderCreatedOut(Schema):
    order: OrderOut
    client_secret: str


class CheckInIn(Schema):
    qr: str


class CheckInOut(Schema):
    result: str
    ticket_id: Optional[int] = None
    holder_name: Optional[str] = None
    ticket_type: Optional[str] = None


class BoxOfficeSaleIn(Schema):
    event_slug: str
    quantities: Dict[int, int]
    email: Optional[EmailStr] = None
    paid_cash: bool = True


class ErrorOut(Schema):
    detail: str
