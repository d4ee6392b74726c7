import base64
import hashlib
import hmac
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import SmsDelivery

logger = logging.getLogger(__name__)


def _expected_signature(url, params):
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    digest = hmac.new(settings.SMS_WEBHOOK_SECRET.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


@csrf_exempt
@require_POST
def sms_status_callback(request):
    logger.debug("SMS status callback received, headers=%s", dict(request.headers))
    signature = request.headers.get("X-Twilio-Signature", "")
    expected = _expected_signature(request.build_absolute_uri(), request.POST.dict())
    if not hmac.compare_digest(signature, expected):
        return HttpResponseForbidden()
    SmsDelivery.objects.update_or_create(
        provider_sid=request.POST["MessageSid"],
        defaults={"to_number": request.POST.get("To", ""), "status": request.POST.get("MessageStatus", "")},
    )
    return HttpResponse(status=204)
