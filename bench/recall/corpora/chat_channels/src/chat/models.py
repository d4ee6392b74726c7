import uuid
from pathlib import Path

import bleach
import markdown
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

MESSAGE_TAGS = ["p", "br", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote"]
MESSAGE_ATTRIBUTES = {"a": ["href", "title"]}


class Site(models.Model):
    """A customer website the widget is installed on."""

    name = models.CharField(max_length=120)
    site_key = models.SlugField(max_length=32, unique=True)
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="sites")
    allowed_origin = models.URLField(blank=True)
    greeting = models.CharField(max_length=200, default="Hi! How can we help?")
    accent_color = models.CharField(max_length=7, default="#4f46e5")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class Visitor(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="visitors")
    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    page_url = models.URLField(max_length=500, blank=True)
    page_title = models.CharField(max_length=300, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.name or self.email or f"Visitor #{self.pk}"


class Tag(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=40)

    class Meta:
        unique_together = [("team", "name")]

    def __str__(self):
        return self.name


class ConversationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Conversation.Status.CLOSED)

    def for_agent(self, user):
        return self.filter(team_id=user.team_id)


class Conversation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        PENDING = "pending", "Waiting on visitor"
        CLOSED = "closed", "Closed"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="conversations")
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="conversations")
    visitor = models.ForeignKey(Visitor, on_delete=models.CASCADE, related_name="conversations")
    assigned_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    subject = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="conversations")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return self.subject or f"Conversation {self.public_id}"

    @property
    def group_name(self) -> str:
        return f"conv_{self.pk}"

    def close(self):
        self.status = self.Status.CLOSED
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at", "updated_at"])


class Message(models.Model):
    class Sender(models.TextChoices):
        VISITOR = "visitor", "Visitor"
        AGENT = "agent", "Agent"
        SYSTEM = "system", "System"
        NOTE = "note", "Internal note"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender_type = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    @cached_property
    def body_html(self) -> str:
        """Markdown rendered and reduced to a small whitelist of tags."""
        html = markdown.markdown(self.body, extensions=["fenced_code"])
        return bleach.clean(html, tags=MESSAGE_TAGS, attributes=MESSAGE_ATTRIBUTES, strip=True)

    def as_payload(self) -> dict:
        return {
            "id": self.pk,
            "sender": self.sender_type,
            "author": self.author.get_short_name() if self.author_id else None,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
        }


def attachment_upload_to(instance, filename):
    suffix = Path(filename).suffix.lower()
    return f"attachments/{instance.conversation.public_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments")
    file = models.FileField(upload_to=attachment_upload_to)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)


class CannedResponse(models.Model):
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="canned_responses")
    title = models.CharField(max_length=120)
    shortcut = models.SlugField(max_length=40)
    body = models.TextField(help_text="Supports {{ visitor.name }}, {{ agent.name }}, {{ site.name }} ...")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("team", "shortcut")]
        ordering = ["shortcut"]

    def __str__(self):
        return f"/{self.shortcut}"


class TranscriptShare(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="shares")
    token = models.CharField(max_length=64, unique=True)
    password_hash = models.CharField(max_length=128, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    view_count = models.PositiveIntegerField(default=0)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at
