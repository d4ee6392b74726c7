import logging
from typing import List

from django.shortcuts import get_object_or_404
from jose import JWTError
from ninja import Router

from accounts.auth import BoxOfficeAuth, ScannerAuth
from events.models import Event

from . import services
from .models import Order
from .qr import read_ticket_qr
from .schemas import BoxOfficeSaleIn, CheckInIn, CheckInOut, ErrorOut, OrderCreatedOut, OrderIn, OrderOut

logger = logging.getLogger("tixly.orders")

router = Router(tags=["orders"])


@router.get("/", response=List[OrderOut])
def my_orders(request):
    return Order.objects.filter(user=request.auth).exclude(status=Order.Status.EXPIRED)


@router.get("/{int:order_id}", response=OrderOut)
def get_order(request, order_id: int):
    return get_object_or_404(Order, pk=order_id, user=request.auth)


@router.post("/", response={201: OrderCreatedOut, 400: ErrorOut})
def place_order(request, payload: OrderIn):
    event = get_object_or_404(Event.objects.published(), slug=payload.event_slug)
    try:
        order = services.create_order(event, payload.quantities, user=request.auth)
    except services.OrderError as exc:
        return 400, {"detail": str(exc)}
    return 201, {"order": order, "client_secret": services.start_payment(order)}


@router.post("/check-in", response={200: CheckInOut, 400: CheckInOut}, auth=ScannerAuth())
def check_in(request, payload: CheckInIn):
    try:
        claims = read_ticket_qr(payload.qr)
    except JWTError:
        return 400, {"result": "invalid"}
    ticket, result = services.check_in(claims["tid"], claims["code"], request.auth)
    if ticket is None:
        return 400, {"result": result}
    body = {
        "result": result,
        "ticket_id": ticket.pk,
        "holder_name": ticket.holder_name,
        "ticket_type": ticket.order_item.ticket_type.name,
    }
    return (200 if result == "ok" else 400), body


@router.post("/box-office/sale", response={201: OrderOut, 400: ErrorOut}, auth=BoxOfficeAuth())
def box_office_sale(request, payload: BoxOfficeSaleIn):
    event = get_object_or_404(Event, slug=payload.event_slug)
    try:
        order = services.create_order(event, payload.quantities, email=payload.email or "", channel="box_office")
        if payload.paid_cash:
            order = services.mark_paid(order)
    except services.OrderError as exc:
        return 400, {"detail": str(exc)}
    logger.info("Box office sale: order %s, %s", order.pk, order.total)
    return 201, order
