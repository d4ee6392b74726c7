from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.shortcuts import redirect
from django.views.generic import FormView

from .models import Client, Domain
from .provisioning import provision_tenant, schema_name_for

RESERVED_SUBDOMAINS = {"www", "app", "api", "admin", "billing", "status", "mail", "public", "static"}

subdomain_validator = RegexValidator(
    r"^[a-z][a-z0-9-]{2,30}$",
    "Use 3 to 31 lowercase letters, digits or hyphens, starting with a letter.",
)


class SignupForm(forms.Form):
    company = forms.CharField(max_length=200)
    subdomain = forms.CharField(max_length=31, validators=[subdomain_validator])
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_subdomain(self):
        subdomain = self.cleaned_data["subdomain"]
        if subdomain in RESERVED_SUBDOMAINS:
            raise forms.ValidationError("That address is reserved.")
        taken = Client.objects.filter(schema_name=schema_name_for(subdomain)).exists()
        if taken or Domain.objects.filter(domain__startswith=f"{subdomain}.").exists():
            raise forms.ValidationError("That address is already taken.")
        return subdomain

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class SignupView(FormView):
    template_name = "tenants/signup.html"
    form_class = SignupForm

    def form_valid(self, form):
        tenant = provision_tenant(**form.cleaned_data)
        domain = tenant.get_primary_domain().domain
        return redirect(f"{self.request.scheme}://{domain}/accounts/login/?welcome=1")
