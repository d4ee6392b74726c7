from rest_framework import serializers

from .models import Listing, ListingImage, Shop, ShopInvite


class ListingImageSerializer(serializers.ModelSerializer):
    class Meta:
        model = ListingImage
        fields = ("id", "image", "alt_text", "position")


class ListingSerializer(serializers.ModelSerializer):
    shop = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    images = ListingImageSerializer(many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Listing
        fields = (
            "id", "shop", "title", "slug", "description", "category", "material", "price_cents",
            "currency", "quantity", "is_digital", "status", "images", "url", "created_at",
        )
        read_only_fields = ("slug", "created_at")


class ShopSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.display_name", read_only=True)
    listing_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Shop
        fields = (
            "id", "name", "slug", "tagline", "bio", "banner", "shipping_policy", "returns_policy",
            "vacation_mode", "vacation_message", "owner", "listing_count", "created_at",
        )
        read_only_fields = ("slug", "created_at")


class ShopInviteSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShopInvite
        fields = ("id", "email", "created_at", "accepted_at")
        read_only_fields = ("created_at", "accepted_at")


class StorefrontPasswordSerializer(serializers.Serializer):
    password = serializers.CharField(allow_blank=True, write_only=True, max_length=128)


class APIKeyCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=60)
