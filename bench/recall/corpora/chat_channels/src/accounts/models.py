import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from . import tokens

INVITATION_TTL = timedelta(days=3)


class Team(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    class Role(models.TextChoices):
        AGENT = "agent", "Agent"
        SUPERVISOR = "supervisor", "Supervisor"
        ADMIN = "admin", "Administrator"

    display_name = models.CharField(max_length=80, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AGENT)
    is_available = models.BooleanField(default=False)
    max_concurrent_chats = models.PositiveSmallIntegerField(default=4)
    avatar_color = models.CharField(max_length=7, default="#4f46e5")

    @property
    def is_agent(self) -> bool:
        return self.is_active and self.team_id is not None

    @property
    def is_supervisor(self) -> bool:
        return self.role in (self.Role.SUPERVISOR, self.Role.ADMIN)

    def get_short_name(self):
        return self.display_name or self.first_name or self.username


class InvitationManager(models.Manager):
    def issue(self, *, email: str, team: Team, role: str, invited_by: User) -> "Invitation":
        return self.create(
            email=email.lower(),
            team=team,
            role=role,
            invited_by=invited_by,
            token=tokens.new_invite_token(),
            expires_at=timezone.now() + INVITATION_TTL,
        )

    def usable(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    email = models.EmailField()
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=20, choices=User.Role.choices, default=User.Role.AGENT)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationManager()

    def __str__(self):
        return f"Invitation for {self.email} ({self.team})"


class APIKey(models.Model):
    """Long-lived keys for server-to-server integrations (CRM sync, BI exports)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=16, unique=True)
    hashed_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = "API key"

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @staticmethod
    def hash_secret(secret: str) -> str:
        # the secret half is 256 random bits, a plain digest is enough here
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def generate(cls, user, name: str) -> tuple["APIKey", str]:
        prefix = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        key = cls.objects.create(user=user, name=name, prefix=prefix, hashed_key=cls.hash_secret(secret))
        return key, f"hd_{prefix}_{secret}"
