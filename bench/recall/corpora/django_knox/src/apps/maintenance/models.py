from django.db import models


class MaintenanceTicket(models.Model):
    class Priority(models.TextChoices):
        LOW = "low", "Low"
        NORMAL = "normal", "Normal"
        URGENT = "urgent", "Urgent"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ASSIGNED = "assigned", "Assigned"
        DONE = "done", "Done"

    unit = models.ForeignKey("properties.Unit", on_delete=models.CASCADE, related_name="tickets")
    reported_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="tickets")
    title = models.CharField(max_length=140)
    description = models.TextField()
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    vendor = models.ForeignKey(
        "vendors.VendorAccount", null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    permission_to_enter = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
