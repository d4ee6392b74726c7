from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.models import REGION_CHOICES
from home.blocks import BaseStreamBlock

from .mixins import MembersOnlyPageMixin


class MemberProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile")
    display_name = models.CharField(max_length=120)
    practice = models.CharField(max_length=120, blank=True, help_text="e.g. Printmaker, Theatre company")
    bio = models.TextField(blank=True)
    website = models.URLField(blank=True)
    region = models.CharField(max_length=20, choices=REGION_CHOICES, blank=True)
    show_in_directory = models.BooleanField(default=True)
    membership_expires = models.DateField(null=True, blank=True)
    legacy_id = models.CharField(max_length=32, blank=True, db_index=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    @property
    def is_current(self):
        return self.membership_expires is not None and self.membership_expires >= timezone.localdate()


class Invitation(models.Model):
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_invitations")
    email = models.EmailField()
    code = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    def is_valid(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


class MemberPage(MembersOnlyPageMixin, Page):
    """Members-only content: opportunities, resources, minutes."""

    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    template = "members/member_page.html"


class MemberDirectoryPage(MembersOnlyPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        profiles = MemberProfile.objects.filter(
            show_in_directory=True, membership_expires__gte=timezone.localdate()
        ).select_related("user")
        region = request.GET.get("region")
        if region:
            profiles = profiles.filter(region=region)
        context["profiles"] = profiles
        context["regions"] = REGION_CHOICES
        return context
