from django.conf import settings
from django.db import models


class Newsletter(models.Model):
    class Cadence(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"
        BREAKING = "breaking", "Breaking news"

    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    cadence = models.CharField(max_length=10, choices=Cadence.choices, default=Cadence.DAILY)
    from_name = models.CharField(max_length=80, default="The Harbour Gazette")
    is_public = models.BooleanField(default=True)

    def __str__(self):
        return self.name


class Issue(models.Model):
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="issues")
    subject = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    articles = models.ManyToManyField("articles.Article", blank=True, related_name="newsletter_issues")
    scheduled_for = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-scheduled_for"]

    def __str__(self):
        return f"{self.newsletter.name}: {self.subject}"
