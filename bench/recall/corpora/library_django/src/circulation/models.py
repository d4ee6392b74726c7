from django.conf import settings
from django.db import models
from django.utils import timezone

from .managers import LoanManager


class Loan(models.Model):
    copy = models.ForeignKey("catalogue.Copy", on_delete=models.PROTECT, related_name="loans")
    patron = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="loans",
    )
    branch = models.ForeignKey("catalogue.Branch", on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    due_date = models.DateField()
    returned_at = models.DateTimeField(null=True, blank=True)
    renewals = models.PositiveSmallIntegerField(default=0)

    objects = LoanManager()

    class Meta:
        ordering = ["due_date"]
        indexes = [models.Index(fields=["returned_at", "due_date"])]

    def __str__(self):
        return f"{self.copy.barcode} -> {self.patron_id} due {self.due_date}"

    @property
    def is_overdue(self):
        return self.returned_at is None and self.due_date < timezone.localdate()

    @property
    def can_renew(self):
        return (
            self.returned_at is None
            and self.renewals < settings.LIBNET["MAX_RENEWALS"]
            and not self.copy.title.holds.filter(status=Hold.Status.WAITING).exists()
        )


class Hold(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "In the queue"
        READY = "ready", "Ready to collect"
        COLLECTED = "collected", "Collected"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Expired"

    title = models.ForeignKey("catalogue.Title", on_delete=models.CASCADE, related_name="holds")
    patron = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="holds"
    )
    pickup_branch = models.ForeignKey(
        "catalogue.Branch", on_delete=models.PROTECT, related_name="pickup_holds"
    )
    copy = models.ForeignKey(
        "catalogue.Copy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WAITING)
    placed_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    pickup_code = models.CharField(max_length=12, blank=True, db_index=True)
    notified = models.BooleanField(default=False)

    class Meta:
        ordering = ["placed_at"]

    def __str__(self):
        return f"Hold {self.pk} on {self.title_id} for {self.patron_id}"

    @property
    def queue_position(self):
        if self.status != self.Status.WAITING:
            return None
        return (
            Hold.objects.filter(
                title=self.title, status=self.Status.WAITING, placed_at__lt=self.placed_at
            ).count()
            + 1
        )


class Fine(models.Model):
    patron = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fines"
    )
    loan = models.ForeignKey(Loan, null=True, blank=True, on_delete=models.SET_NULL)
    amount_pence = models.PositiveIntegerField()
    reason = models.CharField(max_length=120, default="Overdue item")
    created_at = models.DateTimeField(auto_now_add=True)
    paid = models.BooleanField(default=False)
    payment_reference = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["-created_at"]
