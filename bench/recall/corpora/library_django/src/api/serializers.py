from rest_framework import serializers

from catalogue.models import Branch, Title
from circulation.models import Hold, Loan


class BranchSerializer(serializers.ModelSerializer):
    class Meta:
        model = Branch
        fields = ["id", "code", "name", "slug", "address", "postcode", "phone", "email",
                  "opening_hours", "notice"]


class TitleSerializer(serializers.ModelSerializer):
    available_copies = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Title
        fields = ["id", "isbn", "title", "author", "publisher", "year", "format", "subjects",
                  "summary_html", "cover_url", "available_copies"]


class LoanSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="copy.title.title", read_only=True)
    barcode = serializers.CharField(source="copy.barcode", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    can_renew = serializers.BooleanField(read_only=True)

    class Meta:
        model = Loan
        fields = ["id", "title", "barcode", "issued_at", "due_date", "renewals", "is_overdue",
                  "can_renew"]


class HoldSerializer(serializers.ModelSerializer):
    title_name = serializers.CharField(source="title.title", read_only=True)
    queue_position = serializers.IntegerField(read_only=True)

    class Meta:
        model = Hold
        fields = ["id", "title", "title_name", "pickup_branch", "status", "placed_at",
                  "ready_at", "expires_at", "queue_position"]
        read_only_fields = ["status", "placed_at", "ready_at", "expires_at"]


class KioskLoginSerializer(serializers.Serializer):
    card_number = serializers.CharField(max_length=20)
    pin = serializers.RegexField(r"^\d{4,6}$")


class KioskCheckoutSerializer(serializers.Serializer):
    barcode = serializers.CharField(max_length=20)


class LockerCollectSerializer(serializers.Serializer):
    pickup_code = serializers.CharField(max_length=12)


class AvailabilityQuerySerializer(serializers.Serializer):
    isbns = serializers.ListField(child=serializers.CharField(max_length=17), max_length=100)
