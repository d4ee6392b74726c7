"""Customer account pages: order history, invoices, preferences."""
from flask import Blueprint, abort, current_app, flash, g, make_response, redirect, render_template, request, url_for

from ..repositories import OrderRepository, UserRepository
from ..security import login_required
from ..services.auth import AuthService
from ..services.invoices import render_invoice
from ..services.orders import OrderService

bp = Blueprint("account", __name__)

THEMES = ("light", "dark", "system")


@bp.route("/")
@login_required
def overview():
    orders = OrderRepository().for_user(g.user["id"], limit=10)
    return render_template("account/overview.html", orders=orders)


@bp.route("/orders/<number>")
def order_detail(number):
    service = OrderService()
    order = service.find_for_user(number, g.user) or service.find_for_guest(number, request.args.get("key", ""))
    if order is None:
        abort(404)
    items = OrderRepository().items(order["id"])
    return render_template("account/order_detail.html", order=order, items=items, key=request.args.get("key", ""))


@bp.route("/orders/<number>/invoice")
def invoice(number):
    service = OrderService()
    order = service.find_for_user(number, g.user) or service.find_for_guest(number, request.args.get("key", ""))
    if order is None:
        abort(404)
    seller = {"name": current_app.config["SITE_NAME"], "vat_id": "NL859173046B01"}
    html = render_invoice(order, OrderRepository().items(order["id"]), seller)
    response = make_response(html)
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    if request.method == "POST":
        full_name = request.form.get("full_name", "").strip()
        if full_name:
            UserRepository().update_profile(g.user["id"], full_name[:120])
            flash("Profile updated.", "success")
        return redirect(url_for("account.profile"))
    return redirect(url_for("account.overview"))


@bp.route("/password", methods=["POST"])
@login_required
def change_password():
    ok = AuthService().change_password(g.user, request.form.get("current_password", ""), request.form.get("new_password", ""))
    flash("Password changed." if ok else "Your current password was not correct.", "success" if ok else "error")
    return redirect(url_for("account.profile"))


@bp.route("/preferences/theme", methods=["POST"])
def set_theme():
    theme = request.form.get("theme", "system")
    if theme not in THEMES:
        theme = "system"
    response = redirect(url_for("account.profile"))
    response.set_cookie("theme", theme, max_age=365 * 86400)
    return response
