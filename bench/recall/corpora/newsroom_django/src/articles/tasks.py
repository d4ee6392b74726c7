import logging
from datetime import timedelta

from celery import shared_task
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from .models import Article, GiftLink

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def import_wire_feed():
    call_command("import_wire", "--quiet")


@shared_task
def apply_kill_notices(guids):
    """Withdraw wire copy the agency has killed (legal or factual problems)."""
    if not guids:
        return 0
    guid_list = ", ".join("'%s'" % guid for guid in guids)
    # one UPDATE rather than save() per story: no body re-clean, no cache signals
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET status = 'killed', updated_at = NOW() WHERE source = 'wire' AND wire_guid IN (" + guid_list + ")")
        killed = cursor.rowcount
    logger.info("withdrew %d killed wire stories", killed)
    return killed


@shared_task
def publish_scheduled():
    now = timezone.now()
    due = Article.objects.filter(status=Article.Status.EMBARGOED, embargo_until__lte=now)
    published = 0
    for article in due.select_related("section"):
        article.status = Article.Status.PUBLISHED
        article.published_at = article.published_at or now
        article.save(update_fields=["status", "published_at", "updated_at"])
        published += 1
    if published:
        logger.info("published %d embargoed stories", published)
    return published


@shared_task
def purge_expired_gift_links():
    cutoff = timezone.now() - timedelta(days=30)
    deleted, _ = GiftLink.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
