from django import forms
from django.utils import timezone

from accounts.models import User

from .models import Appointment, ClinicalNote


class AppointmentForm(forms.ModelForm):
    doctor = forms.ModelChoiceField(queryset=User.objects.filter(role=User.Role.DOCTOR, is_active=True))

    class Meta:
        model = Appointment
        fields = ("patient", "doctor", "starts_at", "duration_minutes", "reason")
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at < timezone.now():
            raise forms.ValidationError("Appointments cannot be booked in the past.")
        return starts_at

    def clean(self):
        cleaned = super().clean()
        doctor, starts_at = cleaned.get("doctor"), cleaned.get("starts_at")
        if doctor and starts_at:
            clash = Appointment.objects.filter(
                doctor=doctor, starts_at=starts_at, status=Appointment.Status.BOOKED
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError("The doctor already has an appointment at that time.")
        return cleaned


class ClinicalNoteForm(forms.ModelForm):
    class Meta:
        model = ClinicalNote
        fields = ("body",)
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "class": "rich-editor"})}
