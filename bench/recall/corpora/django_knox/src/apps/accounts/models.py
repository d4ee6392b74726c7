from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    class Role(models.TextChoices):
        LANDLORD = "landlord", "Landlord"
        MANAGER = "manager", "Property manager"
        TENANT = "tenant", "Tenant"
        APPLICANT = "applicant", "Applicant"

    email = models.EmailField(unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.TENANT)
    phone = models.CharField(max_length=32, blank=True)
    portfolio = models.ForeignKey(
        "properties.Portfolio", null=True, blank=True, on_delete=models.SET_NULL, related_name="staff"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    @property
    def is_staff_member(self) -> bool:
        return self.role in {self.Role.LANDLORD, self.Role.MANAGER}


class TenantProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="tenant_profile")
    emergency_contact = models.CharField(max_length=120, blank=True)
    prefers_sms = models.BooleanField(default=False)
    last_login_ip = models.GenericIPAddressField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Profile for {self.user.email}"
