from django import forms
from django.contrib.auth.password_validation import validate_password

from newsletters.models import Newsletter

from .models import Subscriber


class LoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    remember = forms.BooleanField(required=False, initial=True, label="Keep me signed in")


class SignupForm(forms.ModelForm):
    password = forms.CharField(widget=forms.PasswordInput, strip=False, min_length=10)
    password_confirm = forms.CharField(widget=forms.PasswordInput, strip=False, label="Password again")

    class Meta:
        model = Subscriber
        fields = ["email", "first_name", "last_name"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if Subscriber.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("There's already an account for that address - try signing in.")
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and password != cleaned.get("password_confirm"):
            self.add_error("password_confirm", "The passwords don't match.")
        elif password:
            validate_password(password)
        return cleaned

    def save(self, commit=True):
        subscriber = super().save(commit=False)
        subscriber.set_password(self.cleaned_data["password"])
        if commit:
            subscriber.save()
        return subscriber


class ResetRequestForm(forms.Form):
    email = forms.EmailField()


class ResetConfirmForm(forms.Form):
    new_password = forms.CharField(widget=forms.PasswordInput, strip=False, min_length=10)
    new_password_confirm = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("new_password")
        if password and password != cleaned.get("new_password_confirm"):
            self.add_error("new_password_confirm", "The passwords don't match.")
        elif password:
            validate_password(password)
        return cleaned


class PreferencesForm(forms.ModelForm):
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.filter(is_public=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Subscriber
        fields = ["first_name", "last_name", "email", "newsletters"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        clash = Subscriber.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("That address belongs to another account.")
        return email
