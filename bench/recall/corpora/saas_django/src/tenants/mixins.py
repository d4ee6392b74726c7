from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404


class TenantRequiredMixin(LoginRequiredMixin):
    """Requires a resolved tenant and an active membership for request.user."""

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "tenant", None) is None:
            raise Http404("Unknown firm")
        if request.user.is_authenticated and not request.tenant.has_member(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TenantScopedQuerysetMixin(TenantRequiredMixin):
    """Limits get_queryset() to the current tenant and stamps new objects."""

    def get_queryset(self):
        return super().get_queryset().filter(tenant=self.request.tenant)

    def form_valid(self, form):
        if not form.instance.pk:
            form.instance.tenant = self.request.tenant
        return super().form_valid(form)


class FirmAdminRequiredMixin(TenantRequiredMixin):
    """Only owners/admins of the firm may use the view."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and getattr(request, "tenant", None) is not None:
            membership = request.tenant.membership_for(request.user)
            if membership is None or not membership.is_admin:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def tenant_member_required(view):
    """Function-view counterpart of TenantRequiredMixin."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if getattr(request, "tenant", None) is None:
            raise Http404("Unknown firm")
        if not request.tenant.has_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
