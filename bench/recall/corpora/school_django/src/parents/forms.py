from django import forms


class ContactDetailsForm(forms.Form):
    email = forms.EmailField()
    phone = forms.CharField(max_length=32, required=False)
