from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


REGION_CHOICES = [
    ("north", "North Valley"),
    ("coast", "Coastal"),
    ("city", "City Centre"),
    ("uplands", "Uplands"),
]


@register_setting(icon="site")
class ArtsboardSettings(BaseSiteSetting):
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    announcement = RichTextField(blank=True, features=["bold", "italic", "link"])
    newsletter_blurb = models.CharField(max_length=255, blank=True)
    google_analytics_id = models.CharField(max_length=32, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")],
            heading="Contact",
        ),
        FieldPanel("announcement"),
        FieldPanel("newsletter_blurb"),
        FieldPanel("google_analytics_id"),
    ]


@register_snippet
class Venue(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    region = models.CharField(max_length=20, choices=REGION_CHOICES)
    address = models.TextField(blank=True)
    accessible = models.BooleanField(default=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldPanel("accessible"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Sponsor(ClusterableModel):
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tier = models.PositiveSmallIntegerField(default=3, help_text="1 = principal funder")

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo"), FieldPanel("tier")]

    class Meta:
        ordering = ["tier", "name"]

    def __str__(self):
        return self.name


class FooterLink(Orderable):
    menu = ParentalKey("core.FooterMenu", related_name="links", on_delete=models.CASCADE)
    title = models.CharField(max_length=80)
    url = models.CharField(max_length=255)

    panels = [FieldPanel("title"), FieldPanel("url")]


@register_snippet
class FooterMenu(ClusterableModel):
    name = models.CharField(max_length=80, unique=True)

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name
