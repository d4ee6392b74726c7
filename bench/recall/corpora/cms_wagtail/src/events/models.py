from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.models import REGION_CHOICES
from home.blocks import BaseStreamBlock


class EventPageQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def in_region(self, region):
        return self.filter(region=region)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    api_fields = [APIField("intro")]

    def upcoming_events(self):
        return EventPage.objects.child_of(self).live().public().upcoming().select_related("venue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.upcoming_events()
        region = request.GET.get("region")
        if region in dict(REGION_CHOICES):
            events = events.in_region(region)
        context["events"] = events
        context["regions"] = REGION_CHOICES
        context["selected_region"] = region
        return context


class EventPage(Page):
    start = models.DateTimeField()
    end = models.DateTimeField()
    venue = models.ForeignKey("core.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    region = models.CharField(max_length=20, choices=REGION_CHOICES, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)
    listing_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket_url = models.URLField(blank=True)
    price_note = models.CharField(max_length=120, blank=True, help_text="e.g. Free, £5 / £3 concessions")
    capacity = models.PositiveIntegerField(null=True, blank=True)
    members_rsvp = models.BooleanField(default=False, help_text="Let logged-in members RSVP")

    objects = EventPageManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("venue"), FieldPanel("region")],
            heading="When and where",
        ),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("ticket_url"), FieldPanel("price_note"), FieldPanel("capacity"), FieldPanel("members_rsvp")],
            heading="Tickets",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("region"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("region"),
        APIField("summary"),
        APIField("body"),
        APIField("ticket_url"),
        APIField("price_note"),
    ]

    parent_page_types = ["events.EventIndexPage"]

    @property
    def rsvp_count(self):
        return self.rsvps.count()

    @property
    def is_full(self):
        return self.capacity is not None and self.rsvp_count >= self.capacity


class EventRSVP(models.Model):
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="event_rsvps")
    guests = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("event", "user")]
