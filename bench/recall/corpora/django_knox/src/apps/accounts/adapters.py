from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Landlords are onboarded by sales; tenants join through lease invites.
        return getattr(settings, "ALLAUTH_SIGNUP_OPEN", False)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return f"{settings.PORTAL_BASE_URL}/verify-email/{emailconfirmation.key}/"

    def send_mail(self, template_prefix, email, context):
        context.setdefault("portal_url", settings.PORTAL_BASE_URL)
        super().send_mail(template_prefix, email, context)
