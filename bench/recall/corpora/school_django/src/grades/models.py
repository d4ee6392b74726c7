from django.db import models


class Term(models.Model):
    code = models.CharField(max_length=12, unique=True, help_text="e.g. 2024-AUT")
    name = models.CharField(max_length=60)
    starts_on = models.DateField()
    ends_on = models.DateField()
    is_current = models.BooleanField(default=False)

    def __str__(self):
        return self.name


class Assessment(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="assessments")
    subject = models.ForeignKey("teachers.Subject", on_delete=models.PROTECT)
    code = models.CharField(max_length=24)
    title = models.CharField(max_length=120)
    max_score = models.DecimalField(max_digits=6, decimal_places=2, default=100)
    weight = models.DecimalField(max_digits=4, decimal_places=2, default=1)

    class Meta:
        unique_together = [("term", "code")]


class Grade(models.Model):
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="grades")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="grades")
    section = models.ForeignKey("students.Section", on_delete=models.PROTECT)
    score = models.DecimalField(max_digits=6, decimal_places=2)
    letter = models.CharField(max_length=2, blank=True)
    comment = models.TextField(blank=True)
    recorded_by = models.ForeignKey("teachers.Teacher", on_delete=models.SET_NULL, null=True)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("student", "assessment")]
