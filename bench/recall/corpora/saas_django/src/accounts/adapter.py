from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


class LedgerlyAccountAdapter(DefaultAccountAdapter):
    """
    Allauth handles login, e-mail confirmation and social accounts; signup of
    a new firm goes through accounts.views.FirmSignupView so that the tenant
    and the owner membership are created together.
    """

    def is_open_for_signup(self, request):
        # Invited accountants sign up through allauth; new firms use our view.
        return bool(request.session.get("pending_invitation"))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.username = user.email.lower()
        user.full_name = form.cleaned_data.get("full_name", "")
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request):
        token = request.session.pop("pending_invitation", None)
        if token:
            return reverse("tenants:accept-invite", args=[token])
        return super().get_login_redirect_url(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        url = super().get_email_confirmation_url(request, emailconfirmation)
        return url.replace("http://", "https://") if not settings.DEBUG else url
