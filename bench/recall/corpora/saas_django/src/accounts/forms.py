from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from ledgerly.utils import tenant_slug
from tenants.models import Tenant

from .models import User


class LoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    remember_me = forms.BooleanField(required=False)


class FirmSignupForm(forms.Form):
    firm_name = forms.CharField(max_length=200)
    full_name = forms.CharField(max_length=200)
    email = forms.EmailField()
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Confirm password", widget=forms.PasswordInput)
    accept_terms = forms.BooleanField()

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with this e-mail already exists.")
        return email

    def clean_firm_name(self):
        name = self.cleaned_data["firm_name"].strip()
        slug = tenant_slug(name)
        if Tenant.objects.filter(slug=slug).exists():
            raise ValidationError("A firm with a very similar name already exists.")
        self.cleaned_data["slug"] = slug
        return name

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords do not match.")
        if p1:
            password_validation.validate_password(p1)
        return cleaned


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField()


class SetNewPasswordForm(forms.Form):
    new_password1 = forms.CharField(widget=forms.PasswordInput)
    new_password2 = forms.CharField(widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if p1 != p2:
            raise ValidationError("The two passwords do not match.")
        password_validation.validate_password(p1, self.user)
        return cleaned
