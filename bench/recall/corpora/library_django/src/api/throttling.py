from rest_framework.throttling import SimpleRateThrottle


class KioskPinThrottle(SimpleRateThrottle):
    """Limit PIN guesses per card number, whichever kiosk they come from."""

    scope = "kiosk-pin"

    def get_cache_key(self, request, view):
        card = (request.data.get("card_number") or "").replace(" ", "")
        if not card:
            return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
        return self.cache_format % {"scope": self.scope, "ident": f"card:{card}"}
