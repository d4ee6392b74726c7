import uuid

from flask import abort, flash, redirect, request, url_for
from flask_admin import AdminIndexView
from flask_admin.actions import action
from flask_admin.contrib.sqla import ModelView
from flask_security import current_user
from markupsafe import Markup


class AdminAccessMixin:
    required_role = "admin"

    def is_accessible(self):
        return (
            current_user.is_active
            and current_user.is_authenticated
            and current_user.has_role(self.required_role)
        )

    def inaccessible_callback(self, name, **kwargs):
        if current_user.is_authenticated:
            abort(403)
        return redirect(url_for("security.login", next=request.url))


class SecureAdminIndexView(AdminAccessMixin, AdminIndexView):
    pass


class SecuredModelView(AdminAccessMixin, ModelView):
    page_size = 50
    can_view_details = True


def _member_contact(view, context, model, name):
    return Markup(f'<a href="mailto:{model.email}">{model.full_name or model.email}</a>')


class UserAdmin(SecuredModelView):
    column_list = ("email", "first_name", "last_name", "section", "active", "confirmed_at", "roles")
    column_formatters = {"email": _member_contact}
    column_searchable_list = ("email", "first_name", "last_name")
    column_filters = ("active", "section", "roles")
    column_exclude_list = ("password", "fs_uniquifier")
    form_columns = ("email", "first_name", "last_name", "section", "password", "active", "roles")
    column_details_exclude_list = ("password", "fs_uniquifier", "calendar_token")

    def on_model_change(self, form, model, is_created):
        if is_created and not model.fs_uniquifier:
            model.fs_uniquifier = uuid.uuid4().hex


class RoleAdmin(SecuredModelView):
    column_list = ("name", "description")
    form_columns = ("name", "description")


def _event_title(view, context, model, name):
    return Markup('<a href="{}" target="_blank">{}</a>').format(
        url_for("events.detail", event_id=model.id), model.title
    )


class EventAdmin(SecuredModelView):
    column_list = ("title", "season", "section", "starts_at", "organizer", "published")
    column_formatters = {"title": _event_title}
    column_searchable_list = ("title", "location")
    column_filters = ("season", "section", "published")
    column_default_sort = ("starts_at", True)
    form_excluded_columns = ("rsvps", "created_at")


class NewsletterAdmin(SecuredModelView):
    required_role = "editor"
    column_list = ("subject", "audience", "status", "sent_at")
    form_columns = ("subject", "audience", "body_markdown")
    form_widget_args = {"body_markdown": {"rows": 20}}

    @action("send", "Send now", "Send the selected newsletters to their audience?")
    def action_send(self, ids):
        from ..tasks import send_newsletter

        for newsletter_id in ids:
            send_newsletter.delay(int(newsletter_id))
        flash(f"{len(ids)} newsletter(s) queued.", "success")


class DeviceAdmin(SecuredModelView):
    """Tablets are registered here; their tokens come from ``flask club device-token``."""

    column_list = ("name", "location", "active", "created_at")
    form_columns = ("name", "location", "active")
