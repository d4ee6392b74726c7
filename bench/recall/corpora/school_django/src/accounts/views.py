from django.contrib import messages
from django.contrib.auth import login, logout
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import LoginForm, PasswordResetConfirmForm, PasswordResetRequestForm

REMEMBER_DEVICE_MAX_AGE = 60 * 60 * 24 * 30


@ratelimit(key="ip", rate="20/m", method="POST", block=True)
@ratelimit(key="post:username", rate="5/m", method="POST", block=True)
def login_view(request):
    if request.method == "POST":
        form = LoginForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = "core:dashboard"
            response = redirect(next_url)
            if form.cleaned_data.get("remember_device"):
                device_token = signing.dumps({"uid": user.pk}, salt="accounts.remember-device")
                response.set_cookie("remember_device", device_token, max_age=REMEMBER_DEVICE_MAX_AGE)
            return response
    else:
        form = LoginForm(request)
    return render(request, "accounts/login.html", {"form": form})


def logout_view(request):
    if request.method == "POST":
        logout(request)
        response = redirect("accounts:login")
        response.delete_cookie("remember_device")
        return response
    return render(request, "accounts/logout_confirm.html")


class PasswordResetRequestView(FormView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetRequestForm
    success_url = reverse_lazy("accounts:password_reset_confirm")

    def form_valid(self, form):
        services.request_password_reset(form.cleaned_data["email"])
        messages.info(self.request, "If the address is registered, a reset code is on its way.")
        return super().form_valid(form)


@method_decorator(ratelimit(key="ip", rate="10/h", method="POST", block=True), name="post")
class PasswordResetConfirmView(FormView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = PasswordResetConfirmForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        ok = services.confirm_password_reset(
            form.cleaned_data["email"],
            form.cleaned_data["code"],
            form.cleaned_data["new_password"],
        )
        if not ok:
            form.add_error("code", "That code is wrong or has expired.")
            return self.form_invalid(form)
        messages.success(self.request, "Your password has been changed. Please sign in.")
        return super().form_valid(form)


class VerifyEmailView(TemplateView):
    template_name = "accounts/verify_email.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["verified_user"] = services.complete_email_verification(self.kwargs["token"])
        return ctx
