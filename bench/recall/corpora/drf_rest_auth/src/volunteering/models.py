import hashlib
import hmac
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone


def _passcode_digest(raw):
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    about = models.TextField(blank=True)
    city = models.CharField(max_length=80, blank=True)
    website = models.URLField(blank=True)
    contact_email = models.EmailField(blank=True)
    kiosk_passcode_hash = models.CharField(max_length=128, blank=True)
    api_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="organisations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def set_kiosk_passcode(self, raw):
        self.kiosk_passcode_hash = _passcode_digest(raw)

    def check_kiosk_passcode(self, raw):
        if not self.kiosk_passcode_hash:
            return False
        return hmac.compare_digest(self.kiosk_passcode_hash, _passcode_digest(raw))


class Membership(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", "Coordinator"
        MEMBER = "member", "Member"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]


class Invitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    VALID_DAYS = 14

    @property
    def is_expired(self):
        return (timezone.now() - self.created_at).days >= self.VALID_DAYS


class OpportunityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Opportunity(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="opportunities")
    title = models.CharField(max_length=140)
    slug = models.SlugField(max_length=160)
    summary = models.CharField(max_length=280)
    description = models.TextField(help_text="HTML from the SPA's rich-text editor")
    city = models.CharField(max_length=80, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    skills = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    is_published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="unique_opportunity_slug")]

    def __str__(self):
        return self.title


class Shift(models.Model):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="shifts")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField(default=1)
    location = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]

    @property
    def duration_hours(self):
        return round((self.ends_at - self.starts_at).total_seconds() / 3600, 2)


class ShiftSignup(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        ATTENDED = "attended", "Attended"

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="signups")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signups")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shift", "volunteer"], name="unique_signup")]

    def mark_attended(self):
        self.status = self.Status.ATTENDED
        self.checked_in_at = timezone.now()
        self.hours = self.shift.duration_hours
        self.save(update_fields=["status", "checked_in_at", "hours"])


class KioskSession(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="kiosk_sessions")
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    @property
    def is_active(self):
        return self.expires_at > timezone.now()


class ListingReport(models.Model):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    reason = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)
