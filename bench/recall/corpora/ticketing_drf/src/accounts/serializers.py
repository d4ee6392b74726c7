from django.contrib.auth import password_validation
from rest_framework import serializers

from .models import ScannerDevice, User


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "username", "display_name", "email_verified", "marketing_opt_in", "is_organizer"]
        read_only_fields = ["id", "email_verified", "is_organizer"]


class RegisterSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, min_length=10)
    password_confirm = serializers.CharField(write_only=True)

    class Meta:
        model = User
        fields = ["email", "username", "display_name", "password", "password_confirm", "marketing_opt_in"]

    def validate(self, attrs):
        if attrs["password"] != attrs["password_confirm"]:
            raise serializers.ValidationError({"password_confirm": "Passwords do not match."})
        password_validation.validate_password(attrs["password"])
        return attrs

    def create(self, validated_data):
        validated_data.pop("password_confirm", None)
        validated_data["email"] = validated_data["email"].lower()
        user = User.objects.create(**validated_data)
        return user


class ChangePasswordSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True)
    new_password = serializers.CharField(write_only=True, min_length=10)

    def validate_current_password(self, value):
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError("Current password is incorrect.")
        return value

    def validate_new_password(self, value):
        password_validation.validate_password(value, self.context["request"].user)
        return value

    def save(self, **kwargs):
        user = self.context["request"].user
        user.set_password(self.validated_data["new_password"])
        user.save(update_fields=["password"])
        return user


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    email = serializers.EmailField()
    code = serializers.CharField(max_length=12)
    new_password = serializers.CharField(write_only=True, min_length=10)

    def validate_new_password(self, value):
        password_validation.validate_password(value)
        return value


class ResendVerificationSerializer(serializers.Serializer):
    email = serializers.EmailField()


class ScannerLoginSerializer(serializers.Serializer):
    device_id = serializers.CharField(max_length=40)
    password = serializers.CharField(write_only=True)

    def validate(self, attrs):
        device = ScannerDevice.objects.filter(device_id=attrs["device_id"], is_active=True).first()
        if device is None or not device.check_password(attrs["password"]):
            raise serializers.ValidationError("Unknown device or wrong password.")
        attrs["device"] = device
        return attrs
