from dj_rest_auth.registration.serializers import RegisterSerializer
from dj_rest_auth.serializers import PasswordResetSerializer
from django.contrib.auth import get_user_model
from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from .adapters import frontend_reset_url
from .models import VolunteerProfile

User = get_user_model()

MAX_SKILLS = 12


class VolunteerRegisterSerializer(RegisterSerializer):
    username = None
    display_name = serializers.CharField(max_length=80)
    city = serializers.CharField(max_length=80, required=False, allow_blank=True)
    accept_terms = serializers.BooleanField(write_only=True)

    def validate_display_name(self, value):
        value = " ".join(value.split())
        if len(value) < 2:
            raise serializers.ValidationError("Please enter at least two characters.")
        return value

    def validate_accept_terms(self, value):
        if not value:
            raise serializers.ValidationError("You need to accept the volunteering terms.")
        return value

    def custom_signup(self, request, user):
        VolunteerProfile.objects.create(
            user=user,
            display_name=self.validated_data["display_name"],
            city=self.validated_data.get("city", ""),
        )


class ProfileSerializer(serializers.ModelSerializer):
    calendar_url = serializers.SerializerMethodField()

    class Meta:
        model = VolunteerProfile
        fields = ["display_name", "city", "bio", "skills", "newsletter", "calendar_url"]

    def get_calendar_url(self, obj):
        request = self.context.get("request")
        path = f"/feeds/{obj.calendar_token}.ics"
        return request.build_absolute_uri(path) if request else path

    def validate_skills(self, value):
        cleaned = sorted({skill.strip().lower() for skill in value if skill.strip()})
        if len(cleaned) > MAX_SKILLS:
            raise serializers.ValidationError(f"Pick at most {MAX_SKILLS} skills.")
        return cleaned


class UserDetailsSerializer(serializers.ModelSerializer):
    profile = ProfileSerializer(read_only=True)

    class Meta:
        model = User
        fields = ["pk", "email", "first_name", "last_name", "profile"]
        read_only_fields = ["pk", "email"]


class FrontendPasswordResetSerializer(PasswordResetSerializer):
    def get_email_options(self):
        return {
            "url_generator": frontend_reset_url,
            "extra_email_context": {"support_email": "support@helpinghands.example"},
        }


class VolunteerTokenObtainPairSerializer(TokenObtainPairSerializer):
    """Adds what the SPA needs to render its navigation without an extra call."""

    @classmethod
    def get_token(cls, user):
        token = super().get_token(user)
        profile = getattr(user, "profile", None)
        token["name"] = profile.display_name if profile else user.email
        token["coordinates"] = [
            str(org_id)
            for org_id in user.memberships.filter(role="coordinator").values_list("organisation_id", flat=True)
        ]
        token["has_password"] = user.has_usable_password()
        return token
