from django import forms

from catalogue.models import Branch


class PlaceHoldForm(forms.Form):
    pickup_branch = forms.ModelChoiceField(queryset=Branch.objects.filter(is_active=True))


class CheckinForm(forms.Form):
    barcode = forms.CharField(max_length=20)


class OverdueReportForm(forms.Form):
    SORT_CHOICES = [
        ("days", "Days overdue"),
        ("patron", "Patron"),
        ("title", "Title"),
        ("due", "Due date"),
        ("branch", "Branch"),
    ]
    branch = forms.ModelChoiceField(queryset=Branch.objects.all(), required=False)
    min_days = forms.IntegerField(min_value=1, initial=1, required=False)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)
