from django.conf import settings
from django.db import models
from django.utils import timezone


class PatientProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patient_profile"
    )
    phone = models.CharField(max_length=32, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    nhs_number = models.CharField(max_length=12, blank=True)
    sms_reminders = models.BooleanField(default=True)

    def __str__(self):
        return f"Profile of {self.user.get_full_name() or self.user.username}"


class PortalAccount(models.Model):
    """Login for the old patient-portal mobile app, imported in 2021.

    Kept separate from ``auth.User`` until the app is retired.
    """

    profile = models.OneToOneField(PatientProfile, on_delete=models.CASCADE)
    username = models.CharField(max_length=150, unique=True)
    password_hash = models.CharField(max_length=200)
    last_login = models.DateTimeField(null=True, blank=True)


class StaffInvite(models.Model):
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_open(self):
        return self.accepted_at is None


class PasswordResetCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    code = models.CharField(max_length=12)
    expires_at = models.DateTimeField()
    used = models.BooleanField(default=False)

    def is_valid(self):
        return not self.used and self.expires_at > timezone.now()
