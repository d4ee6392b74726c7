from django.conf import settings
from django.db import models


class Section(models.Model):
    """A registration group, e.g. 9B."""

    name = models.CharField(max_length=16, unique=True)
    grade_level = models.PositiveSmallIntegerField()
    form_tutor = models.ForeignKey("teachers.Teacher", on_delete=models.SET_NULL, null=True, blank=True)

    def __str__(self):
        return self.name


class Student(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    student_number = models.CharField(max_length=12, unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    grade_level = models.PositiveSmallIntegerField()
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="students")
    guardians = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="children")
    about_me = models.TextField(blank=True, help_text="Shown on the student's profile page.")
    kiosk_pin_hash = models.CharField(max_length=128, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"
