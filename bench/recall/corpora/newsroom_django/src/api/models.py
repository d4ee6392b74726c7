import hashlib
import time

from django.db import models


class Partner(models.Model):
    """A paper or aggregator that syndicates our staff copy."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    contact_email = models.EmailField()
    api_key = models.CharField(max_length=64, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name

    def rotate_key(self):
        self.api_key = hashlib.sha1(f"{self.slug}:{time.time()}".encode()).hexdigest()
        self.save(update_fields=["api_key"])
        return self.api_key
