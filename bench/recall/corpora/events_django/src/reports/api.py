from datetime import date, timedelta
from typing import List, Optional

from ninja import Router, Schema

from accounts.auth import StaffBearer

from . import queries

router = Router(tags=["reports"], auth=StaffBearer())


class VenueSalesOut(Schema):
    venue: str
    city: str
    events: int
    tickets: int
    revenue: float


class DailyRevenueOut(Schema):
    day: date
    revenue: float
    orders: int


@router.get("/sales/venues", response=List[VenueSalesOut])
def venue_sales(
    request,
    start: Optional[date] = None,
    end: Optional[date] = None,
    order_by: str = "revenue",
    direction: str = "desc",
):
    end = end or date.today()
    start = start or end - timedelta(days=30)
    return queries.sales_by_venue(start, end, order_by, direction)


@router.get("/revenue/daily", response=List[DailyRevenueOut])
def revenue_daily(request, days: int = 30):
    return queries.daily_revenue(min(max(days, 1), 365))
