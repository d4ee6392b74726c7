from django.conf import settings
from django.db import models
from django.urls import reverse


class AnnouncementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def pinned_first(self):
        return self.order_by("-pinned", "-created_at")


class Announcement(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Formatted text from the editor.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="announcements")
    pinned = models.BooleanField(default=False)
    is_published = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("core:announcement-detail", args=[self.pk])
