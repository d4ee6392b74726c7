import bleach
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import format_html

LISTING_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li"}

STATUS_CSS = {
    "vacant": "badge-success",
    "occupied": "badge-neutral",
    "notice": "badge-warning",
    "offline": "badge-error",
}


class Portfolio(models.Model):
    name = models.CharField(max_length=200)
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="owned_portfolios")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Building(models.Model):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="buildings")
    code = models.SlugField(max_length=20)
    name = models.CharField(max_length=200)
    street = models.CharField(max_length=255)
    city = models.CharField(max_length=120, db_index=True)
    postal_code = models.CharField(max_length=16)

    class Meta:
        unique_together = ("portfolio", "code")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Unit(models.Model):
    class Status(models.TextChoices):
        VACANT = "vacant", "Vacant"
        OCCUPIED = "occupied", "Occupied"
        NOTICE = "notice", "Notice given"
        OFFLINE = "offline", "Offline"

    building = models.ForeignKey(Building, on_delete=models.CASCADE, related_name="units")
    number = models.CharField(max_length=16)
    bedrooms = models.PositiveSmallIntegerField(default=1)
    bathrooms = models.DecimalField(max_digits=3, decimal_places=1, default=1)
    square_feet = models.PositiveIntegerField(null=True, blank=True)
    market_rent = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.VACANT)
    is_listed = models.BooleanField(default=False)

    class Meta:
        unique_together = ("building", "number")
        ordering = ("building__code", "number")

    def __str__(self) -> str:
        return f"{self.building.code}-{self.number}"

    @property
    def status_badge_html(self):
        return format_html(
            '<span class="badge {}">{}</span>',
            STATUS_CSS.get(self.status, "badge-neutral"),
            self.get_status_display(),
        )


class Listing(models.Model):
    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="listing")
    headline = models.CharField(max_length=140)
    description = models.TextField(help_text="Basic formatting (bold, italics, lists) is kept.")
    available_from = models.DateField()
    published_at = models.DateTimeField(null=True, blank=True)

    @cached_property
    def description_html(self):
        return bleach.clean(self.description, tags=LISTING_ALLOWED_TAGS, attributes={}, strip=True)


class ShowingPass(models.Model):
    """Time-boxed access code for a self-guided tour (smart lock + lockbox)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="showing_passes")
    prospect_email = models.EmailField()
    prospect_phone = models.CharField(max_length=32)
    access_token = models.CharField(max_length=64, unique=True)
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
