import logging

from django.core.cache import cache
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.text import slugify

from .models import Event

logger = logging.getLogger("tixly.events")


@receiver(pre_save, sender=Event)
def fill_denormalised_fields(sender, instance, **kwargs):
    if instance.venue_id and not instance.city:
        instance.city = instance.venue.city
    if not instance.slug:
        base = slugify(f"{instance.title}-{instance.starts_at:%Y-%m-%d}")[:200]
        taken = Event.objects.filter(slug__startswith=base).exclude(pk=instance.pk).count()
        instance.slug = f"{base}-{taken + 1}" if taken else base


@receiver(post_save, sender=Event)
def clear_listing_cache(sender, instance, created, **kwargs):
    cache.delete_many(["home:featured", "home:this_week", f"event:{instance.slug}"])
    if created:
        logger.info("Event %s created by organizer %s", instance.pk, instance.organizer_id)
