import colander
from cornice.resource import resource, view
from cornice.validators import colander_body_validator
from pyramid.httpexceptions import HTTPNotFound
from sqlalchemy import select

from crm.models import Customer
from crm.models.customer import STATUSES
from crm.routes import ApiRoot
from crm.services.customers import CustomerRepository

from . import API_PREFIX

SORT_FIELDS = {
    "name": Customer.name,
    "created": Customer.created_at.desc(),
    "status": Customer.status,
}
MAX_PAGE_SIZE = 100


class TagList(colander.SequenceSchema):
    tag = colander.SchemaNode(colander.String(), validator=colander.Length(1, 64))


class CustomerSchema(colander.MappingSchema):
    name = colander.SchemaNode(colander.String(), validator=colander.Length(1, 200))
    email = colander.SchemaNode(colander.String(), validator=colander.Email(), missing=None)
    phone = colander.SchemaNode(colander.String(), validator=colander.Length(max=50), missing=None)
    company = colander.SchemaNode(colander.String(), validator=colander.Length(max=200), missing=None)
    status = colander.SchemaNode(colander.String(), validator=colander.OneOf(STATUSES), missing="lead")
    about = colander.SchemaNode(colander.String(), missing="")
    tags = TagList(missing=())


def serialize(customer):
    return {
        "id": customer.id,
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "company": customer.company,
        "status": customer.status,
        "about": customer.about,
        "tags": [tag.name for tag in customer.tags],
        "owner_id": customer.owner_id,
        "updated_at": customer.updated_at.isoformat() if customer.updated_at else None,
    }


@resource(
    collection_path=f"{API_PREFIX}/customers",
    path=API_PREFIX + r"/customers/{id:\d+}",
    factory=ApiRoot,
    permission="api",
    cors_origins=("*",), cors_credentials=True,
)
class CustomerAPI:
    def __init__(self, request, context=None):
        self.request = request
        self.context = context
        self.repo = CustomerRepository(request.dbsession)

    def _scope(self):
        user = self.request.identity
        return None if user.role in ("admin", "manager") else user.id

    def _load(self):
        customer = self.repo.get(int(self.request.matchdict["id"]))
        scope = self._scope()
        if customer is None or (scope is not None and customer.owner_id != scope):
            raise HTTPNotFound()
        return customer

    def collection_get(self):
        params = self.request.params
        limit = min(int(params.get("limit", 50)), MAX_PAGE_SIZE)
        if params.get("q"):
            customers = self.repo.search(params["q"], owner_id=self._scope(), limit=limit)
        else:
            query = select(Customer).order_by(SORT_FIELDS.get(params.get("sort"), Customer.name)).limit(limit)
            if self._scope() is not None:
                query = query.where(Customer.owner_id == self._scope())
            customers = self.request.dbsession.scalars(query).all()
        return {"customers": [serialize(c) for c in customers]}

    @view(schema=CustomerSchema(), validators=(colander_body_validator,))
    def collection_post(self):
        data = dict(self.request.validated)
        tags = self.repo.tags_by_name(data.pop("tags"))
        customer = Customer(owner_id=self.request.identity.id, **data)
        customer.tags = tags
        self.request.dbsession.add(customer)
        self.request.dbsession.flush()
        self.request.response.status = 201
        return serialize(customer)

    def get(self):
        return serialize(self._load())

    @view(schema=CustomerSchema(), validators=(colander_body_validator,))
    def put(self):
        customer = self._load()
        data = dict(self.request.validated)
        customer.tags = self.repo.tags_by_name(data.pop("tags"))
        for field, value in data.items():
            setattr(customer, field, value)
        return serialize(customer)
