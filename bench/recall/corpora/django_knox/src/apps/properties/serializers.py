from rest_framework import serializers

from .models import Building, Listing, ShowingPass, Unit


class BuildingSerializer(serializers.ModelSerializer):
    unit_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Building
        fields = ("id", "code", "name", "street", "city", "postal_code", "unit_count")


class ListingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Listing
        fields = ("headline", "description", "available_from", "published_at")
        read_only_fields = ("published_at",)


class UnitSerializer(serializers.ModelSerializer):
    building_code = serializers.CharField(source="building.code", read_only=True)
    listing = ListingSerializer(read_only=True)

    class Meta:
        model = Unit
        fields = (
            "id", "building", "building_code", "number", "bedrooms", "bathrooms",
            "square_feet", "market_rent", "status", "is_listed", "listing",
        )

    def validate_building(self, building):
        user = self.context["request"].user
        if building.portfolio_id != user.portfolio_id:
            raise serializers.ValidationError("Unknown building.")
        return building

    def validate(self, attrs):
        if attrs.get("is_listed") and attrs.get("status", getattr(self.instance, "status", None)) == Unit.Status.OCCUPIED:
            raise serializers.ValidationError({"is_listed": "Occupied units cannot be listed."})
        return attrs


class ShowingRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    phone = serializers.RegexField(r"^\+?[0-9 ()-]{7,20}$")
    start = serializers.DateTimeField(required=False)


class ShowingPassSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShowingPass
        fields = ("id", "unit", "prospect_email", "valid_from", "valid_until")
