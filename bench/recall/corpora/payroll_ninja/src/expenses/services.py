import hashlib
import logging
from decimal import Decimal

import requests
from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.models import User
from payroll.models import Employee

from .models import CardTransaction, Expense

logger = logging.getLogger(__name__)


class DuplicateReceipt(Exception):
    def __init__(self, other):
        super().__init__(f"receipt already attached to expense {other.pk}")
        self.other = other


def receipt_digest(fileobj):
    digest = hashlib.sha256()
    for chunk in fileobj.chunks():
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def attach_receipt(expense, upload):
    sha = receipt_digest(upload)
    other = Expense.objects.filter(receipt_sha256=sha).exclude(pk=expense.pk).first()
    if other is not None:
        raise DuplicateReceipt(other)
    expense.receipt.save(upload.name, upload, save=False)
    expense.receipt_sha256 = sha
    expense.save(update_fields=["receipt", "receipt_sha256"])
    return expense


def submit(expense):
    if expense.category.requires_receipt and not expense.receipt:
        raise ValueError("this category needs a receipt")
    expense.status = Expense.Status.SUBMITTED
    expense.submitted_at = timezone.now()
    expense.save(update_fields=["status", "submitted_at"])


@transaction.atomic
def review(expense, reviewer, approve, comment=""):
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != Expense.Status.SUBMITTED:
        raise ValueError(f"expense {expense.pk} is {expense.status}")
    expense.status = Expense.Status.APPROVED if approve else Expense.Status.REJECTED
    expense.reviewed_by = reviewer
    expense.reviewed_at = timezone.now()
    expense.review_comment = comment
    expense.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    return expense


def fetch_card_transactions(since):
    headers = {"Authorization": f"Bearer {settings.CARD_FEED_API_TOKEN}"}
    url = f"{settings.CARD_FEED_URL}/transactions"
    response = requests.get(url, params={"since": since.isoformat()}, headers=headers, timeout=20)
    response.raise_for_status()
    return response.json()["data"]


def store_card_transaction(data):
    employee = Employee.objects.filter(work_email__iexact=data.get("cardholder_email", "")).first()
    txn, created = CardTransaction.objects.update_or_create(
        provider_id=data["id"],
        defaults={
            "card_last4": data["card"]["last4"],
            "employee": employee,
            "merchant": data["merchant"]["name"][:120],
            "amount": Decimal(str(data["amount"])) / 100,
            "currency": data["currency"].upper(),
            "posted_at": parse_datetime(data["posted_at"]),
            "raw": {k: v for k, v in data.items() if k != "card"},
        },
    )
    return txn, created


def pending_reminders():
    approvers = User.objects.filter(kind__in=[User.Kind.HR, User.Kind.FINANCE], is_active=True)
    pending = Expense.objects.filter(status=Expense.Status.SUBMITTED).count()
    if not pending:
        return 0
    subject = f"{pending} expense claims waiting for review"
    body = f"There are {pending} expense claims in the queue:\n{settings.BACKOFFICE_URL}/expenses/"
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in approvers if u.email]
    return send_mass_mail(messages, fail_silently=True)
