from rest_framework import permissions

from .models import KioskDevice, PartnerClient


class IsKioskDevice(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, KioskDevice) and request.auth.kind == KioskDevice.Kind.KIOSK


class IsLockerDevice(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, KioskDevice) and request.auth.kind == KioskDevice.Kind.LOCKER


class IsKioskSession(permissions.BasePermission):
    def has_permission(self, request, view):
        return (
            request.user
            and request.user.is_authenticated
            and isinstance(request.auth, dict)
            and "dev" in request.auth
        )


class IsPartner(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, dict) and isinstance(request.auth.get("partner"), PartnerClient)


class IsOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return getattr(obj, "patron_id", None) == request.user.pk
