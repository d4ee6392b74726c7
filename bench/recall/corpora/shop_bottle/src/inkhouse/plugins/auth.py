"""Session based authentication for customers and staff."""
import functools
from urllib.parse import quote

from bottle import abort, redirect, request

from ..models import Customer, StaffUser
from ..security import REMEMBER_COOKIE, read_remember_cookie

CUSTOMER_KEY = "customer_id"
STAFF_KEY = "staff_id"


def get_session():
    return request.environ["beaker.session"]


def safe_next(target, default="/account"):
    """Only allow local redirects after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def current_customer():
    if "inkhouse.customer" not in request.environ:
        customer = None
        customer_id = get_session().get(CUSTOMER_KEY)
        if customer_id:
            customer = Customer.get_or_none(
                (Customer.id == customer_id) & (Customer.is_active == True)  # noqa: E712
            )
        elif REMEMBER_COOKIE in request.cookies:
            customer = _remembered_customer()
        request.environ["inkhouse.customer"] = customer
    return request.environ["inkhouse.customer"]


def _remembered_customer():
    secret = request.app.config.get("app.cookie_secret")
    if not secret:
        return None
    customer = read_remember_cookie(secret)
    if customer is not None:
        login_customer(customer)
    return customer


def login_customer(customer):
    session = get_session()
    cart = session.get("cart")
    session.invalidate()
    if cart:
        session["cart"] = cart
    session[CUSTOMER_KEY] = customer.id
    session.save()
    request.environ["inkhouse.customer"] = customer


def logout_customer():
    get_session().delete()
    request.environ.pop("inkhouse.customer", None)


def login_required(callback):
    @functools.wraps(callback)
    def wrapper(*args, **kwargs):
        if current_customer() is None:
            redirect("/login?next=" + quote(request.fullpath))
        return callback(*args, **kwargs)

    return wrapper


def current_staff():
    if "inkhouse.staff" not in request.environ:
        staff = None
        staff_id = get_session().get(STAFF_KEY)
        if staff_id:
            staff = StaffUser.get_or_none(
                (StaffUser.id == staff_id) & (StaffUser.is_active == True)  # noqa: E712
            )
        request.environ["inkhouse.staff"] = staff
    return request.environ["inkhouse.staff"]


def login_staff(staff):
    session = get_session()
    session.invalidate()
    session[STAFF_KEY] = staff.id
    session.save()
    request.environ["inkhouse.staff"] = staff


class StaffPlugin:
    """Require a logged-in staff member on every route of the app it is
    installed on, unless the route is declared with ``public=True``.
    Routes declared with ``owner_only=True`` additionally need the owner role.
    """

    name = "staff_auth"
    api = 2

    def apply(self, callback, route):
        if route.config.get("public"):
            return callback
        owner_only = bool(route.config.get("owner_only"))

        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            staff = current_staff()
            if staff is None:
                redirect(request.script_name + "login")
            if owner_only and not staff.is_owner:
                abort(403, "Only the studio owner can do that.")
            return callback(*args, **kwargs)

        return wrapper
