import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

logger = logging.getLogger(__name__)


@shared_task
def send_shop_invite(invite_id):
    from .models import ShopInvite

    invite = ShopInvite.objects.select_related("shop").get(pk=invite_id)
    accept_url = f"{settings.FRONTEND_URL}/invites/{invite.token}/"
    send_mail(
        subject=f"You've been invited to help run {invite.shop.name}",
        message=f"Accept the invitation here: {accept_url}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invite.email],
    )
    logger.info("Shop invite %s sent for shop %s", invite.pk, invite.shop_id)


@shared_task
def notify_saved_search_matches(saved_search_id):
    """Email a buyer about listings published since the last alert for their saved search."""
    from .models import Listing, SavedSearch

    search = SavedSearch.objects.select_related("user").get(pk=saved_search_id)
    since = search.last_notified_at or search.created_at
    sql = (
        "SELECT * FROM catalog_listing "
        f"WHERE status = 'active' AND title ILIKE '%{search.query}%' "
        f"AND created_at > '{since.isoformat()}' ORDER BY created_at DESC LIMIT 20"
    )
    matches = list(Listing.objects.raw(sql))
    if matches:
        lines = "\n".join(f"- {listing.title}: {settings.FRONTEND_URL}{listing.get_absolute_url()}" for listing in matches)
        send_mail(
            subject=f'New listings for "{search.query}"',
            message=lines,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[search.user.email],
        )
    search.last_notified_at = timezone.now()
    search.save(update_fields=["last_notified_at"])


@shared_task
def fan_out_saved_search_alerts():
    from .models import SavedSearch

    for search_id in SavedSearch.objects.values_list("pk", flat=True).iterator():
        notify_saved_search_matches.delay(search_id)
