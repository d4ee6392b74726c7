import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import TenantProfile, User

logger = logging.getLogger(__name__)


@receiver(post_save, sender=User)
def create_tenant_profile(sender, instance, created, **kwargs):
    if created and instance.role == User.Role.TENANT:
        TenantProfile.objects.get_or_create(user=instance)


@receiver(user_logged_in)
def remember_login_ip(sender, request, user, **kwargs):
    if request is None or not hasattr(user, "tenant_profile"):
        return
    profile = user.tenant_profile
    profile.last_login_ip = request.META.get("REMOTE_ADDR")
    profile.save(update_fields=["last_login_ip"])


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    logger.warning(
        "Failed login for %s from %s",
        credentials.get("username") or credentials.get("email"),
        request.META.get("REMOTE_ADDR") if request else "unknown",
    )
