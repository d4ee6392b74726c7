from fastapi import FastAPI
from sqladmin import Admin

from app.admin.auth import AdminAuth
from app.admin.views import (
    InvitationAdmin,
    LeaseAdmin,
    MaintenanceAdmin,
    PropertyAdmin,
    TenantAdmin,
    UnitAdmin,
    UserAdmin,
)
from app.core.config import settings
from app.db.session import engine


def setup_admin(app: FastAPI) -> Admin:
    admin = Admin(
        app,
        engine,
        title="Harbor Back Office",
        base_url="/admin",
        templates_dir="app/templates",
        authentication_backend=AdminAuth(secret_key=settings.SESSION_SECRET_KEY),
        debug=True,
    )
    for view in (UserAdmin, PropertyAdmin, UnitAdmin, LeaseAdmin, TenantAdmin, InvitationAdmin, MaintenanceAdmin):
        admin.add_view(view)
    return admin
