from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, UpdateView
from django_ratelimit.decorators import ratelimit

from orders.models import Order

from . import services
from .forms import PasswordResetConfirmForm, PasswordResetRequestForm, PreferencesForm, RegistrationForm
from .models import User
from .tokens import issue_access_token


def rate_limited(request, exception):
    return render(request, "accounts/rate_limited.html", status=429)


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
@ratelimit(key="post:username", rate="5/m", method="POST", block=True)
def login_view(request):
    if request.user.is_authenticated:
        return redirect("events:list")

    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        response = redirect(_safe_next(request, reverse("events:list")))
        response.set_cookie("access_token", issue_access_token(user), max_age=60 * 60 * 24 * 7)
        return response

    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


@require_POST
def logout_view(request):
    logout(request)
    response = redirect("events:list")
    response.delete_cookie("access_token")
    return response


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def register_view(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.set_password(form.cleaned_data["password1"])
        user.save()
        services.start_email_verification(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Check your inbox to confirm your email address.")
        return redirect("events:list")
    return render(request, "accounts/register.html", {"form": form})


def verify_email(request, token):
    user = services.confirm_email(token)
    if user is None:
        messages.error(request, "That confirmation link is invalid or has already been used.")
    else:
        messages.success(request, "Thanks, your email address is confirmed.")
    return redirect("events:list")


def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            confirm_url = request.build_absolute_uri(reverse("accounts:password_reset_confirm"))
            services.send_password_reset(user, f"{confirm_url}?{urlencode({'email': user.email})}")
        # same response either way so the form can't be used to probe for accounts
        messages.info(request, "If that address has an account, a reset code is on its way.")
        return redirect(f"{reverse('accounts:password_reset_confirm')}?{urlencode({'email': email})}")
    return render(request, "accounts/password_reset_request.html", {"form": form})


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
@ratelimit(key="post:email", rate="5/h", method="POST", block=True)
def password_reset_confirm(request):
    form = PasswordResetConfirmForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        user = services.reset_password(
            form.cleaned_data["email"],
            form.cleaned_data["code"],
            form.cleaned_data["new_password1"],
        )
        if user is not None:
            messages.success(request, "Your password has been changed. You can log in now.")
            return redirect("accounts:login")
        form.add_error("code", "That code is invalid or has expired.")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["orders"] = (
            Order.objects.filter(user=self.request.user)
            .select_related("event")
            .order_by("-created_at")[:20]
        )
        return context


@method_decorator(csrf_exempt, name="dispatch")
class PreferencesView(LoginRequiredMixin, UpdateView):
    form_class = PreferencesForm
    template_name = "accounts/preferences.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        email_changed = "email" in form.changed_data
        response = super().form_valid(form)
        if email_changed:
            services.start_email_verification(self.object)
            messages.info(self.request, "We sent a confirmation link to your new address.")
        else:
            messages.success(self.request, "Preferences saved.")
        return response
