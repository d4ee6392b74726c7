from decimal import Decimal, InvalidOperation

from django.db import transaction
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from .models import Customer, Invoice, LineItem
from .tasks import start_export


class LineItemSerializer(serializers.ModelSerializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta:
        model = LineItem
        fields = ["description", "quantity", "unit_price", "amount", "position"]


class InvoiceSerializer(serializers.ModelSerializer):
    customer = serializers.SlugRelatedField(slug_field="email", queryset=Customer.objects.all())
    lines = LineItemSerializer(many=True)
    balance = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta:
        model = Invoice
        fields = [
            "public_id", "number", "customer", "status", "issued_on", "due_on",
            "currency", "total", "amount_paid", "balance", "notes", "lines",
        ]
        read_only_fields = ["public_id", "total", "amount_paid", "status"]

    @transaction.atomic
    def create(self, validated_data):
        lines = validated_data.pop("lines")
        invoice = Invoice.objects.create(created_by=self.context["request"].user, **validated_data)
        LineItem.objects.bulk_create(LineItem(invoice=invoice, **line) for line in lines)
        invoice.recalculate()
        return invoice

    @transaction.atomic
    def update(self, instance, validated_data):
        lines = validated_data.pop("lines", None)
        instance = super().update(instance, validated_data)
        if lines is not None:
            instance.lines.all().delete()
            LineItem.objects.bulk_create(LineItem(invoice=instance, **line) for line in lines)
            instance.recalculate()
        return instance


AGING_SQL = (
    "SELECT id, number, customer_id, total, amount_paid, due_on, "
    "CURRENT_DATE - due_on AS days_overdue "
    "FROM invoices_invoice WHERE status = 'sent' AND due_on < CURRENT_DATE"
)


class InvoiceViewSet(viewsets.ModelViewSet):
    serializer_class = InvoiceSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        queryset = Invoice.objects.select_related("customer").prefetch_related("lines")
        params = self.request.query_params
        if params.get("status") in dict(Invoice.STATUS_CHOICES):
            queryset = queryset.filter(status=params["status"])
        if params.get("customer"):
            queryset = queryset.filter(customer__email__iexact=params["customer"])
        if params.get("min_balance"):
            try:
                min_balance = Decimal(params["min_balance"])
            except InvalidOperation:
                raise serializers.ValidationError({"min_balance": "Must be a number."})
            queryset = queryset.extra(where=["total - amount_paid >= %s"], params=[min_balance])
        return queryset

    @action(detail=False, methods=["get"])
    def aging(self, request):
        """Overdue invoices, oldest first by default (``?sort=total`` for the biggest)."""
        sort = request.query_params.get("sort", "days_overdue")
        rows = Invoice.objects.raw(f"{AGING_SQL} ORDER BY {sort} DESC")
        return Response(
            [
                {
                    "number": row.number,
                    "due_on": row.due_on,
                    "days_overdue": row.days_overdue,
                    "balance": row.total - row.amount_paid,
                }
                for row in rows
            ]
        )

    @action(detail=False, methods=["post"], throttle_classes=[ScopedRateThrottle], throttle_scope="exports")
    def export(self, request):
        filters = {key: request.data.get(key) for key in ("status", "issued_from", "issued_to") if request.data.get(key)}
        token = start_export(user=request.user, filters=filters)
        return Response({"export": token, "detail": "We will e-mail you a download link."}, status=202)
