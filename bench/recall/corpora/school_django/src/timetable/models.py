from django.db import models


class Period(models.Model):
    DAYS = [(1, "Monday"), (2, "Tuesday"), (3, "Wednesday"), (4, "Thursday"), (5, "Friday")]

    day = models.PositiveSmallIntegerField(choices=DAYS)
    number = models.PositiveSmallIntegerField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()

    class Meta:
        ordering = ["day", "number"]
        unique_together = [("day", "number")]


class Lesson(models.Model):
    period = models.ForeignKey(Period, on_delete=models.CASCADE)
    section = models.ForeignKey("students.Section", on_delete=models.CASCADE, related_name="lessons")
    subject = models.ForeignKey("teachers.Subject", on_delete=models.PROTECT)
    teacher = models.ForeignKey("teachers.Teacher", on_delete=models.PROTECT, related_name="lessons")
    room = models.CharField(max_length=16)


class SwapRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE)
    requested_by = models.ForeignKey("teachers.Teacher", on_delete=models.CASCADE, related_name="+")
    cover_teacher = models.ForeignKey("teachers.Teacher", on_delete=models.CASCADE, related_name="cover_requests")
    date = models.DateField()
    reason = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
