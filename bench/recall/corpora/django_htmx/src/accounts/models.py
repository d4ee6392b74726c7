from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    class Role(models.TextChoices):
        RECEPTION = "reception", "Reception"
        DOCTOR = "doctor", "Doctor"
        MANAGER = "manager", "Practice manager"

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.RECEPTION)
    phone = models.CharField(max_length=32, blank=True)
    kiosk_pin_hash = models.CharField(max_length=128, blank=True)

    @property
    def is_doctor(self):
        return self.role == self.Role.DOCTOR

    @property
    def is_manager(self):
        return self.role == self.Role.MANAGER or self.is_superuser


class Patient(models.Model):
    user = models.OneToOneField(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="patient")
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField()
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32)
    phone_verified = models.BooleanField(default=False)
    verification_code = models.CharField(max_length=6, blank=True)
    verification_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"
