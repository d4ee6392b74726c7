from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse


class Placement(models.Model):
    class Stage(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        INTERVIEW = "interview", "Interviewing"
        OFFER = "offer", "Offer"
        PLACED = "placed", "Placed"
        LOST = "lost", "Lost"

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="placements")
    job_order = models.ForeignKey("clients.JobOrder", on_delete=models.CASCADE, related_name="placements")
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="placements"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.SUBMITTED)
    salary = models.PositiveIntegerField(null=True, blank=True)
    fee_percentage = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    fee_amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # Free text agreed with the client (notice period, benefits, conditions...)
    offer_terms = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-updated_at",)
        constraints = [
            models.UniqueConstraint(fields=["candidate", "job_order"], name="unique_candidate_per_job"),
        ]

    def __str__(self):
        return f"{self.candidate} → {self.job_order}"

    def get_absolute_url(self):
        return reverse("placements:offer-letter", args=[self.pk])

    def compute_fee(self):
        pct = self.fee_percentage or self.job_order.client.fee_percentage
        if self.salary and pct:
            return (Decimal(self.salary) * pct / Decimal(100)).quantize(Decimal("0.01"))
        return None

    @transaction.atomic
    def move_to(self, stage, changed_by=None):
        if stage == self.stage:
            return
        StageChange.objects.create(placement=self, from_stage=self.stage, to_stage=stage, changed_by=changed_by)
        self.stage = stage
        if stage == self.Stage.PLACED:
            self.fee_amount = self.compute_fee()
        self.save(update_fields=["stage", "fee_amount", "updated_at"])


class StageChange(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(max_length=20, choices=Placement.Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Placement.Stage.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-changed_at",)
        get_latest_by = "changed_at"
