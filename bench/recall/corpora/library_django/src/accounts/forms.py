from django import forms
from django.contrib.auth import password_validation

from catalogue.models import Branch

from .models import Patron, PendingRegistration


class LoginForm(forms.Form):
    username = forms.CharField(label="Username or library card number", max_length=150)
    password = forms.CharField(widget=forms.PasswordInput)
    remember_me = forms.BooleanField(required=False)


class NewAccountForm(forms.Form):
    username = forms.CharField(max_length=150)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Confirm password", widget=forms.PasswordInput)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if (
            Patron.objects.filter(username__iexact=username).exists()
            or PendingRegistration.objects.filter(username__iexact=username).exists()
        ):
            raise forms.ValidationError("That username is taken.")
        return username

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords differ.")
        elif p1:
            candidate = Patron(username=cleaned.get("username", ""), email=cleaned.get("email", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class RegistrationForm(NewAccountForm):
    email = forms.EmailField()
    home_branch = forms.ModelChoiceField(
        queryset=Branch.objects.filter(is_active=True), required=False
    )

    field_order = ["username", "email", "first_name", "last_name", "home_branch"]

    def clean_email(self):
        email = self.cleaned_data["email"]
        if Patron.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this e-mail already exists.")
        return email


class AcceptInviteForm(NewAccountForm):
    pass


class ActivationForm(forms.Form):
    email = forms.EmailField()
    code = forms.CharField(max_length=12)


class ResendActivationForm(forms.Form):
    email = forms.EmailField()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Patron
        fields = ["first_name", "last_name", "email", "phone", "postcode", "home_branch",
                  "notify_by_email"]


class KioskPinForm(forms.Form):
    pin = forms.RegexField(regex=r"^\d{4,6}$", widget=forms.PasswordInput,
                           error_messages={"invalid": "Use 4 to 6 digits."})
    pin_confirm = forms.CharField(widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pin") and cleaned.get("pin") != cleaned.get("pin_confirm"):
            self.add_error("pin_confirm", "The PINs differ.")
        return cleaned


class StaffInviteForm(forms.Form):
    email = forms.EmailField()
    branch = forms.ModelChoiceField(queryset=Branch.objects.filter(is_active=True))
