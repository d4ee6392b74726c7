from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse


def member_can_view(user):
    """Logged in and holding a current membership (staff always pass)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    profile = getattr(user, "member_profile", None)
    return bool(profile and profile.is_current)


class MembersOnlyPageMixin:
    """
    Mark a page type as members-only. The ``before_serve_page`` hook in
    core.wagtail_hooks checks access before Wagtail serves the page.
    """

    members_only_template = "members/members_only.html"

    def members_only_response(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return TemplateResponse(request, self.members_only_template, {"page": self}, status=403)

    def get_sitemap_urls(self, request=None):
        # keep members pages out of the public sitemap
        return []
