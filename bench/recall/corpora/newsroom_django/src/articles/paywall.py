"""The metered paywall: N free premium stories per rolling window."""
from django.conf import settings
from django.core import signing
from django.utils import timezone

METER_SALT = "gazette.paywall.meter"


class Meter:
    def __init__(self, read=None, started=None):
        self.read = list(read or [])
        self.started = started or int(timezone.now().timestamp())
        self.dirty = False

    @classmethod
    def from_request(cls, request):
        raw = request.COOKIES.get(settings.PAYWALL_COOKIE)
        if not raw:
            return cls()
        try:
            data = signing.loads(raw, salt=METER_SALT, max_age=settings.PAYWALL_WINDOW_DAYS * 86400)
        except signing.BadSignature:
            return cls()
        return cls(read=data.get("r"), started=data.get("s"))

    def dumps(self):
        return signing.dumps({"r": self.read[-50:], "s": self.started}, salt=METER_SALT, compress=True)

    @property
    def remaining(self):
        return max(0, settings.PAYWALL_FREE_ARTICLES - len(self.read))

    def allows(self, article_id):
        return article_id in self.read or self.remaining > 0

    def record(self, article_id):
        if article_id not in self.read:
            self.read.append(article_id)
            self.dirty = True
