from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from rest_framework import serializers

from events.models import EventPage
from members.models import MemberProfile


class VenueSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()
    region = serializers.CharField()
    accessible = serializers.BooleanField()


class EventSerializer(serializers.ModelSerializer):
    venue = VenueSerializer(read_only=True)
    url = serializers.CharField(source="full_url", read_only=True)
    distance = serializers.FloatField(read_only=True, required=False)

    class Meta:
        model = EventPage
        fields = ["id", "title", "url", "start", "end", "region", "summary", "venue", "price_note", "ticket_url", "distance"]


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, trim_whitespace=False)


class RegistrationSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, trim_whitespace=False, min_length=10)
    display_name = serializers.CharField(max_length=120)
    region = serializers.CharField(max_length=20, required=False, allow_blank=True)

    def validate_email(self, value):
        User = get_user_model()
        if User.objects.filter(email__iexact=value).exists():
            raise serializers.ValidationError("An account with this email already exists.")
        return value.lower()

    def validate(self, attrs):
        validate_password(attrs["password"])
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        User = get_user_model()
        user = User.objects.create_user(
            username=validated_data["email"],
            email=validated_data["email"],
            password=validated_data["password"],
        )
        MemberProfile.objects.create(
            user=user,
            display_name=validated_data["display_name"],
            region=validated_data.get("region", ""),
        )
        return user
