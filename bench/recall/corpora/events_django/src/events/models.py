from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone


class Category(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now())


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "On sale"
        SOLD_OUT = "sold_out", "Sold out"
        CANCELLED = "cancelled", "Cancelled"

    organizer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="events")
    venue = models.ForeignKey("venues.Venue", on_delete=models.PROTECT, related_name="events")
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    city = models.CharField(max_length=100, blank=True, db_index=True)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    doors_open_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    cover_image = models.ImageField(upload_to="events/covers/", blank=True)
    is_featured = models.BooleanField(default=False)
    age_restriction = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def is_on_sale(self):
        return self.status == self.Status.PUBLISHED and self.starts_at > timezone.now()

    @property
    def capacity(self):
        return self.ticket_types.aggregate(total=Sum("quantity"))["total"] or 0

    @property
    def tickets_sold(self):
        return self.ticket_types.aggregate(total=Sum("sold"))["total"] or 0


class TicketType(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="ticket_types")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=255, blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    quantity = models.PositiveIntegerField()
    sold = models.PositiveIntegerField(default=0)
    max_per_order = models.PositiveSmallIntegerField(default=10)
    sales_start = models.DateTimeField(null=True, blank=True)
    sales_end = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["price"]

    def __str__(self):
        return f"{self.event} – {self.name}"

    @property
    def remaining(self):
        return max(self.quantity - self.sold, 0)

    def is_available(self, now=None):
        now = now or timezone.now()
        started = self.sales_start is None or now >= self.sales_start
        ended = self.sales_end is not None and now > self.sales_end
        return self.remaining > 0 and started and not ended
