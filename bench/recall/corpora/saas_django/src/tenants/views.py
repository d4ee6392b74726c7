from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView, ListView
from django_ratelimit.decorators import ratelimit

from billing import stripe_client

from .mixins import FirmAdminRequiredMixin, TenantRequiredMixin

from .models import Invitation, Membership
from .services import InvitationError, accept_invitation, create_invitation


class InvitationForm(forms.Form):
    email = forms.EmailField()
    role = forms.ChoiceField(choices=Membership.ROLE_CHOICES[1:])


class TenantSettingsForm(forms.Form):
    name = forms.CharField(max_length=200)
    reporting_currency = forms.CharField(max_length=3)
    invoice_prefix = forms.CharField(max_length=10)
    dashboard_notice = forms.CharField(widget=forms.Textarea, required=False)

    def clean_reporting_currency(self):
        return self.cleaned_data["reporting_currency"].upper()


class TeamListView(TenantRequiredMixin, ListView):
    template_name = "accounts/team.html"
    context_object_name = "memberships"

    def get_queryset(self):
        return Membership.objects.filter(tenant=self.request.tenant, is_active=True).select_related("user")


@method_decorator(ratelimit(key="user", rate="30/h", method="POST", block=True), name="dispatch")
class InviteMemberView(FirmAdminRequiredMixin, FormView):
    template_name = "accounts/invite.html"
    form_class = InvitationForm

    def form_valid(self, form):
        try:
            create_invitation(
                self.request.tenant,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                self.request.user,
            )
        except InvitationError as exc:
            form.add_error("email", str(exc))
            return self.form_invalid(form)
        messages.success(self.request, "Invitation sent.")
        return redirect("tenants:team")


class TenantSettingsView(FirmAdminRequiredMixin, FormView):
    template_name = "accounts/firm_settings.html"
    form_class = TenantSettingsForm

    def get_initial(self):
        tenant = self.request.tenant
        return {
            "name": tenant.name,
            "reporting_currency": tenant.reporting_currency,
            "invoice_prefix": tenant.invoice_prefix,
            "dashboard_notice": tenant.dashboard_notice,
        }

    def form_valid(self, form):
        tenant = self.request.tenant
        for field, value in form.cleaned_data.items():
            setattr(tenant, field, value)
        tenant.save()
        messages.success(self.request, "Firm settings saved.")
        return redirect("tenants:settings")


class BillingOverviewView(FirmAdminRequiredMixin, View):
    def get(self, request):
        subscription = getattr(request.tenant, "subscription", None)
        return render(request, "accounts/billing.html", {"subscription": subscription})


class CheckoutView(FirmAdminRequiredMixin, View):
    def post(self, request):
        plan = request.POST.get("plan")
        if plan not in ("solo", "team"):
            messages.error(request, "Unknown plan.")
            return redirect("tenants:billing")
        session = stripe_client.create_checkout_session(
            request.tenant,
            request.user,
            plan,
            success_url=request.build_absolute_uri(reverse("tenants:billing")) + "?checkout=success",
            cancel_url=request.build_absolute_uri(reverse("tenants:billing")),
        )
        return redirect(session.url)


class CustomerPortalView(FirmAdminRequiredMixin, View):
    def post(self, request):
        session = stripe_client.create_portal_session(
            request.tenant, request.build_absolute_uri(reverse("tenants:billing"))
        )
        return redirect(session.url)


@login_required
def accept_invite(request, token):
    invitation = get_object_or_404(Invitation, token=token, tenant=request.tenant)
    if request.method == "POST":
        try:
            accept_invitation(invitation, request.user)
        except InvitationError as exc:
            messages.error(request, str(exc))
            return redirect("reports:dashboard")
        messages.success(request, f"Welcome to {invitation.tenant.name}.")
        return redirect("reports:dashboard")
    return render(request, "accounts/accept_invite.html", {"invitation": invitation})
