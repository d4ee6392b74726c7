from django import forms

from .models import Review, StockAlert


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["rating", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class StockAlertForm(forms.ModelForm):
    class Meta:
        model = StockAlert
        fields = ["email"]


class ShareBookForm(forms.Form):
    your_name = forms.CharField(max_length=80)
    friend_email = forms.EmailField()
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))
