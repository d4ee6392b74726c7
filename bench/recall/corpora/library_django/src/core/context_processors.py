from django.conf import settings


def libnet(request):
    from catalogue.models import Branch

    return {
        "site_name": settings.LIBNET["SITE_NAME"],
        "nav_branches": Branch.objects.filter(is_active=True).only("code", "name"),
        "current_branch": getattr(request, "branch", None),
        "hold_socket_path": "/ws/holds/",
    }
