from rest_framework import permissions

from .models import Partner


class HasPartnerKey(permissions.BasePermission):
    message = "A valid partner key is required."

    def has_permission(self, request, view):
        slug = request.headers.get("X-Partner")
        key = request.headers.get("X-Partner-Key")
        if not slug or not key:
            return False
        partner = Partner.objects.filter(slug=slug, is_active=True).first()
        if partner is None or partner.api_key != key:
            return False
        request.partner = partner
        return True


class IsCommentAuthorOrReadOnly(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        subscriber = getattr(request.user, "subscriber", None)
        return subscriber is not None and obj.author_id == subscriber.pk
