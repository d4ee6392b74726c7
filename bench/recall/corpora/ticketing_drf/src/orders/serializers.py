from rest_framework import serializers

from events.models import Event

from .models import Order, OrderItem, Ticket


class OrderLineSerializer(serializers.Serializer):
    ticket_type = serializers.IntegerField()
    quantity = serializers.IntegerField(min_value=1, max_value=10)


class OrderCreateSerializer(serializers.Serializer):
    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.filter(is_published=True))
    lines = OrderLineSerializer(many=True)
    gift_message = serializers.CharField(required=False, allow_blank=True, max_length=500)


class OrderItemSerializer(serializers.ModelSerializer):
    ticket_type = serializers.StringRelatedField()

    class Meta:
        model = OrderItem
        fields = ["ticket_type", "quantity", "unit_price"]


class TicketSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ticket
        fields = ["id", "holder_name", "seat", "checked_in_at"]
        read_only_fields = ["id", "seat", "checked_in_at"]


class OrderSerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True, read_only=True)
    tickets = TicketSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["reference", "event", "status", "total", "currency", "gift_message", "items", "tickets", "created_at"]
        read_only_fields = fields


class CheckInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=2048)
