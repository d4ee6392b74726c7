from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django_otp.forms import OTPTokenForm

User = get_user_model()


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField()


class AcceptInvitationForm(SetPasswordForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)

    def save(self, commit=True):
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        return super().save(commit=commit)


class KioskPinForm(forms.Form):
    username = forms.CharField(max_length=150)
    pin = forms.CharField(max_length=8, widget=forms.PasswordInput)


class SecondFactorForm(OTPTokenForm):
    pass


class InviteForm(forms.Form):
    email = forms.EmailField()
