from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import Membership


def is_coordinator(user, organisation):
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.COORDINATOR
    ).exists()


class IsCoordinatorOrReadOnly(BasePermission):
    """Anyone may read; only the organisation's coordinators may change it."""

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        organisation = getattr(obj, "organisation", obj)
        return is_coordinator(request.user, organisation)


class IsCoordinator(BasePermission):
    def has_object_permission(self, request, view, obj):
        organisation = getattr(obj, "organisation", obj)
        return is_coordinator(request.user, organisation)
