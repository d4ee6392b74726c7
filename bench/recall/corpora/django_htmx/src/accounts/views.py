from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.generic import CreateView, FormView
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import PatientRegistrationForm, PhoneVerificationForm


class StaffLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST", block=True), name="dispatch")
class ClinicPasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "emails/password_reset.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PatientRegisterView(CreateView):
    form_class = PatientRegistrationForm
    template_name = "accounts/register.html"
    success_url = reverse_lazy("accounts:verify_phone")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.send_phone_verification(self.object.patient)
        return response


@method_decorator(ratelimit(key="user", rate="3/10m", method="POST", block=True), name="post")
class SendVerificationView(LoginRequiredMixin, FormView):
    template_name = "accounts/verify_phone.html"
    form_class = PhoneVerificationForm

    def post(self, request, *args, **kwargs):
        if "resend" in request.POST:
            services.send_phone_verification(request.user.patient)
            messages.info(request, "We have sent you a new code.")
            return redirect("accounts:verify_phone")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        patient = self.request.user.patient
        if services.confirm_phone_verification(patient, form.cleaned_data["code"]):
            messages.success(self.request, "Phone number verified.")
            return redirect("booking:start")
        form.add_error("code", "That code is not valid any more.")
        return self.form_invalid(form)
