from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.text import slugify
from rest_framework import serializers

from accounts.models import VolunteerProfile

from .models import Invitation, Membership, Opportunity, Organisation, Shift, ShiftSignup
from .services import accept_invitation

User = get_user_model()


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "slug", "about", "city", "website", "contact_email", "created_at"]
        read_only_fields = ["id", "slug", "created_at"]

    def create(self, validated_data):
        validated_data["slug"] = slugify(validated_data["name"])
        organisation = super().create(validated_data)
        Membership.objects.create(
            user=self.context["request"].user,
            organisation=organisation,
            role=Membership.Role.COORDINATOR,
        )
        return organisation


class ShiftSerializer(serializers.ModelSerializer):
    spaces_left = serializers.SerializerMethodField()

    class Meta:
        model = Shift
        fields = ["id", "opportunity", "starts_at", "ends_at", "capacity", "location", "spaces_left"]

    def get_spaces_left(self, obj):
        taken = obj.signups.exclude(status=ShiftSignup.Status.DECLINED).count()
        return max(obj.capacity - taken, 0)

    def validate(self, attrs):
        if attrs["ends_at"] <= attrs["starts_at"]:
            raise serializers.ValidationError({"ends_at": "A shift must end after it starts."})
        return attrs


class OpportunitySerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all())
    shifts = ShiftSerializer(many=True, read_only=True)

    class Meta:
        model = Opportunity
        fields = [
            "id", "organisation", "title", "slug", "summary", "description", "city",
            "latitude", "longitude", "skills", "is_published", "shifts", "created_at",
        ]
        read_only_fields = ["id", "slug", "created_at"]

    def validate_skills(self, value):
        return sorted({skill.strip().lower() for skill in value if skill.strip()})

    def validate(self, attrs):
        lat, lng = attrs.get("latitude"), attrs.get("longitude")
        if (lat is None) != (lng is None):
            raise serializers.ValidationError("Provide both latitude and longitude, or neither.")
        return attrs

    def create(self, validated_data):
        validated_data["slug"] = slugify(validated_data["title"])[:160]
        return super().create(validated_data)


class SignupSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShiftSignup
        fields = ["id", "shift", "status", "hours", "checked_in_at", "created_at"]
        read_only_fields = fields


class InvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "created_at", "accepted_at"]
        read_only_fields = ["id", "created_at", "accepted_at"]

    def validate_email(self, value):
        organisation = self.context["organisation"]
        if organisation.members.filter(email__iexact=value).exists():
            raise serializers.ValidationError("That person is already a member.")
        return value.lower()


class AcceptInvitationSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=64)
    display_name = serializers.CharField(max_length=80)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})

    def validate_token(self, value):
        invitation = (
            Invitation.objects.select_related("organisation")
            .filter(token=value, accepted_at__isnull=True)
            .first()
        )
        if invitation is None or invitation.is_expired:
            raise serializers.ValidationError("This invitation is no longer valid.")
        return invitation

    def validate(self, attrs):
        invitation = attrs["token"]
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise serializers.ValidationError("An account already exists for this e-mail; please sign in instead.")
        validate_password(attrs["password"], user=User(email=invitation.email))
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        invitation = validated_data["token"]
        user = User.objects.create_user(email=invitation.email, password=validated_data["password"])
        VolunteerProfile.objects.create(user=user, display_name=validated_data["display_name"])
        accept_invitation(invitation, user)
        return user


class KioskLoginSerializer(serializers.Serializer):
    organisation = serializers.SlugField()
    passcode = serializers.RegexField(r"^\d{6}$")

    def validate(self, attrs):
        organisation = Organisation.objects.filter(slug=attrs["organisation"]).first()
        if organisation is None or not organisation.check_kiosk_passcode(attrs["passcode"]):
            raise serializers.ValidationError("Unknown organisation or wrong passcode.")
        attrs["organisation"] = organisation
        return attrs


class KioskPasscodeSerializer(serializers.Serializer):
    passcode = serializers.RegexField(r"^\d{6}$", help_text="Six digits, typed on the kiosk tablet")


class ContactOrganiserSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=80)
    reply_to = serializers.EmailField()
    message = serializers.CharField(max_length=2000)

    def validate_message(self, value):
        if len(value.split()) < 3:
            raise serializers.ValidationError("Tell the organiser a little more.")
        return value.strip()
