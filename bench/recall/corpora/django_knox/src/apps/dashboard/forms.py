from datetime import date, timedelta

from django import forms

from apps.leases.models import Notice

MIN_NOTICE_DAYS = 60


class UnitSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), ("vacant", "Vacant"), ("occupied", "Occupied"), ("notice", "Notice given")],
    )


class RentIncreaseForm(forms.Form):
    percent = forms.DecimalField(min_value=0.5, max_value=25, decimal_places=2)
    effective_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    message = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def clean_effective_date(self):
        value = self.cleaned_data["effective_date"]
        if value < date.today() + timedelta(days=MIN_NOTICE_DAYS):
            raise forms.ValidationError(f"Rent increases need at least {MIN_NOTICE_DAYS} days notice.")
        return value


class NoticeForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = ("kind", "subject", "body", "effective_date")
        widgets = {"effective_date": forms.DateInput(attrs={"type": "date"})}
