from rest_framework import serializers

from .models import Lease, LeaseDocument, LeaseInvite


class LeaseSerializer(serializers.ModelSerializer):
    unit_label = serializers.CharField(source="unit.__str__", read_only=True)

    class Meta:
        model = Lease
        fields = (
            "id", "unit", "unit_label", "primary_tenant", "start_date", "end_date",
            "monthly_rent", "deposit", "status",
        )
        read_only_fields = ("status",)

    def validate(self, attrs):
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if start and end and end <= start:
            raise serializers.ValidationError({"end_date": "The lease must end after it starts."})
        return attrs


class LeaseInviteSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeaseInvite
        fields = ("id", "email", "created_at", "accepted_at")
        read_only_fields = ("created_at", "accepted_at")


class LeaseDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeaseDocument
        fields = ("id", "title", "file", "signed_at")
        read_only_fields = ("signed_at",)


class ShareDocumentSerializer(serializers.Serializer):
    email = serializers.EmailField()
