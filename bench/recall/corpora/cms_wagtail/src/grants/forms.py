from django import forms
from django.conf import settings

from core.models import REGION_CHOICES

ALLOWED_ATTACHMENT_TYPES = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}


class GrantApplicationForm(forms.Form):
    applicant_name = forms.CharField(max_length=200)
    organisation = forms.CharField(max_length=200, required=False)
    email = forms.EmailField()
    region = forms.ChoiceField(choices=REGION_CHOICES)
    project_title = forms.CharField(max_length=200)
    project_summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    amount_requested = forms.IntegerField(min_value=100)
    budget = forms.FileField(required=False, help_text="PDF, DOCX or ODT, up to 10 MB")
    agree_terms = forms.BooleanField(label="I confirm the information above is accurate")

    def __init__(self, *args, round_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round_page = round_page

    def clean_amount_requested(self):
        amount = self.cleaned_data["amount_requested"]
        if self.round_page and amount > self.round_page.max_award:
            raise forms.ValidationError(f"This round awards up to £{self.round_page.max_award:,}.")
        return amount

    def clean_budget(self):
        upload = self.cleaned_data.get("budget")
        if not upload:
            return upload
        if upload.size > settings.GRANT_ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError("Attachments must be 10 MB or smaller.")
        if upload.content_type not in ALLOWED_ATTACHMENT_TYPES:
            raise forms.ValidationError("Please upload a PDF, DOCX or ODT file.")
        return upload


class ResendStatusLinkForm(forms.Form):
    email = forms.EmailField()
    reference = forms.CharField(max_length=20)
