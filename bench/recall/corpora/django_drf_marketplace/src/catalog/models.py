import hashlib
import os

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify


def listing_image_path(instance, filename):
    """Content-addressed key so re-uploading the same photo does not duplicate it on S3."""
    instance.image.open("rb")
    digest = hashlib.md5(instance.image.read(), usedforsecurity=False).hexdigest()
    instance.image.seek(0)
    _, ext = os.path.splitext(filename)
    return f"listings/{instance.listing.shop_id}/{digest}{ext.lower()}"


def shop_banner_path(instance, filename):
    _, ext = os.path.splitext(filename)
    return f"shops/{instance.slug}/banner{ext.lower()}"


class Shop(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shop")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    tagline = models.CharField(max_length=140, blank=True)
    bio = models.TextField(blank=True)
    banner = models.ImageField(upload_to=shop_banner_path, blank=True)
    shipping_policy = models.TextField(blank=True)
    returns_policy = models.TextField(blank=True)
    is_private = models.BooleanField(default=False)
    storefront_password_hash = models.CharField(max_length=64, blank=True)
    vacation_mode = models.BooleanField(default=False)
    vacation_message = models.CharField(max_length=200, blank=True)
    stripe_account_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:storefront", kwargs={"slug": self.slug})


class ShopInvite(models.Model):
    """Invitation for a collaborator (photographer, packer) to help run a shop."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="invites")
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)


class ShopAPIKey(models.Model):
    """Key used by sellers' inventory tools; only a hash of the key is stored."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=60)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)


class Favorite(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favorites")
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="favorited_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "shop"], name="unique_favorite")]


class Listing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        SOLD_OUT = "sold_out", "Sold out"
        ARCHIVED = "archived", "Archived"

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="listings")
    title = models.CharField(max_length=140)
    slug = models.SlugField(max_length=160)
    description = models.TextField()
    category = models.CharField(max_length=40, db_index=True)
    material = models.CharField(max_length=40, blank=True, db_index=True)
    price_cents = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="EUR")
    quantity = models.PositiveIntegerField(default=1)
    is_digital = models.BooleanField(default=False)
    digital_file = models.FileField(upload_to="downloads/", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    featured = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["shop", "slug"], name="unique_listing_slug_per_shop")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:160]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("catalog:listing-detail", kwargs={"shop_slug": self.shop.slug, "slug": self.slug})


class ListingImage(models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=listing_image_path)
    alt_text = models.CharField(max_length=140, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]


class SavedSearch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    query = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_shop_for_new_seller(sender, instance, created, **kwargs):
    if not created or not instance.is_seller or Shop.objects.filter(owner=instance).exists():
        return
    base = slugify(instance.display_name or instance.email.split("@")[0]) or "shop"
    slug, n = base, 1
    while Shop.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    Shop.objects.create(owner=instance, name=instance.display_name or slug, slug=slug)
