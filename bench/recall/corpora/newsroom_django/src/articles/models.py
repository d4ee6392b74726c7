import uuid

import markdown
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from .sanitize import clean_body


class Section(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_premium = models.BooleanField(
        default=False, help_text="Every story in this section sits behind the paywall"
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", args=[self.slug])


class Author(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )
    display_name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    role = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="authors/", blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name


class Tag(models.Model):
    name = models.CharField(max_length=60)
    slug = models.SlugField(unique=True)

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def free(self):
        return self.filter(is_premium=False, section__is_premium=False)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        EMBARGOED = "embargoed", "Embargoed"
        PUBLISHED = "published", "Published"
        KILLED = "killed", "Killed"

    class Source(models.TextChoices):
        STAFF = "staff", "Staff"
        WIRE = "wire", "Wire"

    headline = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    standfirst = models.TextField(blank=True)
    body = models.TextField(help_text="HTML from the editor")
    body_html = models.TextField(editable=False, blank=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(Author, blank=True, related_name="articles")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.STAFF)
    wire_guid = models.CharField(max_length=120, blank=True, db_index=True)
    wire_content_hash = models.CharField(max_length=40, blank=True)
    legacy_cms_id = models.IntegerField(null=True, blank=True, unique=True)
    is_premium = models.BooleanField(default=False)
    allow_comments = models.BooleanField(default=True)
    lead_image = models.ImageField(upload_to="lead/%Y/%m/", blank=True)
    lead_image_caption = models.CharField(max_length=255, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    embargo_until = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["section", "-published_at"])]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.headline)[:200]
        self.body_html = clean_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.section.slug, self.slug])

    @property
    def requires_subscription(self):
        return self.is_premium or self.section.is_premium

    @property
    def reading_minutes(self):
        words = len(self.body_html.split())
        return max(1, round(words / 230))


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        "subscribers.Subscriber", on_delete=models.CASCADE, related_name="comments"
    )
    body = models.TextField(max_length=3000)
    is_approved = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Comment by {self.author} on {self.article}"

    @property
    def rendered(self):
        # readers can use *emphasis*, links and paragraphs
        return markdown.markdown(self.body, extensions=["nl2br", "sane_lists"])


def _new_gift_token():
    return uuid.uuid1().hex


def _default_gift_expiry():
    return timezone.now() + settings.GIFT_LINK_TTL


class GiftLink(models.Model):
    """A subscriber shares one premium story with someone who doesn't pay."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="gift_links")
    created_by = models.ForeignKey(
        "subscribers.Subscriber", on_delete=models.CASCADE, related_name="gift_links"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_gift_token)
    expires_at = models.DateTimeField(default=_default_gift_expiry)
    max_uses = models.PositiveSmallIntegerField(default=20)
    uses = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Gift of {self.article_id} by {self.created_by_id}"

    def is_valid(self):
        return self.uses < self.max_uses and self.expires_at > timezone.now()

    def get_absolute_url(self):
        return reverse("articles:gift", args=[self.token])
