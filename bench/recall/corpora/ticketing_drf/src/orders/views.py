from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_ratelimit.decorators import ratelimit
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.authentication import ScannerDeviceAuthentication
from accounts.permissions import IsOrderOwner, IsScannerDevice

from . import services
from .models import Order
from .serializers import CheckInSerializer, OrderCreateSerializer, OrderSerializer
from .tasks import send_order_confirmation
from .tickets import read_ticket_token


class OrderViewSet(mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated, IsOrderOwner]
    throttle_scope = "checkout"
    lookup_field = "reference"

    def get_queryset(self):
        return (
            Order.objects.filter(customer=self.request.user)
            .select_related("event")
            .prefetch_related("items__ticket_type", "tickets")
            .order_by("-created_at")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return OrderCreateSerializer
        return OrderSerializer

    def create(self, request, *args, **kwargs):
        serializer = OrderCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            order = services.create_order(
                customer=request.user,
                event=data["event"],
                lines=[(line["ticket_type"], line["quantity"]) for line in data["lines"]],
                gift_message=data.get("gift_message", ""),
            )
        except services.SoldOut as exc:
            return Response({"detail": f"Sold out: {exc}"}, status=status.HTTP_409_CONFLICT)
        return Response(OrderSerializer(order).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["get"])
    def summary(self, request, reference=None):
        order = self.get_object()
        if order.event.organizer_id != request.user.pk:
            return Response(status=status.HTTP_403_FORBIDDEN)
        return Response(services.sales_summary(order.event_id))


class CheckInView(APIView):
    authentication_classes = [ScannerDeviceAuthentication]
    permission_classes = [IsScannerDevice]
    throttle_classes = []

    def post(self, request):
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket_id, event_id = read_ticket_token(serializer.validated_data["code"])
        device = request.auth
        if not services.check_in(ticket_id, event_id, device.venue_id):
            return Response({"result": "rejected"}, status=status.HTTP_409_CONFLICT)
        return Response({"result": "admitted", "ticket": ticket_id})


class ReceiptView(LoginRequiredMixin, DetailView):
    template_name = "orders/receipt.html"
    context_object_name = "order"
    slug_field = "reference"
    slug_url_kwarg = "reference"

    def get_queryset(self):
        return (
            Order.objects.filter(customer=self.request.user)
            .select_related("event", "event__venue")
            .prefetch_related("items__ticket_type", "tickets")
        )


@login_required
def receipt_lookup(request):
    ref = request.GET.get("ref", "").strip()
    order = Order.objects.filter(customer=request.user, reference__iexact=ref).first()
    if order is None:
        return HttpResponse(
            "<html><body><p>We couldn't find an order with reference <b>" + ref + "</b>.</p>"
            "<p><a href='/orders/'>Back to my orders</a></p></body></html>",
            status=404,
        )
    return redirect("orders:receipt", reference=order.reference)


@login_required
@require_POST
@ratelimit(key="user", rate="3/h", method="POST", block=True)
def resend_receipt(request, reference):
    order = get_object_or_404(Order, customer=request.user, reference=reference)
    if order.status != Order.Status.PAID:
        raise Http404
    send_order_confirmation.delay(order.pk)
    messages.success(request, "We've sent your receipt again.")
    return redirect("orders:receipt", reference=order.reference)


@login_required
@require_POST
def request_refund(request, reference):
    order = get_object_or_404(Order, customer=request.user, reference=reference, status=Order.Status.PAID)
    order.status = Order.Status.REFUNDED
    order.save(update_fields=["status"])
    messages.info(request, "Your refund request has been received.")
    return redirect("orders:receipt", reference=order.reference)
