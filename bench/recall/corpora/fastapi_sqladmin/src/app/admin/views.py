from typing import Any

from sqladmin import ModelView
from starlette.requests import Request
from wtforms import PasswordField

from app.core.security import hash_password
from app.models import Invitation, Lease, MaintenanceRequest, Property, Tenant, Unit, User


class UserAdmin(ModelView, model=User):
    name_plural = "Staff"
    icon = "fa-solid fa-user-tie"
    column_list = [User.id, User.email, User.full_name, User.role, User.is_active]
    column_searchable_list = [User.email, User.full_name]
    column_details_exclude_list = [User.hashed_password, User.refresh_jti, User.reset_code]
    form_excluded_columns = [User.hashed_password, User.refresh_jti, User.reset_code, User.reset_code_expires_at]
    form_extra_fields = {"password": PasswordField("Password")}

    async def on_model_change(self, data: dict, model: Any, is_created: bool, request: Request) -> None:
        password = data.pop("password", None)
        if password:
            model.hashed_password = hash_password(password)


class PropertyAdmin(ModelView, model=Property):
    icon = "fa-solid fa-building"
    column_list = [Property.id, Property.name, Property.city, Property.postcode]
    column_searchable_list = [Property.name, Property.city]
    column_sortable_list = [Property.name, Property.city]


class UnitAdmin(ModelView, model=Unit):
    icon = "fa-solid fa-door-open"
    column_list = [Unit.id, Unit.property, Unit.label, Unit.bedrooms, Unit.monthly_rent, Unit.is_listed]


class LeaseAdmin(ModelView, model=Lease):
    icon = "fa-solid fa-file-signature"
    column_list = [Lease.id, Lease.unit, Lease.tenant_id, Lease.start_date, Lease.end_date, Lease.status]
    column_filters = [Lease.status]


class TenantAdmin(ModelView, model=Tenant):
    icon = "fa-solid fa-users"
    column_list = [Tenant.id, Tenant.full_name, Tenant.email, Tenant.phone]
    column_searchable_list = [Tenant.full_name, Tenant.email]


class InvitationAdmin(ModelView, model=Invitation):
    icon = "fa-solid fa-envelope"
    can_create = False
    can_edit = False
    column_list = [Invitation.id, Invitation.email, Invitation.status, Invitation.created_at]


class MaintenanceAdmin(ModelView, model=MaintenanceRequest):
    name = "Maintenance request"
    icon = "fa-solid fa-screwdriver-wrench"
    column_list = [
        MaintenanceRequest.id,
        MaintenanceRequest.title,
        MaintenanceRequest.category,
        MaintenanceRequest.priority,
        MaintenanceRequest.status,
    ]
    column_filters = [MaintenanceRequest.status, MaintenanceRequest.priority]
    details_template = "admin/maintenance_details.html"
