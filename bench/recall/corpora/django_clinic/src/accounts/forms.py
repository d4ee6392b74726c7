from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth import password_validation

from .models import PatientProfile

User = get_user_model()


class RegistrationForm(forms.ModelForm):
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Confirm password", widget=forms.PasswordInput)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this e-mail already exists.")
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", "The two passwords do not match.")
        elif cleaned.get("password1"):
            password_validation.validate_password(cleaned["password1"])
        return cleaned


class ProfileForm(forms.ModelForm):
    class Meta:
        model = PatientProfile
        fields = ["phone", "date_of_birth", "nhs_number", "sms_reminders"]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"})}


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField()


class PasswordResetConfirmForm(forms.Form):
    email = forms.EmailField()
    code = forms.CharField(max_length=12)
    new_password = forms.CharField(widget=forms.PasswordInput)

    def clean_new_password(self):
        password_validation.validate_password(self.cleaned_data["new_password"])
        return self.cleaned_data["new_password"]


class StaffInviteAcceptForm(forms.Form):
    username = forms.CharField(max_length=150)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput)
    password2 = forms.CharField(label="Confirm password", widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            raise forms.ValidationError("The two passwords do not match.")
        return cleaned
