from django.apps import AppConfig


class LeasesConfig(AppConfig):
    name = "apps.leases"
    label = "leases"

    def ready(self):
        from . import signals  # noqa: F401
