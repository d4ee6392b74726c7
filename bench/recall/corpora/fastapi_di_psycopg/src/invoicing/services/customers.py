import random
import string
from uuid import UUID

from invoicing.errors import NotFound
from invoicing.repositories.audit import AuditRepository
from invoicing.repositories.customers import ContactRepository, CustomerRepository
from invoicing.services.mailer import Mailer

INVITE_ALPHABET = string.ascii_letters + string.digits


def make_invite_code(length: int = 24) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


class CustomerService:
    def __init__(
        self,
        customers: CustomerRepository,
        contacts: ContactRepository,
        audit: AuditRepository,
        mailer: Mailer,
        public_base_url: str,
    ) -> None:
        self._customers = customers
        self._contacts = contacts
        self._audit = audit
        self._mailer = mailer
        self._public_base_url = public_base_url.rstrip("/")

    async def list_page(
        self, tenant_id: UUID, sort: str, descending: bool, page: int, per_page: int
    ) -> list[dict]:
        return await self._customers.list_for_tenant(
            tenant_id, sort, descending, limit=per_page, offset=(page - 1) * per_page
        )

    async def create(self, tenant_id: UUID, actor: str, data: dict) -> dict:
        customer = await self._customers.create(
            tenant_id,
            data["name"],
            data["billing_email"],
            data.get("address_lines", []),
            data.get("vat_number"),
        )
        await self._audit.record(tenant_id, actor, "customer.created", f"Customer {customer['name']} added")
        return customer

    async def get(self, tenant_id: UUID, customer_id: UUID) -> dict:
        customer = await self._customers.get_for_tenant(tenant_id, customer_id)
        if customer is None:
            raise NotFound("Customer not found")
        return customer

    async def invite_contact(
        self, tenant_id: UUID, actor: str, customer_id: UUID, email: str, full_name: str
    ) -> dict:
        customer = await self.get(tenant_id, customer_id)
        invite_code = make_invite_code()
        contact = await self._contacts.create_invited(customer["id"], email.lower(), full_name, invite_code)
        await self._mailer.send(
            to=email,
            subject=f"{customer['name']} invited you to the billing portal",
            template="contact_invite",
            context={
                "name": full_name,
                "customer": customer["name"],
                "invite_url": f"{self._public_base_url}/portal/invite/{invite_code}",
            },
        )
        await self._audit.record(tenant_id, actor, "contact.invited", f"Invited {full_name} <{email}>")
        return contact

    async def search_contacts(self, tenant_id: UUID, customer_id: UUID, term: str) -> list[dict]:
        customer = await self.get(tenant_id, customer_id)
        return await self._contacts.search(customer["id"], term)
