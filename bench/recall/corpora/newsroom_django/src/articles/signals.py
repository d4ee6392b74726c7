from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Article


@receiver(post_save, sender=Article)
def drop_trending_cache(sender, instance, **kwargs):
    cache.delete_many(["trending:all", f"trending:{instance.section.slug}"])
