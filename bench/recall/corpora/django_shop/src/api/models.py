from django.conf import settings
from django.db import models

from catalog.models import Book


class PartnerApp(models.Model):
    """A library or school that pulls our catalogue feed for its own site."""

    name = models.CharField(max_length=120)
    key_prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class ReadingListItem(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_list")
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "book"], name="unique_reading_list_item")]
