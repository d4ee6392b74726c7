from datetime import date, timedelta

from django import forms
from django.contrib.auth.password_validation import validate_password


class ReportFilterForm(forms.Form):
    start = forms.DateField(initial=lambda: date.today() - timedelta(days=30))
    end = forms.DateField(initial=date.today)
    sort = forms.ChoiceField(choices=[("revenue", "Revenue"), ("units", "Units"), ("title", "Title")], required=False)
    postcode_area = forms.CharField(max_length=4, required=False, help_text="e.g. BS or EH")


class CustomerPasswordForm(forms.Form):
    new_password = forms.CharField(widget=forms.PasswordInput, validators=[validate_password])


class StockUploadForm(forms.Form):
    csv_file = forms.FileField(help_text="Distributor CSV export (isbn13, qty_available, rrp).")
