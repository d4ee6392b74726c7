import hashlib
import os
import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.text import get_valid_filename

from tenants.models import TenantScopedModel


def document_upload_to(instance, filename):
    """
    tenants/<tenant id>/documents/2024/05/3fa9c2e1-receipt.pdf

    The random prefix keeps two uploads of "scan.pdf" on the same day from
    overwriting each other.
    """
    base, ext = os.path.splitext(get_valid_filename(filename))
    today = timezone.now()
    return (
        f"tenants/{instance.tenant_id}/documents/{today:%Y/%m}/"
        f"{secrets.token_hex(4)}-{base[:80]}{ext.lower()}"
    )


def human_size(num_bytes):
    for unit in ("B", "KB", "MB", "GB"):
        if num_bytes < 1024:
            return f"{num_bytes:.0f} {unit}"
        num_bytes /= 1024
    return f"{num_bytes:.1f} TB"


class Document(TenantScopedModel):
    SOURCE_UPLOAD = "upload"
    SOURCE_EMAIL = "email"
    SOURCE_PORTAL = "portal"
    SOURCE_CHOICES = [(SOURCE_UPLOAD, "Upload"), (SOURCE_EMAIL, "E-mail"), (SOURCE_PORTAL, "Client portal")]

    tenant = models.ForeignKey("tenants.Tenant", on_delete=models.CASCADE, related_name="documents")
    client = models.ForeignKey(
        "clients.Client", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    file = models.FileField(upload_to=document_upload_to)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    source = models.CharField(max_length=10, choices=SOURCE_CHOICES, default=SOURCE_UPLOAD)
    shared_with_client = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name

    @property
    def size_display(self):
        return human_size(self.size)

    def compute_checksum(self):
        digest = hashlib.sha256()
        for chunk in self.file.chunks():
            digest.update(chunk)
        self.sha256 = digest.hexdigest()

    def share_token(self):
        return signing.dumps(
            {"doc": self.pk, "tenant": self.tenant_id},
            salt=settings.DOCUMENT_SHARE_SALT,
            compress=True,
        )

    @classmethod
    def from_share_token(cls, token):
        data = signing.loads(token, salt=settings.DOCUMENT_SHARE_SALT, max_age=settings.DOCUMENT_SHARE_MAX_AGE)
        return cls.objects.select_related("tenant").get(pk=data["doc"], tenant_id=data["tenant"])
