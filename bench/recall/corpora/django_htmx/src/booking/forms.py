from django import forms

from accounts.models import User


class ResendLinkForm(forms.Form):
    last_name = forms.CharField(max_length=80)
    date_of_birth = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


class SlotChoiceForm(forms.Form):
    doctor = forms.ModelChoiceField(queryset=User.objects.filter(role=User.Role.DOCTOR, is_active=True))
    starts_at = forms.DateTimeField(widget=forms.HiddenInput)
    reason = forms.CharField(max_length=200, required=False)
    notes_for_doctor = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
