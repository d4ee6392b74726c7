from rest_framework import serializers

from .models import Event, TicketType, Venue


class VenueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Venue
        fields = ["id", "name", "city", "address", "capacity"]


class TicketTypeSerializer(serializers.ModelSerializer):
    remaining = serializers.IntegerField(read_only=True)

    class Meta:
        model = TicketType
        fields = ["id", "name", "price", "quantity", "remaining", "sales_end"]


class EventSerializer(serializers.ModelSerializer):
    venue = VenueSerializer(read_only=True)
    venue_id = serializers.PrimaryKeyRelatedField(source="venue", queryset=Venue.objects.all(), write_only=True)
    ticket_types = TicketTypeSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "title", "slug", "description", "starts_at", "ends_at", "is_published",
            "min_price", "max_price", "venue", "venue_id", "ticket_types",
        ]

    def validate(self, attrs):
        if attrs.get("ends_at") and attrs.get("starts_at") and attrs["ends_at"] <= attrs["starts_at"]:
            raise serializers.ValidationError({"ends_at": "An event must end after it starts."})
        return attrs
