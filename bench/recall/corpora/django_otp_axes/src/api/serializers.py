from rest_framework import serializers

from expenses.models import Claim, ClaimLine, Receipt


class ClaimLineSerializer(serializers.ModelSerializer):
    category = serializers.StringRelatedField()

    class Meta:
        model = ClaimLine
        fields = ["id", "category", "spent_on", "merchant", "amount", "currency"]


class ClaimSerializer(serializers.ModelSerializer):
    lines = ClaimLineSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = ["id", "title", "status", "created_at", "lines"]


class ReceiptUploadSerializer(serializers.Serializer):
    image = serializers.FileField()
    line_id = serializers.IntegerField(required=False)


class ReceiptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Receipt
        fields = ["id", "uploaded_at", "content_hash"]


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)
