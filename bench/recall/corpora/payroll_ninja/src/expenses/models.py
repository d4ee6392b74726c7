import uuid

from django.conf import settings
from django.db import models


def _receipt_path(instance, filename):
    return f"receipts/{instance.employee_id}/{uuid.uuid4().hex}/{filename}"


def _share_token():
    return uuid.uuid1().hex


class Category(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=80)
    monthly_limit = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    requires_receipt = models.BooleanField(default=True)

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Expense(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    employee = models.ForeignKey("payroll.Employee", on_delete=models.CASCADE, related_name="expenses")
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    incurred_on = models.DateField()
    merchant = models.CharField(max_length=120)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default="GBP")
    notes = models.TextField(blank=True)
    receipt = models.FileField(upload_to=_receipt_path, blank=True)
    receipt_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    # auditors get a read-only link to the receipt without an account
    share_token = models.CharField(max_length=32, default=_share_token, unique=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    paid_in_period = models.ForeignKey(
        "payroll.PayPeriod", on_delete=models.SET_NULL, null=True, blank=True, related_name="expenses"
    )
    card_transaction = models.OneToOneField(
        "CardTransaction", on_delete=models.SET_NULL, null=True, blank=True, related_name="expense"
    )

    class Meta:
        ordering = ["-incurred_on", "-id"]

    def __str__(self):
        return f"{self.merchant} {self.amount} {self.currency}"


class CardTransaction(models.Model):
    provider_id = models.CharField(max_length=64, unique=True)
    card_last4 = models.CharField(max_length=4)
    employee = models.ForeignKey("payroll.Employee", on_delete=models.SET_NULL, null=True)
    merchant = models.CharField(max_length=120)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3)
    posted_at = models.DateTimeField()
    raw = models.JSONField(default=dict)
