import bleach
import markdown
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def render_markdown(text):
    html = markdown.markdown(text or "", extensions=["sane_lists"])
    return bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )


class Venue(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    address = models.CharField(max_length=255)
    postcode = models.CharField(max_length=20, blank=True)
    city = models.CharField(max_length=100, db_index=True)
    country = models.CharField(max_length=2, default="NL")
    capacity = models.PositiveIntegerField(default=0)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text="Markdown")
    description_html = models.TextField(blank=True, editable=False)
    accessibility_notes = models.TextField(blank=True, help_text="Markdown")
    external_ref = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["city", "name"]

    def __str__(self):
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(f"{self.name}-{self.city}")[:220]
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("venues:detail", args=[self.slug])
