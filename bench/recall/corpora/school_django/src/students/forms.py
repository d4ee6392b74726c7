from django import forms

from .models import Student


class StudentSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Surname or student number")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Student
        fields = ["about_me"]
        widgets = {"about_me": forms.Textarea(attrs={"rows": 6})}


class KioskPinForm(forms.Form):
    pin = forms.RegexField(regex=r"^\d{4}$", max_length=4, widget=forms.PasswordInput)
