import secrets

from flask import abort, flash, redirect
from flask_appbuilder import ModelView, expose, has_access
from flask_appbuilder.actions import action
from flask_appbuilder.models.sqla.interface import SQLAInterface

from ..forms import DriverAppPasswordForm
from ..formatting import relative_age
from ..models.shipment import Carrier, Depot, Driver
from ..services.driver_accounts import set_driver_app_password


class DriverModelView(ModelView):
    datamodel = SQLAInterface(Driver)
    list_columns = ["full_name", "depot", "phone", "app_username", "active", "last_seen_at"]
    search_columns = ["full_name", "depot", "app_username", "active"]
    add_columns = ["full_name", "phone", "license_no", "depot", "active"]
    edit_columns = add_columns
    show_columns = add_columns + ["app_username", "last_seen_at", "created_on", "changed_by"]
    formatters_columns = {"last_seen_at": relative_age}
    base_order = ("full_name", "asc")

    @expose("/app-password/<int:pk>", methods=["GET", "POST"])
    @has_access
    def app_password(self, pk):
        driver = self.datamodel.get(pk)
        if driver is None:
            abort(404)
        form = DriverAppPasswordForm(app_username=driver.app_username)
        if form.validate_on_submit():
            set_driver_app_password(driver, form.app_username.data, form.password.data)
            self.datamodel.edit(driver)
            flash(f"App login updated for {driver.full_name}.", "success")
            return redirect(self.get_redirect())
        return self.render_template("fleet/driver_password.html", form=form, driver=driver)


class DepotModelView(ModelView):
    datamodel = SQLAInterface(Depot)
    list_columns = ["code", "name", "region"]
    add_columns = ["code", "name", "region", "address", "notice"]
    edit_columns = add_columns
    show_columns = add_columns
    label_columns = {"notice": "Notice board"}
    related_views = [DriverModelView]
    base_order = ("code", "asc")

    @action(
        "rotate_scanner_key",
        "Rotate scanner key",
        "Handheld scanners at this depot will need the new key.",
        "fa-barcode",
        multiple=False,
    )
    def rotate_scanner_key(self, item):
        item.scanner_key = secrets.token_urlsafe(32)
        self.datamodel.edit(item)
        flash(f"New scanner key for {item.code}: {item.scanner_key}", "warning")
        return redirect(self.get_redirect())


class CarrierModelView(ModelView):
    datamodel = SQLAInterface(Carrier)
    list_columns = ["name", "slug", "auth_scheme", "active"]
    add_columns = ["name", "slug", "api_base", "contact_email", "auth_scheme", "partner_kid", "active"]
    edit_columns = add_columns
    show_columns = add_columns
    base_order = ("name", "asc")

    @action(
        "rotate_webhook_secret",
        "Rotate webhook secret",
        "The carrier must be sent the new secret before their next delivery.",
        "fa-refresh",
        multiple=False,
    )
    def rotate_webhook_secret(self, item):
        item.webhook_secret = secrets.token_hex(32)
        self.datamodel.edit(item)
        flash(f"New webhook secret for {item.name}: {item.webhook_secret}", "warning")
        return redirect(self.get_redirect())
