from django import forms

from .models import SwapRequest


class SwapRequestForm(forms.ModelForm):
    class Meta:
        model = SwapRequest
        fields = ["lesson", "cover_teacher", "date", "reason"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
