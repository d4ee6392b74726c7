import hashlib
import hmac
import json
import logging
import time

from allauth.account.models import EmailAddress
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, render
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import VolunteerProfile
from volunteering.models import ShiftSignup

from .links import read_rsvp_token

logger = logging.getLogger(__name__)

SIGNATURE_MAX_AGE = 300
PERMANENT_FAILURES = {"failed", "complained", "unsubscribed"}


def verify_mailgun_signature(timestamp, token, signature):
    signing_key = settings.MAILGUN_WEBHOOK_SIGNING_KEY
    if not (signing_key and timestamp and token and signature):
        return False
    try:
        if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_AGE:
            return False
    except ValueError:
        return False
    expected = hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@csrf_exempt
@require_POST
def mailgun_events(request):
    """Delivery events from Mailgun: stop mailing addresses that hard-bounce."""
    try:
        payload = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest()

    sig = payload.get("signature", {})
    if not verify_mailgun_signature(sig.get("timestamp"), sig.get("token"), sig.get("signature")):
        return HttpResponseForbidden()

    event = payload.get("event-data", {})
    if event.get("event") in PERMANENT_FAILURES and event.get("severity") != "temporary":
        address = EmailAddress.objects.filter(email__iexact=event.get("recipient", "")).select_related("user").first()
        if address is not None:
            VolunteerProfile.objects.filter(user=address.user).update(email_bounced=True, newsletter=False)
            logger.info("Marked user %s as bounced (%s)", address.user_id, event.get("event"))
    return HttpResponse(status=204)


class DeclineShiftView(View):
    template_name = "pages/decline.html"

    def _signup(self, token):
        claims = read_rsvp_token(token)
        if claims is None:
            return None
        return get_object_or_404(
            ShiftSignup.objects.select_related("shift__opportunity"),
            pk=claims["signup"],
            volunteer_id=claims["sub"],
        )

    def get(self, request):
        token = request.GET.get("t", "")
        signup = self._signup(token)
        return render(request, self.template_name, {"signup": signup, "token": token, "done": False})

    def post(self, request):
        signup = self._signup(request.POST.get("t", ""))
        if signup is not None and signup.status == ShiftSignup.Status.CONFIRMED:
            signup.status = ShiftSignup.Status.DECLINED
            signup.save(update_fields=["status"])
        return render(request, self.template_name, {"signup": signup, "done": True})
