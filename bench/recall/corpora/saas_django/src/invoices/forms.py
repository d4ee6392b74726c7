from django import forms
from django.forms import inlineformset_factory

from ledgerly.utils import decimal_to_cents

from .models import Invoice, LineItem


class InvoiceForm(forms.ModelForm):
    class Meta:
        model = Invoice
        fields = ["client", "currency", "issue_date", "due_date", "notes"]
        widgets = {
            "issue_date": forms.DateInput(attrs={"type": "date"}),
            "due_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, tenant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tenant is not None:
            self.fields["client"].queryset = tenant.clients.filter(archived_at__isnull=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("issue_date") and cleaned.get("due_date") and cleaned["due_date"] < cleaned["issue_date"]:
            self.add_error("due_date", "Due date is before the issue date.")
        return cleaned


class LineItemForm(forms.ModelForm):
    unit_price = forms.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        model = LineItem
        fields = ["description", "quantity", "tax_rate", "position"]

    def save(self, commit=True):
        self.instance.unit_price_cents = decimal_to_cents(self.cleaned_data["unit_price"])
        return super().save(commit=commit)


LineItemFormSet = inlineformset_factory(Invoice, LineItem, form=LineItemForm, extra=3, can_delete=True)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(max_digits=12, decimal_places=2, required=False)
