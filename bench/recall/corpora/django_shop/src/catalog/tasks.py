from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from .models import Book, StockAlert


def _absolute(path):
    return f"https://www.inkandspine.co.uk{path}"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def send_stock_alert_confirmation(alert_id):
    alert = StockAlert.objects.select_related("book").get(pk=alert_id)
    send_mail(
        subject=f"We'll let you know about {alert.book.title}",
        message=(
            f"Thanks for your interest in {alert.book.title}.\n\n"
            "We'll send you one e-mail as soon as it's back on our shelves.\n\n"
            f"{settings.SHOP_NAME}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[alert.email],
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def send_book_recommendation(book_id, sender_name, recipient_email, note):
    book = Book.objects.get(pk=book_id)
    url = _absolute(reverse("catalog:book-detail", kwargs={"slug": book.slug}))
    body = f"{sender_name} thought you'd enjoy {book.title}.\n\n"
    if note:
        body += f"They wrote:\n{note}\n\n"
    body += f"Have a look: {url}\n\n{settings.SHOP_NAME}, independent booksellers"
    send_mail(
        subject=f"{sender_name} thinks you'd like {book.title}",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[recipient_email],
    )
