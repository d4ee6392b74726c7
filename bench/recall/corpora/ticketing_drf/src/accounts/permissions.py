from rest_framework import permissions

from .authentication import DevicePrincipal


class IsOrganizer(permissions.BasePermission):
    message = "Only organizers can manage events."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "is_organizer", False))

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.organizer_id == request.user.pk


class IsOrderOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return obj.customer_id == request.user.pk or request.user.is_staff


class IsScannerDevice(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.user, DevicePrincipal)
