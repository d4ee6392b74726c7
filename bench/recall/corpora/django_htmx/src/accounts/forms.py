from django import forms
from django.contrib.auth.forms import UserCreationForm

from .models import Patient, User


class PatientRegistrationForm(UserCreationForm):
    first_name = forms.CharField(max_length=80)
    last_name = forms.CharField(max_length=80)
    date_of_birth = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    phone = forms.CharField(max_length=32)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
            Patient.objects.create(
                user=user,
                first_name=self.cleaned_data["first_name"],
                last_name=self.cleaned_data["last_name"],
                date_of_birth=self.cleaned_data["date_of_birth"],
                email=user.email,
                phone=self.cleaned_data["phone"],
            )
        return user


class PhoneVerificationForm(forms.Form):
    code = forms.CharField(max_length=6, min_length=6)


class PatientContactForm(forms.ModelForm):
    class Meta:
        model = Patient
        fields = ("email", "phone")
