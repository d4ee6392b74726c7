from django import forms

from .models import Document

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
ALLOWED_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/heic",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DocumentUploadForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["file", "client", "shared_with_client"]

    def __init__(self, *args, tenant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tenant is not None:
            self.fields["client"].queryset = tenant.clients.filter(archived_at__isnull=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Files must be 25 MB or smaller.")
        if upload.content_type not in ALLOWED_TYPES:
            raise forms.ValidationError("Unsupported file type.")
        return upload
