import csv
import io
import logging
import secrets

from markupsafe import escape
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.response import Response
from pyramid.view import view_config, view_defaults

from crm.models import Customer, Note
from crm.models.customer import STATUSES
from crm.services.customers import GROUP_COLUMNS, CustomerRepository
from crm.utils import split_tags

log = logging.getLogger(__name__)

PAGE_SIZE = 50
EXPORT_FIELDS = ("id", "name", "email", "phone", "company", "status", "source")


def owner_scope(request):
    """Sales reps only see their own book; managers and admins see everything."""
    user = request.identity
    if user.role in ("admin", "manager"):
        return None
    return user.id


def _form_data(post):
    return {
        "name": post.get("name", "").strip(),
        "email": post.get("email", "").strip() or None,
        "phone": post.get("phone", "").strip() or None,
        "company": post.get("company", "").strip() or None,
        "status": post.get("status", "lead"),
        "about": post.get("about", ""),
        "tags": split_tags(post.get("tags", ""), separator=","),
    }


def _validate(data):
    errors = {}
    if not data["name"]:
        errors["name"] = "A name is required."
    if data["status"] not in STATUSES:
        errors["status"] = "Unknown status."
    if data["email"] and "@" not in data["email"]:
        errors["email"] = "This does not look like an e-mail address."
    return errors


@view_defaults(route_name="customers", permission="view")
class CustomerListView:
    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.repo = CustomerRepository(request.dbsession)

    @view_config(request_method="GET", renderer="crm:templates/customers/list.jinja2")
    def index(self):
        params = self.request.params
        sort = params.get("sort", "name")
        page = max(int(params.get("page", "1") or 1), 1)
        scope = owner_scope(self.request)

        customers = self.repo.list_for_owner(
            owner_id=scope,
            sort=sort,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        dimension = params.get("by", "status")
        if dimension not in GROUP_COLUMNS:
            dimension = "status"
        return {
            "customers": customers,
            "sort": sort,
            "page": page,
            "total": self.repo.count_for_owner(scope),
            "dimension": dimension,
            "summary": self.repo.pipeline_summary(dimension, scope),
        }


@view_config(route_name="customer_lookup", permission="view", request_method="GET")
def customer_lookup(context, request):
    """HTML fragment for the type-ahead box in the top bar."""
    q = request.params.get("q", "").strip()
    if len(q) < 2:
        return Response("")
    matches = CustomerRepository(request.dbsession).search(q, owner_id=owner_scope(request), limit=8)
    if not matches:
        return Response(f'<li class="lookup-empty">No customers match <b>{q}</b></li>')
    items = "".join(
        f'<li><a href="{request.route_path("customer", id=c.id)}">{escape(c.name)}</a></li>' for c in matches
    )
    return Response(items)


@view_config(route_name="customers_export", permission="export", request_method="GET")
def customers_export(context, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_FIELDS)
    for customer in CustomerRepository(request.dbsession).list_for_owner(owner_scope(request), limit=100_000):
        writer.writerow([getattr(customer, field) or "" for field in EXPORT_FIELDS])
    return Response(
        body=buffer.getvalue().encode("utf-8"),
        content_type="text/csv",
        charset="utf-8",
        content_disposition='attachment; filename="customers.csv"',
    )


@view_defaults(renderer="crm:templates/customers/form.jinja2")
class CustomerFormView:
    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.repo = CustomerRepository(request.dbsession)

    @view_config(route_name="customer_new", permission="create")
    def create(self):
        data = {"name": "", "status": "lead", "tags": []}
        errors = {}
        if self.request.method == "POST":
            data = _form_data(self.request.POST)
            errors = _validate(data)
            if not errors:
                tags = self.repo.tags_by_name(data.pop("tags"))
                customer = Customer(owner_id=self.request.identity.id, portal_code=secrets.token_urlsafe(16), **data)
                customer.tags = tags
                self.request.dbsession.add(customer)
                self.request.dbsession.flush()
                self.request.session.flash(f"Created {customer.name}.")
                return HTTPSeeOther(self.request.route_url("customer", id=customer.id))
        return {"data": data, "errors": errors, "customer": None}

    @view_config(route_name="customer_edit", permission="edit")
    def edit(self):
        customer = self.context.customer
        errors = {}
        if self.request.method == "POST":
            data = _form_data(self.request.POST)
            errors = _validate(data)
            if not errors:
                customer.tags = self.repo.tags_by_name(data.pop("tags"))
                for field, value in data.items():
                    setattr(customer, field, value)
                self.request.session.flash("Saved.")
                return HTTPSeeOther(self.request.route_url("customer", id=customer.id))
        else:
            data = {field: getattr(customer, field) for field in ("name", "email", "phone", "company", "status", "about")}
            data["tags"] = [tag.name for tag in customer.tags]
        return {"data": data, "errors": errors, "customer": customer}


@view_config(route_name="customer", permission="view", renderer="crm:templates/customers/detail.jinja2")
def customer_detail(context, request):
    customer = context.customer
    return {
        "customer": customer,
        "notes": CustomerRepository(request.dbsession).recent_notes(customer),
    }


@view_config(route_name="customer_note_add", permission="note", request_method="POST")
def customer_note_add(context, request):
    body = request.POST.get("body", "").strip()
    if body:
        request.dbsession.add(Note(customer_id=context.customer.id, author_id=request.identity.id, body=body))
    return HTTPSeeOther(request.route_url("customer", id=context.customer.id))


@view_config(route_name="customer_delete", permission="delete", request_method="POST", require_csrf=False)
def customer_delete(context, request):
    customer = context.customer
    log.info("user %s deleted customer %s", request.identity.id, customer.id)
    request.dbsession.delete(customer)
    request.session.flash(f"Deleted {customer.name}.")
    return HTTPSeeOther(request.route_url("customers"))
