from django.db import models


class VendorAccount(models.Model):
    """Contractors (plumbers, electricians...) get a light portal, not a full user account."""

    portfolio = models.ForeignKey("properties.Portfolio", on_delete=models.CASCADE, related_name="vendors")
    company = models.CharField(max_length=200)
    contact_email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32)
    trade = models.CharField(max_length=64)
    password_hash = models.CharField(max_length=128)
    is_active = models.BooleanField(default=True)
    last_login = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.company
