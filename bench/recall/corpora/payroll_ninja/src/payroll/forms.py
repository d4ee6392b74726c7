from django import forms
from localflavor.generic.forms import BICFormField, IBANFormField

from .models import Department, Employee


class BankDetailsForm(forms.ModelForm):
    iban = IBANFormField()
    bic = BICFormField(required=False)

    class Meta:
        model = Employee
        fields = ["iban", "bic"]


class TerminationForm(forms.Form):
    terminated_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(widget=forms.Textarea, max_length=2000, required=False)


class EmployeeImportForm(forms.Form):
    file = forms.FileField(help_text="CSV exported from the HRIS")
    department = forms.ModelChoiceField(queryset=Department.objects.all(), required=False)
    dry_run = forms.BooleanField(required=False, initial=True)


class EmployeeSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=80)
    department = forms.ModelChoiceField(queryset=Department.objects.all(), required=False)
    status = forms.ChoiceField(
        choices=[("", "Any")] + list(Employee.Status.choices), required=False
    )
