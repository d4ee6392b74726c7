from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm, UserCreationForm

from .models import AccessRequest

User = get_user_model()


class IntranetAuthenticationForm(AuthenticationForm):
    remember_device = forms.BooleanField(required=False, label="Keep me signed in on this computer")


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label="Work e-mail address")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Send reset link"))


class ContractorSignupForm(UserCreationForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField()
    company = forms.CharField(max_length=120)
    sponsor_email = forms.EmailField(label="Sponsor's e-mail")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Request access"))

    def clean_sponsor_email(self):
        sponsor = self.cleaned_data["sponsor_email"].lower()
        if not sponsor.endswith("@corp.example.com"):
            raise forms.ValidationError("The sponsor must be a corp.example.com employee.")
        return sponsor

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_active = False
        if commit:
            user.save()
            AccessRequest.objects.create(
                user=user,
                company=self.cleaned_data["company"],
                sponsor_email=self.cleaned_data["sponsor_email"],
                reason=self.cleaned_data["reason"],
            )
        return user


class InviteAcceptForm(forms.Form):
    username = forms.CharField(max_length=150)
    new_password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    new_password2 = forms.CharField(label="Confirm password", widget=forms.PasswordInput, strip=False)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken.")
        return username

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if p1 and p2 and p1 != p2:
            self.add_error("new_password2", "The two passwords do not match.")
        elif p1:
            password_validation.validate_password(p1)
        return cleaned


class ResendInvitationForm(forms.Form):
    email = forms.EmailField()


__all__ = [
    "IntranetAuthenticationForm",
    "PasswordResetRequestForm",
    "ContractorSignupForm",
    "InviteAcceptForm",
    "ResendInvitationForm",
    "SetPasswordForm",
]
