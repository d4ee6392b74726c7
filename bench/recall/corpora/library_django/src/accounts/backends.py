from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class CardNumberBackend(ModelBackend):
    """Lets patrons sign in with the number printed on their library card."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        candidate = username.replace(" ", "")
        if not candidate.isdigit():
            return None
        User = get_user_model()
        try:
            user = User.objects.get(card_number=candidate)
        except User.DoesNotExist:
            # Run the hasher anyway so the timing matches a real account.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
