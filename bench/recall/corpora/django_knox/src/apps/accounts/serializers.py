from dj_rest_auth.serializers import PasswordResetSerializer as BasePasswordResetSerializer
from django.conf import settings
from rest_framework import serializers

from .models import User


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ("id", "email", "first_name", "last_name", "role", "phone")
        read_only_fields = ("id", "email", "role")


class PasswordResetSerializer(BasePasswordResetSerializer):
    def get_email_options(self):
        return {
            "subject_template_name": "account/email/password_reset_subject.txt",
            "email_template_name": "account/email/password_reset_message.txt",
            "html_email_template_name": "account/email/password_reset_message.html",
            "extra_email_context": {"portal_url": settings.PORTAL_BASE_URL},
        }


class TenantInviteAcceptSerializer(serializers.Serializer):
    invite_code = serializers.CharField(max_length=16)
    password = serializers.CharField(write_only=True, min_length=10)
    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150)

    def validate_invite_code(self, value):
        from apps.leases.models import LeaseInvite

        invite = LeaseInvite.objects.filter(code=value.strip().upper(), accepted_at__isnull=True).first()
        if invite is None or invite.is_expired:
            raise serializers.ValidationError("This invite code is not valid any more.")
        self.context["invite"] = invite
        return value

    def create(self, validated_data):
        invite = self.context["invite"]
        user = User(
            email=invite.email,
            username=invite.email,
            first_name=validated_data["first_name"],
            last_name=validated_data["last_name"],
            role=User.Role.TENANT,
        )
        user.set_password(validated_data["password"])
        user.save()
        invite.accept(user)
        return user
