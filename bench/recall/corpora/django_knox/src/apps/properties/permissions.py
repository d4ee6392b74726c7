from rest_framework.permissions import BasePermission


class IsPortfolioStaff(BasePermission):
    message = "Only landlords and managers of this portfolio can do that."

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_staff_member)

    def has_object_permission(self, request, view, obj):
        portfolio_id = getattr(obj, "portfolio_id", None)
        if portfolio_id is None and hasattr(obj, "building"):
            portfolio_id = obj.building.portfolio_id
        return portfolio_id == request.user.portfolio_id
