from datetime import date, datetime
from decimal import Decimal
from typing import Optional

from ninja import ModelSchema, Schema
from pydantic import Field

from .models import Expense


class ExpenseIn(Schema):
    category: str
    incurred_on: date
    merchant: str = Field(max_length=120)
    amount: Decimal = Field(gt=0, max_digits=10, decimal_places=2)
    currency: str = Field(default="GBP", min_length=3, max_length=3)
    notes: str = Field(default="", max_length=4000)


class ExpenseOut(ModelSchema):
    category: str
    has_receipt: bool

    class Meta:
        model = Expense
        fields = ["id", "incurred_on", "merchant", "amount", "currency", "notes", "status", "submitted_at"]

    @staticmethod
    def resolve_category(obj):
        return obj.category.code

    @staticmethod
    def resolve_has_receipt(obj):
        return bool(obj.receipt)


class SharedReceiptOut(Schema):
    merchant: str
    amount: Decimal
    currency: str
    incurred_on: date
    employee: str
    receipt_url: Optional[str]
    reviewed_at: Optional[datetime]
