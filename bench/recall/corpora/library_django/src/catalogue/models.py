from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from core.models import TimeStampedModel

from .text import render_summary


class Branch(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    opening_hours = models.JSONField(default=dict, blank=True)
    notice = models.CharField(max_length=255, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "branches"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:branch-detail", kwargs={"slug": self.slug})


class Title(TimeStampedModel):
    class Format(models.TextChoices):
        BOOK = "book", "Book"
        LARGE_PRINT = "large_print", "Large print"
        AUDIOBOOK = "audiobook", "Audiobook"
        DVD = "dvd", "DVD"
        EBOOK = "ebook", "E-book"

    isbn = models.CharField(max_length=13, db_index=True)
    title = models.CharField(max_length=300)
    author = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    format = models.CharField(max_length=16, choices=Format.choices, default=Format.BOOK)
    subjects = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True, help_text="Markdown")
    summary_html = models.TextField(blank=True, editable=False)
    cover_url = models.URLField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"{self.title} ({self.get_format_display()})"

    def save(self, *args, **kwargs):
        self.summary_html = render_summary(self.summary)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("catalogue:title-detail", kwargs={"pk": self.pk})

    @property
    def subject_list(self):
        return [s.strip() for s in self.subjects.split(";") if s.strip()]


class Copy(models.Model):
    class Status(models.TextChoices):
        AVAILABLE = "available", "On shelf"
        ON_LOAN = "on_loan", "On loan"
        ON_HOLD = "on_hold", "Waiting for collection"
        IN_TRANSIT = "in_transit", "In transit"
        MISSING = "missing", "Missing"
        WITHDRAWN = "withdrawn", "Withdrawn"

    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="copies")
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="copies")
    barcode = models.CharField(max_length=20, unique=True)
    shelfmark = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.AVAILABLE)
    acquired_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "copies"

    def __str__(self):
        return f"{self.barcode} - {self.title.title}"


class Review(TimeStampedModel):
    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="reviews")
    patron = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    body = models.TextField(max_length=4000)
    is_visible = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["title", "patron"], name="one_review_per_title"),
        ]
