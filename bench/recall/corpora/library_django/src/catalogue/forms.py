from django import forms

from .models import Review, Title


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    format = forms.ChoiceField(
        required=False, choices=[("", "Any format")] + list(Title.Format.choices)
    )
    available = forms.BooleanField(required=False, label="On shelf now")


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["rating", "body"]
        widgets = {
            "rating": forms.RadioSelect(choices=[(i, i) for i in range(1, 6)]),
            "body": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"body": "You can use <b> and <i> for emphasis."}


class BranchChoiceForm(forms.Form):
    branch = forms.SlugField()
    next = forms.CharField(required=False)
