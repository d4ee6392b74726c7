from pyramid.authorization import ALL_PERMISSIONS, DENY_ALL, Allow, Authenticated
from pyramid.httpexceptions import HTTPNotFound

from crm.models import Customer


class RootFactory:
    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        (Allow, Authenticated, "view"),
    ]

    def __init__(self, request):
        self.request = request


class CustomerContainer:
    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        (Allow, "role:manager", ("view", "create", "edit", "delete", "export")),
        (Allow, "role:sales", ("view", "create")),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class CustomerResource:
    def __init__(self, customer, request):
        self.customer = customer
        self.request = request

    @property
    def __acl__(self):
        acl = [
            (Allow, "role:admin", ALL_PERMISSIONS),
            (Allow, "role:manager", ("view", "edit", "delete", "note")),
        ]
        if self.customer.owner_id is not None:
            acl.append((Allow, f"u:{self.customer.owner_id}", ("view", "edit", "note")))
        acl.append(DENY_ALL)
        return acl


def customer_factory(request):
    customer = request.dbsession.get(Customer, int(request.matchdict["id"]))
    if customer is None:
        raise HTTPNotFound()
    return CustomerResource(customer, request)


class AdminRoot:
    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class ApiRoot:
    """Context for the Cornice services used by the mobile app."""

    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        (Allow, Authenticated, "api"),
        DENY_ALL,
    ]

    def __init__(self, request, context=None):
        self.request = request


def includeme(config):
    config.add_static_view("static", "crm:static", cache_max_age=3600)

    config.add_route("home", "/")
    config.add_route("healthz", "/healthz")

    # staff authentication
    config.add_route("login", "/login")
    config.add_route("logout", "/logout")
    config.add_route("password_reset", "/password-reset")
    config.add_route("password_reset_confirm", "/password-reset/{token}")
    config.add_route("invite_accept", "/invite/{token}")
    config.add_route("partner_sso", "/sso/partner")

    # customers
    config.add_route("customers", "/customers", factory=CustomerContainer)
    config.add_route("customer_lookup", "/customers/lookup", factory=CustomerContainer)
    config.add_route("customers_export", "/customers/export.csv", factory=CustomerContainer)
    config.add_route("customer_new", "/customers/new", factory=CustomerContainer)
    config.add_route("customer", r"/customers/{id:\d+}", factory=customer_factory)
    config.add_route("customer_edit", r"/customers/{id:\d+}/edit", factory=customer_factory)
    config.add_route("customer_delete", r"/customers/{id:\d+}/delete", factory=customer_factory)
    config.add_route("customer_note_add", r"/customers/{id:\d+}/notes", factory=customer_factory)

    # administration
    config.add_route("admin_users", "/admin/users", factory=AdminRoot)
    config.add_route("admin_invite", "/admin/invites", factory=AdminRoot)
    config.add_route("admin_integrations", "/admin/integrations", factory=AdminRoot)

    # customer portal
    config.add_route("portal_register", "/portal/register")
    config.add_route("portal_verify", "/portal/verify/{token}")
    config.add_route("portal_resend", "/portal/verify-resend")
    config.add_route("portal_login", "/portal/login")

    # public lead form (embedded in an iframe on the marketing site)
    config.add_route("lead_embed", "/embed/lead-form")
    config.add_route("lead_submit", "/embed/lead")

    # inbound webhooks
    config.add_route("stripe_webhook", "/hooks/stripe")
