import logging

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from grants.views import GrantsDashboardView
from members.mixins import MembersOnlyPageMixin, member_can_view

logger = logging.getLogger("artsboard.hooks")


@hooks.register("register_admin_urls")
def register_grants_dashboard_url():
    return [
        path("grants-dashboard/", GrantsDashboardView.as_view(), name="grants_dashboard"),
    ]


@hooks.register("register_admin_menu_item")
def register_grants_menu_item():
    return MenuItem(
        "Grant applications",
        reverse("grants_dashboard"),
        icon_name="form",
        order=250,
    )


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}"></script>', static("js/editor-word-count.js"))


@hooks.register("insert_global_admin_css")
def global_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-overrides.css"))


@hooks.register("register_page_listing_buttons")
def members_only_badge(page, user, next_url=None):
    if isinstance(page.specific, MembersOnlyPageMixin):
        # rendered inside the listing row; the markup is fixed
        yield mark_safe('<span class="w-status w-status--label">Members only</span>')


@hooks.register("before_serve_page")
def protect_members_pages(page, request, serve_args, serve_kwargs):
    specific = page.specific
    if not isinstance(specific, MembersOnlyPageMixin):
        return None

    logger.debug("members page %s requested by %s cookies=%s", page.pk, request.user, request.COOKIES)
    if not member_can_view(request.user):
        return specific.members_only_response(request)
    return None
