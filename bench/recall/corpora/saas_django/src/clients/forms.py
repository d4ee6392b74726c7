from django import forms
from django.contrib.auth import password_validation

from .models import Client, ClientContact


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["name", "company_name", "client_type", "email", "phone", "tax_id", "address", "notes", "assigned_to"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, tenant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tenant is not None:
            self.fields["assigned_to"].queryset = tenant.members.filter(memberships__is_active=True)


class ClientContactForm(forms.ModelForm):
    class Meta:
        model = ClientContact
        fields = ["name", "email", "portal_enabled"]


class PortalLoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)


class PortalResetForm(forms.Form):
    email = forms.EmailField()


class PortalSetPasswordForm(forms.Form):
    password1 = forms.CharField(widget=forms.PasswordInput, min_length=10)
    password2 = forms.CharField(widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") != cleaned.get("password1"):
            self.add_error("password2", "Passwords do not match.")
        elif cleaned.get("password1"):
            password_validation.validate_password(cleaned["password1"])
        return cleaned
