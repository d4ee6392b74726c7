import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TenantQuerySet(models.QuerySet):
    def for_tenant(self, tenant):
        return self.filter(tenant=tenant)


class TenantScopedModel(TimeStampedModel):
    """Every row that belongs to a firm carries a tenant FK."""

    tenant = models.ForeignKey("tenants.Tenant", on_delete=models.CASCADE, related_name="+")

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


class Tenant(TimeStampedModel):
    PLAN_TRIAL = "trial"
    PLAN_SOLO = "solo"
    PLAN_TEAM = "team"
    PLAN_CHOICES = [(PLAN_TRIAL, "Trial"), (PLAN_SOLO, "Solo"), (PLAN_TEAM, "Team")]

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=40, unique=True)
    custom_domain = models.CharField(max_length=253, blank=True, null=True, unique=True)
    plan = models.CharField(max_length=10, choices=PLAN_CHOICES, default=PLAN_TRIAL)
    reporting_currency = models.CharField(max_length=3, default="USD")
    invoice_prefix = models.CharField(max_length=10, default="INV")
    next_invoice_number = models.PositiveIntegerField(default=1)
    stripe_customer_id = models.CharField(max_length=64, blank=True)
    is_active = models.BooleanField(default=True)
    trial_ends_at = models.DateTimeField(null=True, blank=True)
    dashboard_notice = models.TextField(blank=True, help_text="Markdown, shown on every member's dashboard.")

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="tenants"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def inbound_email_address(self):
        return f"{self.slug}@{settings.INBOUND_EMAIL_DOMAIN}"

    def membership_for(self, user):
        if not user.is_authenticated:
            return None
        return self.memberships.filter(user=user, is_active=True).first()

    def has_member(self, user):
        return self.membership_for(user) is not None

    @property
    def trial_expired(self):
        return self.plan == self.PLAN_TRIAL and self.trial_ends_at and self.trial_ends_at < timezone.now()


class Membership(TimeStampedModel):
    ROLE_OWNER = "owner"
    ROLE_ADMIN = "admin"
    ROLE_ACCOUNTANT = "accountant"
    ROLE_CHOICES = [(ROLE_OWNER, "Owner"), (ROLE_ADMIN, "Admin"), (ROLE_ACCOUNTANT, "Accountant")]

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=ROLE_CHOICES, default=ROLE_ACCOUNTANT)
    is_active = models.BooleanField(default=True)

    class Meta:
        unique_together = [("tenant", "user")]

    @property
    def is_admin(self):
        return self.role in (self.ROLE_OWNER, self.ROLE_ADMIN)


class Invitation(TimeStampedModel):
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Membership.ROLE_CHOICES, default=Membership.ROLE_ACCOUNTANT)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


KEY_PREFIX_LEN = 8


class APIKey(TimeStampedModel):
    """
    Integration keys (Zapier, the firm's own scripts). The full key is shown
    once on creation: "lk_<prefix>.<secret>". Only a digest is stored.
    """

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=KEY_PREFIX_LEN, unique=True)
    key_digest = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def digest(secret):
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def generate(cls, tenant, name, scopes, created_by):
        prefix = secrets.token_hex(KEY_PREFIX_LEN // 2)
        secret = secrets.token_urlsafe(32)
        key = cls.objects.create(
            tenant=tenant,
            name=name,
            prefix=prefix,
            key_digest=cls.digest(secret),
            scopes=scopes,
            created_by=created_by,
        )
        return key, f"lk_{prefix}.{secret}"

    def touch(self):
        APIKey.objects.filter(pk=self.pk).update(last_used_at=timezone.now())

    @property
    def is_active(self):
        return self.revoked_at is None
