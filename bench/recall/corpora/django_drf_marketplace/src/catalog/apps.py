from django.apps import AppConfig


class CatalogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalog"
    verbose_name = "Shops and listings"

    def ready(self):
        from . import models  # noqa: F401  (registers the post_save receivers)
