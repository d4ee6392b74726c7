import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.urls import reverse

from core.email import send_templated_mail

logger = logging.getLogger("libnet.circulation")


def patron_group(patron_id):
    return f"holds.patron.{patron_id}"


def push_hold_event(hold, event):
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        patron_group(hold.patron_id),
        {
            "type": "hold.event",
            "event": event,
            "hold": {
                "id": hold.pk,
                "title": hold.title.title,
                "status": hold.status,
                "pickup_branch": hold.pickup_branch.name,
                "expires_at": hold.expires_at.isoformat() if hold.expires_at else None,
            },
        },
    )


def email_hold_ready(hold):
    patron = hold.patron
    if not (patron.email and patron.notify_by_email):
        return False
    send_templated_mail(
        "hold_ready",
        {
            "patron": patron,
            "hold": hold,
            "holds_path": reverse("circulation:holds"),
        },
        patron.email,
    )
    return True
