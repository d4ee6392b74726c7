from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle


class LoginRateThrottle(AnonRateThrottle):
    """Per-IP limit on credential checks, on top of django-axes lockouts."""

    scope = "login"


class PasswordResetThrottle(ScopedRateThrottle):
    scope_attr = "throttle_scope"
