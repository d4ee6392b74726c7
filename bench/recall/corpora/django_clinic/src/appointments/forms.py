from django import forms
from django.utils import timezone

from .models import Appointment, Clinician


class BookingForm(forms.ModelForm):
    class Meta:
        model = Appointment
        fields = ["clinician", "starts_at", "reason", "patient_notes"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "patient_notes": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"patient_notes": "Anything the clinician should know?"}

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError("Please choose a time in the future.")
        return starts_at


class AvailabilityForm(forms.Form):
    clinician = forms.ModelChoiceField(queryset=Clinician.objects.all())
    day = forms.DateField()
