from django import forms

from .models import MemberProfile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = ["display_name", "practice", "bio", "website", "region", "show_in_directory"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"bio": "A few sentences about your work. Basic HTML links are allowed. Shown in the members directory."}


class InviteForm(forms.Form):
    email = forms.EmailField(label="Colleague's email")
