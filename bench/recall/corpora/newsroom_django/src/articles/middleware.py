import logging

from django.conf import settings

from .paywall import Meter

logger = logging.getLogger("articles.paywall")

METER_LEFT_COOKIE = "gz_meter_left"


class PaywallMeterMiddleware:
    """Attach the reader's story meter to the request and persist it on the way out.

    Whether a story is shown is decided in the view; this only keeps count.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.meter = Meter.from_request(request)
        response = self.get_response(request)

        meter = request.meter
        if meter.dirty:
            max_age = settings.PAYWALL_WINDOW_DAYS * 24 * 60 * 60
            response.set_cookie(
                settings.PAYWALL_COOKIE,
                meter.dumps(),
                max_age=max_age,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
            # read by static/js/meter.js for the "3 free stories left" banner
            response.set_cookie(METER_LEFT_COOKIE, str(meter.remaining), max_age=max_age, samesite="Lax")

        blocked = getattr(request, "paywall_blocked", None)
        if blocked is not None:
            self.log_block(request, blocked)
        return response

    def log_block(self, request, article):
        # feeds the conversion dashboard; the JSON formatter keeps the extra fields
        logger.info("paywall shown for %s", article.slug, extra={"path": request.path, "cookies": request.COOKIES})
