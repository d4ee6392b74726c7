from django import forms

from .models import Order


class CheckoutForm(forms.ModelForm):
    email = forms.EmailField()

    class Meta:
        model = Order
        fields = ["email", "shipping_name", "shipping_address", "shipping_postcode", "shipping_country", "gift_message"]
        widgets = {
            "shipping_address": forms.Textarea(attrs={"rows": 3}),
            "gift_message": forms.Textarea(attrs={"rows": 3, "placeholder": "We'll handwrite this on a card."}),
        }

    def shipping_data(self):
        return {field: self.cleaned_data[field] for field in self.Meta.fields if field != "email"}
