from decimal import Decimal

import bleach
import markdown
from django.conf import settings
from django.db import models
from django.urls import reverse

ANNOUNCEMENT_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"]
ANNOUNCEMENT_ATTRS = {"a": ["href", "title"]}


class Department(models.Model):
    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)
    cost_centre = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Employee(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        LEAVE = "leave", "On leave"
        TERMINATED = "terminated", "Terminated"

    employee_no = models.CharField(max_length=20, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="employee"
    )
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    work_email = models.EmailField()
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="employees")
    cost_centre = models.CharField(max_length=20, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    annual_salary = models.DecimalField(max_digits=12, decimal_places=2)
    tax_code = models.CharField(max_length=10, default="1257L")
    ni_number = models.CharField(max_length=13, blank=True)
    iban = models.CharField(max_length=34, blank=True)
    bic = models.CharField(max_length=11, blank=True)
    initial_password = models.CharField(max_length=128, blank=True, editable=False)
    hired_on = models.DateField()
    terminated_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def monthly_gross(self):
        return (self.annual_salary / Decimal(12)).quantize(Decimal("0.01"))

    def get_absolute_url(self):
        return reverse("payroll:employee-detail", args=[self.pk])


class PayPeriod(models.Model):
    label = models.CharField(max_length=7, unique=True)  # e.g. 2024-05
    starts_on = models.DateField()
    ends_on = models.DateField()
    pay_date = models.DateField()
    closed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return self.label


class Payslip(models.Model):
    employee = models.ForeignKey(Employee, models.CASCADE, related_name="payslips")
    period = models.ForeignKey(PayPeriod, on_delete=models.PROTECT, related_name="payslips")
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    income_tax = models.DecimalField(max_digits=12, decimal_places=2)
    national_insurance = models.DecimalField(max_digits=12, decimal_places=2)
    pension = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    expenses_reimbursed = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    employer_tax = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    net = models.DecimalField(max_digits=12, decimal_places=2)
    pdf = models.FileField(upload_to="payslips/%Y/%m/", blank=True)
    view_token = models.CharField(max_length=64, blank=True, db_index=True)
    view_token_issued_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("employee", "period")]
        ordering = ["-period__starts_on"]


class Announcement(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(editable=False, blank=True)
    published = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def save(self, *args, **kwargs):
        rendered = markdown.markdown(self.body, extensions=["extra"])
        self.body_html = bleach.clean(
            rendered, tags=ANNOUNCEMENT_TAGS, attributes=ANNOUNCEMENT_ATTRS, strip=True
        )
        super().save(*args, **kwargs)
