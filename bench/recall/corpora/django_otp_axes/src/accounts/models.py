from django.contrib.auth.models import AbstractUser
from django.db import models


class Department(models.Model):
    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)
    cost_centre = models.CharField(max_length=20)

    def __str__(self):
        return f"{self.code} — {self.name}"


class User(AbstractUser):
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.SET_NULL)
    is_approver = models.BooleanField(default=False)
    is_finance = models.BooleanField(default=False)
    email_verified = models.BooleanField(default=False)
    kiosk_pin_hash = models.CharField(max_length=128, blank=True)


class Invitation(models.Model):
    email = models.EmailField()
    department = models.ForeignKey(Department, on_delete=models.CASCADE)
    code = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_invitations")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)


class EmailVerification(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
