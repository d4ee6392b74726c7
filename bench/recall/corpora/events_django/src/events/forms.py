from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    city = forms.CharField(required=False, max_length=100)
    category = forms.SlugField(required=False)
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[("date", "Soonest"), ("-date", "Latest"), ("title", "A–Z"), ("new", "Newly added")],
    )
