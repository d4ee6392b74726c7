from django.conf import settings

from .models import Section


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "nav_sections": Section.objects.filter(position__lt=10),
    }
