from django.db import transaction
from rest_framework import serializers

from clients.models import Client, ClientContact
from documents.models import Document
from invoices import services as invoice_services
from invoices.models import Invoice, LineItem


class ClientContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClientContact
        fields = ["id", "name", "email", "portal_enabled", "last_portal_login"]
        read_only_fields = ["last_portal_login"]


class ClientSerializer(serializers.ModelSerializer):
    contacts = ClientContactSerializer(many=True, read_only=True)
    open_balance_cents = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Client
        fields = [
            "id",
            "name",
            "company_name",
            "client_type",
            "email",
            "phone",
            "tax_id",
            "address",
            "notes",
            "archived_at",
            "contacts",
            "open_balance_cents",
        ]
        read_only_fields = ["archived_at"]


class LineItemSerializer(serializers.ModelSerializer):
    amount_cents = serializers.IntegerField(read_only=True)

    class Meta:
        model = LineItem
        fields = ["id", "description", "quantity", "unit_price_cents", "tax_rate", "position", "amount_cents"]


class InvoiceSerializer(serializers.ModelSerializer):
    items = LineItemSerializer(many=True)
    client_name = serializers.CharField(source="client.__str__", read_only=True)

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "status",
            "client",
            "client_name",
            "currency",
            "issue_date",
            "due_date",
            "subtotal_cents",
            "tax_cents",
            "total_cents",
            "paid_cents",
            "notes",
            "items",
        ]
        read_only_fields = ["number", "status", "subtotal_cents", "tax_cents", "total_cents", "paid_cents"]

    def validate_client(self, client):
        if client.tenant_id != self.context["request"].tenant.pk:
            raise serializers.ValidationError("Unknown client.")
        return client

    @transaction.atomic
    def create(self, validated_data):
        items = validated_data.pop("items", [])
        tenant = self.context["request"].tenant
        invoice = Invoice.objects.create(
            tenant=tenant,
            number=invoice_services.allocate_number(tenant),
            **validated_data,
        )
        for position, item in enumerate(items):
            LineItem.objects.create(invoice=invoice, position=position, **item)
        invoice.recalculate()
        invoice.save()
        return invoice

    @transaction.atomic
    def update(self, instance, validated_data):
        if instance.status != Invoice.STATUS_DRAFT:
            raise serializers.ValidationError("Only draft invoices can be changed.")
        items = validated_data.pop("items", None)
        for attr, value in validated_data.items():
            setattr(instance, attr, value)
        if items is not None:
            instance.items.all().delete()
            for position, item in enumerate(items):
                LineItem.objects.create(invoice=instance, position=position, **item)
        instance.recalculate()
        instance.save()
        return instance


class PaymentSerializer(serializers.Serializer):
    amount_cents = serializers.IntegerField(min_value=1, required=False)


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "original_name", "content_type", "size", "client", "source", "shared_with_client", "created_at"]
        read_only_fields = ["original_name", "content_type", "size", "source", "created_at"]


class MobileLoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, write_only=True)
    tenant = serializers.SlugField()
