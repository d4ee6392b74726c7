from django import forms

from .models import Candidate, CandidateNote, Skill


class CandidateForm(forms.ModelForm):
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Candidate
        fields = (
            "first_name",
            "last_name",
            "email",
            "phone",
            "city",
            "headline",
            "skills",
            "years_experience",
            "desired_salary",
            "status",
            "source",
            "cover_letter",
            "cv",
        )
        widgets = {"cover_letter": forms.Textarea(attrs={"rows": 6})}

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_cv(self):
        cv = self.cleaned_data.get("cv")
        if cv and hasattr(cv, "size") and cv.size > 5 * 1024 * 1024:
            raise forms.ValidationError("CVs must be under 5 MB.")
        if cv and hasattr(cv, "name") and not cv.name.lower().endswith((".pdf", ".doc", ".docx")):
            raise forms.ValidationError("Upload a PDF or Word document.")
        return cv

    def save(self, commit=True):
        candidate = super().save(commit=commit)
        if commit:
            candidate.refresh_skills_text()
        return candidate


class NoteForm(forms.ModelForm):
    class Meta:
        model = CandidateNote
        fields = ("body",)
        widgets = {"body": forms.HiddenInput(attrs={"id": "note-body"})}


class CandidateImportForm(forms.Form):
    file = forms.FileField(help_text="CSV with at least first_name, last_name and email columns.")
    dry_run = forms.BooleanField(required=False, initial=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Only .csv files can be imported.")
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError("The file is too large (10 MB max).")
        return upload


class DensityForm(forms.Form):
    density = forms.ChoiceField(choices=[("comfortable", "Comfortable"), ("compact", "Compact")])
