from django.conf import settings


def school_info(request):
    return {"SCHOOL_NAME": settings.SCHOOL_NAME}
