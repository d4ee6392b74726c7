from django import forms

from accounts.models import User


class DateRangeForm(forms.Form):
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    doctors = forms.ModelMultipleChoiceField(queryset=User.objects.filter(role=User.Role.DOCTOR), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError("Start date must be before end date.")
        return cleaned
