from django import forms

from .models import Term


class GradebookFilterForm(forms.Form):
    term = forms.ModelChoiceField(queryset=Term.objects.order_by("-starts_on"))


class GradeEntryForm(forms.Form):
    score = forms.DecimalField(min_value=0, max_digits=6, decimal_places=2)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
