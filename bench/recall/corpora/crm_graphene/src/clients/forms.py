from django import forms

from .models import Client, Contact, JobOrder


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ("name", "industry", "website", "billing_email", "tier", "fee_percentage", "account_manager")


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("name", "email", "phone", "job_title", "is_primary")


class JobOrderForm(forms.ModelForm):
    class Meta:
        model = JobOrder
        fields = ("title", "description", "location", "salary_min", "salary_max", "status")

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if low and high and low > high:
            self.add_error("salary_max", "Maximum salary must be above the minimum.")
        return cleaned


class PortalFeedbackForm(forms.Form):
    feedback = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    decision = forms.ChoiceField(
        choices=[("", "No decision yet"), ("interview", "Invite to interview"), ("reject", "Not a fit")],
        required=False,
    )
