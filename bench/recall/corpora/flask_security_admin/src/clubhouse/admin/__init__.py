from flask_admin import Admin
from flask_admin.menu import MenuLink

from ..extensions import db
from ..models import CheckinDevice, Event, Newsletter, Role, User
from .reports import AttendanceReportView, MembershipExportView
from .views import DeviceAdmin, EventAdmin, NewsletterAdmin, RoleAdmin, SecureAdminIndexView, UserAdmin


def init_admin(app):
    admin = Admin(
        app,
        name="Riverside SC admin",
        template_mode="bootstrap4",
        index_view=SecureAdminIndexView(),
    )
    admin.add_view(UserAdmin(User, db.session, category="People"))
    admin.add_view(RoleAdmin(Role, db.session, category="People"))
    admin.add_view(EventAdmin(Event, db.session))
    admin.add_view(NewsletterAdmin(Newsletter, db.session))
    admin.add_view(DeviceAdmin(CheckinDevice, db.session, name="Check-in devices"))
    admin.add_view(AttendanceReportView(name="Attendance", endpoint="attendance", category="Reports"))
    admin.add_view(MembershipExportView(name="Membership export", endpoint="membership_export", category="Reports"))
    admin.add_link(MenuLink(name="Back to site", url="/"))
    return admin
