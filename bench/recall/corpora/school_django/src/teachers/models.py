from django.conf import settings
from django.db import models


class Subject(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=80)

    def __str__(self):
        return self.name


class Teacher(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher")
    employee_number = models.CharField(max_length=12, unique=True)
    subjects = models.ManyToManyField(Subject, blank=True)
    room = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["user__last_name"]

    def __str__(self):
        return self.user.get_full_name()
