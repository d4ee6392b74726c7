import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from events.models import Event

from . import services
from .models import Order, Ticket
from .qr import qr_png

logger = logging.getLogger("tixly.orders")


@login_required
def checkout(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    if request.method != "POST":
        return redirect(event.get_absolute_url())

    quantities = {
        key.removeprefix("qty_"): value or 0
        for key, value in request.POST.items()
        if key.startswith("qty_") and key[4:].isdigit() and value.isdigit()
    }
    try:
        order = services.create_order(event, quantities, user=request.user)
    except services.OrderError as exc:
        messages.error(request, str(exc))
        return redirect(event.get_absolute_url())

    client_secret = services.start_payment(order)
    return render(
        request,
        "orders/checkout.html",
        {
            "order": order,
            "event": event,
            "client_secret": client_secret,
            "publishable_key": settings.PAYMENTS["publishable_key"],
            "hold_minutes": settings.PAYMENTS["order_hold_minutes"],
        },
    )


class MyOrdersView(LoginRequiredMixin, ListView):
    template_name = "orders/my_orders.html"
    context_object_name = "orders"
    paginate_by = 20

    def get_queryset(self):
        return (
            Order.objects.filter(user=self.request.user)
            .exclude(status=Order.Status.EXPIRED)
            .select_related("event", "event__venue")
        )


@login_required
def order_detail(request, pk):
    order = get_object_or_404(Order.objects.select_related("event", "event__venue"), pk=pk, user=request.user)
    tickets = Ticket.objects.filter(order_item__order=order).select_related("order_item__ticket_type")
    return render(request, "orders/order_detail.html", {"order": order, "tickets": tickets})


@login_required
@require_POST
def cancel_order(request, pk):
    order = get_object_or_404(Order, pk=pk, user=request.user)
    try:
        services.cancel_order(order)
    except services.OrderError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Your order has been cancelled.")
    return redirect(order.get_absolute_url())


def ticket_detail(request, code):
    ticket = get_object_or_404(Ticket.objects.select_related("event", "event__venue", "order_item__ticket_type"), code=code)
    return render(request, "orders/ticket_detail.html", {"ticket": ticket})


def ticket_qr(request, code):
    ticket = get_object_or_404(Ticket.objects.select_related("event"), code=code)
    response = HttpResponse(qr_png(ticket), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


# the mobile app posts here from an embedded web view
@csrf_exempt
@login_required
@require_POST
def transfer_ticket(request, code):
    ticket = get_object_or_404(Ticket, code=code, order_item__order__user=request.user)
    name = request.POST.get("name", "").strip()
    email = request.POST.get("email", "").strip()
    try:
        validate_email(email)
    except ValidationError:
        messages.error(request, "Please enter a valid email address.")
        return redirect(ticket.order_item.order.get_absolute_url())

    try:
        services.transfer_ticket(ticket, name, email)
    except services.OrderError as exc:
        messages.error(request, str(exc))
    else:
        from .tasks import send_single_ticket

        send_single_ticket.delay(ticket.pk)
        messages.success(request, f"Ticket sent to {email}.")
    return redirect(ticket.order_item.order.get_absolute_url())
