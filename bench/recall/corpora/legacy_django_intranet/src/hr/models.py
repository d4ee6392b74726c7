import hashlib
import time

from django.conf import settings
from django.db import models


class LeaveRequest(models.Model):
    ANNUAL = "annual"
    SICK = "sick"
    PARENTAL = "parental"
    UNPAID = "unpaid"
    TRAINING = "training"
    LEAVE_TYPES = [
        (ANNUAL, "Annual leave"),
        (SICK, "Sick leave"),
        (PARENTAL, "Parental leave"),
        (UNPAID, "Unpaid leave"),
        (TRAINING, "Training"),
    ]

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    STATUSES = [
        (PENDING, "Pending"),
        (APPROVED, "Approved"),
        (REJECTED, "Rejected"),
        (CANCELLED, "Cancelled"),
    ]

    employee = models.ForeignKey("directory.Employee", on_delete=models.CASCADE, related_name="leave_requests")
    leave_type = models.CharField(max_length=20, choices=LEAVE_TYPES, default=ANNUAL)
    start_date = models.DateField()
    end_date = models.DateField()
    status = models.CharField(max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        permissions = [("view_reports", "Can view HR reports")]

    def __str__(self):
        return f"{self.employee} {self.start_date}..{self.end_date} ({self.status})"

    @property
    def days(self):
        return (self.end_date - self.start_date).days + 1


class LeaveCalendarSubscription(models.Model):
    """A private iCal feed URL with the leave of the subscriber's team."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leave_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Leave feed for {self.user}"

    def regenerate(self):
        self.token = hashlib.sha1(f"{self.user_id}:{time.time()}".encode()).hexdigest()
        self.save(update_fields=["token"])
        return self.token


class HrisEvent(models.Model):
    """Raw events pushed by the HRIS webhook, processed asynchronously."""

    event_id = models.CharField(max_length=64, unique=True)
    event_type = models.CharField(max_length=60)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed = models.BooleanField(default=False)
