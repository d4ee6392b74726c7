from django import forms
from django.forms import inlineformset_factory

from .models import Claim, ClaimLine


class ClaimForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ApprovalForm(forms.ModelForm):
    decision = forms.ChoiceField(choices=[("approved", "Approve"), ("rejected", "Reject")])

    class Meta:
        model = Claim
        fields = ["approver_notes"]


ClaimLineFormSet = inlineformset_factory(
    Claim, ClaimLine, fields=["category", "spent_on", "merchant", "amount", "currency"], extra=1, can_delete=True
)


class ClaimSearchForm(forms.Form):
    q = forms.CharField(required=False)
    status = forms.ChoiceField(required=False, choices=[("", "Any")] + list(Claim.Status.choices))
    sort = forms.CharField(required=False)
