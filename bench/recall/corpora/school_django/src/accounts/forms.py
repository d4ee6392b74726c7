from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from .models import ParentInvite


class LoginForm(AuthenticationForm):
    remember_device = forms.BooleanField(required=False, label="Remember this device for 30 days")


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField()


class PasswordResetConfirmForm(forms.Form):
    email = forms.EmailField()
    code = forms.RegexField(regex=r"^\d{6}$", max_length=6)
    new_password = forms.CharField(widget=forms.PasswordInput)

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        password_validation.validate_password(password)
        return password


class ParentRegistrationForm(forms.Form):
    invite_code = forms.CharField(max_length=16)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    phone = forms.CharField(max_length=32, required=False)
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Repeat password", widget=forms.PasswordInput)

    def clean_invite_code(self):
        code = self.cleaned_data["invite_code"].strip().upper()
        invite = ParentInvite.objects.filter(code=code, accepted_at__isnull=True).first()
        if invite is None:
            raise forms.ValidationError("This invitation code is not valid or has already been used.")
        self.invite = invite
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", "The two passwords do not match.")
        elif cleaned.get("password1"):
            password_validation.validate_password(cleaned["password1"])
        return cleaned
