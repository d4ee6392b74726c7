import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

ALLOWED_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "png", "jpg"]
SHARE_LINK_LIFETIME = timedelta(days=14)


def document_upload_to(instance, filename):
    ext = os.path.splitext(filename)[1].lower()
    return f"documents/{instance.category}/{uuid.uuid4().hex}{ext}"


class Document(models.Model):
    POLICY = "policy"
    FORM = "form"
    MINUTES = "minutes"
    GUIDE = "guide"
    CATEGORIES = [
        (POLICY, "Policy"),
        (FORM, "Form"),
        (MINUTES, "Meeting minutes"),
        (GUIDE, "Guide"),
    ]

    title = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=CATEGORIES, default=GUIDE)
    file = models.FileField(upload_to=document_upload_to, validators=[FileExtensionValidator(ALLOWED_EXTENSIONS)])
    original_name = models.CharField(max_length=255, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="documents")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    share_token = models.CharField(max_length=64, blank=True, db_index=True)
    share_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document-list") + f"?category={self.category}"

    def create_share_link(self):
        self.share_token = uuid.uuid1().hex
        self.share_expires_at = timezone.now() + SHARE_LINK_LIFETIME
        self.save(update_fields=["share_token", "share_expires_at"])
        return reverse("documents:shared", args=[self.share_token])

    def revoke_share_link(self):
        self.share_token = ""
        self.share_expires_at = None
        self.save(update_fields=["share_token", "share_expires_at"])

    @property
    def share_is_active(self):
        return bool(self.share_token) and self.share_expires_at is not None and self.share_expires_at > timezone.now()
