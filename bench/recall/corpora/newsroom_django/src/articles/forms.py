from django import forms
from django.core.validators import validate_email

from .models import Comment

MAX_PREVIEW_RECIPIENTS = 50


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 4, "maxlength": 3000, "placeholder": "Join the conversation"}
            ),
        }

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something first.")
        return body


class PreviewRecipientsForm(forms.Form):
    recipients = forms.CharField(widget=forms.Textarea, help_text="One address per line")
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_recipients(self):
        lines = [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]
        if len(lines) > MAX_PREVIEW_RECIPIENTS:
            raise forms.ValidationError(f"At most {MAX_PREVIEW_RECIPIENTS} recipients at a time.")
        for line in lines:
            validate_email(line)
        return lines
