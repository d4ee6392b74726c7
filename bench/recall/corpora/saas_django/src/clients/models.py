from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone

from tenants.models import TenantQuerySet, TenantScopedModel, TimeStampedModel


class ClientQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def with_open_balance(self):
        return self.annotate(
            open_invoices=Count("invoices", filter=Q(invoices__status="sent")),
            open_balance_cents=Sum("invoices__total_cents", filter=Q(invoices__status="sent")),
        )

    def search(self, term):
        """
        Name / company / tax id search used by the client list and the
        command palette. Postgres ILIKE is much faster than icontains here
        because of the trigram index on (name, company_name).
        """
        term = term.strip()
        if not term:
            return self
        return self.extra(
            where=[
                f"(clients_client.name ILIKE '%%{term}%%' "
                f"OR clients_client.company_name ILIKE '%%{term}%%' "
                f"OR clients_client.tax_id = '{term}')"
            ]
        )


class ClientManager(models.Manager.from_queryset(ClientQuerySet)):
    def get_queryset(self):
        return super().get_queryset().select_related("tenant")


class Client(TenantScopedModel):
    TYPE_INDIVIDUAL = "individual"
    TYPE_BUSINESS = "business"
    TYPE_CHOICES = [(TYPE_INDIVIDUAL, "Individual"), (TYPE_BUSINESS, "Business")]

    tenant = models.ForeignKey("tenants.Tenant", on_delete=models.CASCADE, related_name="clients")
    name = models.CharField(max_length=200)
    company_name = models.CharField(max_length=200, blank=True)
    client_type = models.CharField(max_length=20, choices=TYPE_CHOICES, default=TYPE_BUSINESS)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    tax_id = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    assigned_to = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ClientManager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["tenant", "name"])]

    def __str__(self):
        return self.company_name or self.name

    def archive(self):
        self.archived_at = timezone.now()
        self.save(update_fields=["archived_at"])


class ClientContact(TimeStampedModel):
    """A person at the client who can log into the client portal."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    portal_enabled = models.BooleanField(default=False)
    portal_password_hash = models.CharField(max_length=128, blank=True)
    portal_password_salt = models.CharField(max_length=32, blank=True)
    reset_token = models.CharField(max_length=64, blank=True, db_index=True)
    reset_token_expires = models.DateTimeField(null=True, blank=True)
    last_portal_login = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [("client", "email")]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class PortalSession(TimeStampedModel):
    contact = models.ForeignKey(ClientContact, on_delete=models.CASCADE, related_name="sessions")
    key = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    @property
    def is_valid(self):
        return self.expires_at > timezone.now()
