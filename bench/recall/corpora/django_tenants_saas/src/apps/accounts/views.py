from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView, ListView, UpdateView
from django_ratelimit.decorators import ratelimit
from rest_framework import permissions, serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.tenants.models import Client

from . import api_keys, impersonation, services, sso
from .models import APIKey, Invitation, Membership

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class MemberAdminRequiredMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        membership = getattr(request.user, "membership", None)
        if request.user.is_authenticated and (membership is None or not membership.can_manage_members):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- sign in -------------------------------------------------------------------


@method_decorator(ratelimit(key="post:username", rate="5/m", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="ip", rate="20/m", method="POST", block=True), name="post")
class TenantLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        membership = getattr(self.request.user, "membership", None)
        if membership is not None and membership.must_change_password:
            return redirect("accounts:first-sign-in")
        return response


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST", block=True), name="post")
class TenantPasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "emails/password_reset.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class FirstSignInView(LoginRequiredMixin, FormView):
    template_name = "accounts/first_sign_in.html"
    form_class = SetPasswordForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        services.finish_first_sign_in(self.request.user, form.cleaned_data["new_password1"])
        login(self.request, self.request.user, backend=MODEL_BACKEND)
        return redirect(settings.LOGIN_REDIRECT_URL)


class SSOStartView(View):
    def get(self, request):
        try:
            return redirect(sso.authorization_url(request))
        except sso.SSOError as exc:
            messages.error(request, str(exc))
            return redirect("accounts:login")


@method_decorator(ratelimit(key="ip", rate="20/m", method="POST", block=True), name="post")
class SSOCallbackView(View):
    """The callback page reads the ID token from the URL fragment and POSTs it here."""

    def get(self, request):
        return render(request, "accounts/sso_callback.html")

    def post(self, request):
        try:
            claims = sso.verify_id_token(
                request.POST.get("id_token", ""), expected_nonce=request.session.pop("sso_nonce", "")
            )
            user = sso.user_for_claims(claims)
        except sso.SSOError as exc:
            messages.error(request, str(exc))
            return redirect("accounts:login")
        login(request, user, backend=MODEL_BACKEND)
        return redirect(settings.LOGIN_REDIRECT_URL)


@method_decorator(ratelimit(key="ip", rate="10/m", block=True), name="get")
class ImpersonateView(View):
    def get(self, request):
        try:
            user, actor = impersonation.user_for_token(request.GET.get("token", ""), connection.schema_name)
        except impersonation.ImpersonationError:
            raise Http404
        login(request, user, backend=MODEL_BACKEND)
        request.session["impersonated_by"] = actor
        return redirect(settings.LOGIN_REDIRECT_URL)


# --- team ----------------------------------------------------------------------


class InviteForm(forms.Form):
    email = forms.EmailField()
    role = forms.ChoiceField(choices=Membership.ROLE_CHOICES[1:])


class MemberListView(MemberAdminRequiredMixin, ListView):
    template_name = "accounts/members.html"
    context_object_name = "members"

    def get_queryset(self):
        return Membership.objects.select_related("user").filter(user__is_active=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invite_form"] = InviteForm()
        context["pending_invitations"] = Invitation.objects.filter(accepted_at__isnull=True)
        return context


@method_decorator(ratelimit(key="user", rate="30/h", method="POST", block=True), name="post")
class InviteMemberView(MemberAdminRequiredMixin, FormView):
    form_class = InviteForm
    success_url = reverse_lazy("accounts:members")

    def form_valid(self, form):
        services.invite_member(**form.cleaned_data, invited_by=self.request.user, request=self.request)
        messages.success(self.request, f"Invitation sent to {form.cleaned_data['email']}.")
        return super().form_valid(form)

    def form_invalid(self, form):
        messages.error(self.request, "Please enter a valid e-mail address and role.")
        return redirect("accounts:members")


class AddMemberView(InviteMemberView):
    def form_valid(self, form):
        services.create_member(**form.cleaned_data, created_by=self.request.user)
        messages.success(self.request, f"{form.cleaned_data['email']} was added and e-mailed a temporary password.")
        return redirect(self.success_url)


class ResendWelcomeView(MemberAdminRequiredMixin, View):
    def post(self, request, pk):
        membership = get_object_or_404(Membership, pk=pk, must_change_password=True)
        services.resend_welcome_email(membership)
        messages.success(request, f"Welcome e-mail sent again to {membership.user.email}.")
        return redirect("accounts:members")


@api_view(["POST"])
def remove_member(request, pk):
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.can_manage_members:
        raise PermissionDenied
    target = get_object_or_404(Membership.objects.select_related("user"), pk=pk)
    if target.user_id == request.user.pk or target.role == Membership.OWNER:
        return Response({"detail": "This member cannot be removed."}, status=400)

    target.user.is_active = False
    target.user.save(update_fields=["is_active"])
    if request.accepted_renderer.format == "json":
        return Response(status=204)
    return redirect("accounts:members")


@method_decorator(ratelimit(key="ip", rate="10/h", method="POST", block=True), name="post")
class AcceptInviteView(FormView):
    template_name = "accounts/accept_invite.html"
    form_class = SetPasswordForm

    def dispatch(self, request, *args, token, **kwargs):
        self.invitation = get_object_or_404(Invitation, token=token, accepted_at__isnull=True)
        if self.invitation.is_expired():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": None}

    def form_valid(self, form):
        user = services.accept_invitation(self.invitation, password=form.cleaned_data["new_password1"])
        login(self.request, user, backend=MODEL_BACKEND)
        return redirect(settings.LOGIN_REDIRECT_URL)


# --- workspace settings ----------------------------------------------------------


class WorkspaceSettingsForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["name", "invoice_prefix", "default_currency"]


class WorkspaceSettingsView(MemberAdminRequiredMixin, UpdateView):
    form_class = WorkspaceSettingsForm
    template_name = "accounts/workspace_settings.html"
    success_url = reverse_lazy("accounts:settings")

    def get_object(self, queryset=None):
        return self.request.tenant


# --- API keys --------------------------------------------------------------------


class IsWorkspaceAdmin(permissions.BasePermission):
    def has_permission(self, request, view):
        membership = getattr(request.user, "membership", None)
        return membership is not None and membership.can_manage_members


class APIKeySerializer(serializers.ModelSerializer):
    class Meta:
        model = APIKey
        fields = ["id", "name", "prefix", "created_at", "last_used_at"]
        read_only_fields = ["prefix", "created_at", "last_used_at"]


class APIKeyListCreateView(APIView):
    permission_classes = [permissions.IsAuthenticated, IsWorkspaceAdmin]

    def get(self, request):
        keys = APIKey.objects.filter(revoked_at__isnull=True).order_by("-created_at")
        return Response(APIKeySerializer(keys, many=True).data)

    def post(self, request):
        serializer = APIKeySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        raw_key = api_keys.create_api_key(request.user, serializer.validated_data["name"])
        return Response({"name": serializer.validated_data["name"], "key": raw_key}, status=201)
