import markdown
import nh3
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode

from .managers import BookManager


class Author(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f'{reverse("catalog:search")}?{urlencode({"q": self.name})}'


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)

    def __str__(self):
        return self.name


class Book(models.Model):
    isbn = models.CharField("ISBN-13", max_length=13, unique=True)
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    authors = models.ManyToManyField(Author, related_name="books")
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, related_name="books")
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(blank=True, editable=False)
    price = models.DecimalField(max_digits=7, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    cover_url = models.URLField(blank=True)
    is_staff_pick = models.BooleanField(default=False)
    is_ebook = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = BookManager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalog:book-detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.description_html = nh3.clean(markdown.markdown(self.description))
        super().save(*args, **kwargs)


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="reviews")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(choices=[(i, i) for i in range(1, 6)])
    body = models.TextField(max_length=4000)
    approved = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [models.UniqueConstraint(fields=["book", "user"], name="one_review_per_book")]


class StockAlert(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="stock_alerts")
    email = models.EmailField()
    created = models.DateTimeField(auto_now_add=True)
    notified = models.DateTimeField(null=True, blank=True)
