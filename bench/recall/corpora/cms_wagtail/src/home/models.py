import random

from django.db import models
from django.http import HttpResponse
from django.utils.html import format_html_join
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock, HomeStreamBlock


class HomePage(Page):
    intro = models.CharField(max_length=255, blank=True)
    address_lines = models.TextField(
        blank=True, help_text="Shown in the hero. One line per row."
    )
    body = StreamField(HomeStreamBlock(), blank=True, use_json_field=True)
    featured_event_count = models.PositiveSmallIntegerField(default=4)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("address_lines"),
        FieldPanel("body"),
        FieldPanel("featured_event_count"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("intro"), APIField("body")]

    max_count = 1
    subpage_types = [
        "events.EventIndexPage",
        "grants.GrantApplicationPage",
        "home.StandardPage",
        "home.ContactPage",
        "members.MemberDirectoryPage",
        "members.MemberPage",
    ]

    @property
    def address_html(self):
        lines = [line for line in self.address_lines.splitlines() if line.strip()]
        return format_html_join("", "<span class=\"addr-line\">{}</span><br>", ((line,) for line in lines))

    def featured_events(self):
        from events.models import EventPage

        upcoming = list(EventPage.objects.live().public().upcoming()[:20])
        # rotate the featured strip so smaller venues get airtime
        random.shuffle(upcoming)
        return upcoming[: self.featured_event_count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_events"] = self.featured_events()
        return context


class StandardPage(Page):
    introduction = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("body")]


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email",
        ),
    ]

    template = "home/contact_page.html"
    landing_page_template = "home/contact_page_landing.html"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and is_ratelimited(
            request, group="contact-form", key="ip", rate="5/h", method="POST", increment=True
        ):
            return HttpResponse("You've sent a lot of messages recently. Please try again later.", status=429)
        return super().serve(request, *args, **kwargs)
