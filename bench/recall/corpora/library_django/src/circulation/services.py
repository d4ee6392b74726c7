import hashlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalogue.models import Copy

from .models import Fine, Hold, Loan

logger = logging.getLogger("libnet.circulation")
CONF = settings.LIBNET


class CirculationError(Exception):
    pass


def make_pickup_code(hold):
    """Code printed on the reservation slip and typed in at the locker."""
    seed = f"{hold.pk}:{hold.patron_id}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()[:8].upper()


@transaction.atomic
def issue_loan(copy, patron, branch=None):
    copy = Copy.objects.select_for_update().get(pk=copy.pk)
    if copy.status == Copy.Status.ON_HOLD:
        hold = Hold.objects.filter(copy=copy, status=Hold.Status.READY).first()
        if hold and hold.patron_id != patron.pk:
            raise CirculationError("This copy is reserved for another patron.")
        if hold:
            hold.status = Hold.Status.COLLECTED
            hold.save(update_fields=["status"])
    elif copy.status != Copy.Status.AVAILABLE:
        raise CirculationError(f"Copy {copy.barcode} is {copy.get_status_display().lower()}.")
    if patron.outstanding_fines_pence() >= CONF["MAX_FINE_PENCE"]:
        raise CirculationError("Please settle outstanding fines before borrowing.")

    loan = Loan.objects.create(
        copy=copy,
        patron=patron,
        branch=branch or copy.branch,
        due_date=timezone.localdate() + timedelta(days=CONF["LOAN_PERIOD_DAYS"]),
    )
    copy.status = Copy.Status.ON_LOAN
    copy.save(update_fields=["status"])
    return loan


@transaction.atomic
def renew_loan(loan):
    loan = Loan.objects.select_for_update().select_related("copy__title").get(pk=loan.pk)
    if not loan.can_renew:
        raise CirculationError("This item can't be renewed.")
    base = max(loan.due_date, timezone.localdate())
    loan.due_date = base + timedelta(days=CONF["LOAN_PERIOD_DAYS"])
    loan.renewals += 1
    loan.save(update_fields=["due_date", "renewals"])
    return loan


@transaction.atomic
def return_copy(copy, at_branch):
    loan = Loan.objects.open().select_for_update().filter(copy=copy).first()
    if loan is None:
        raise CirculationError(f"{copy.barcode} is not on loan.")
    loan.returned_at = timezone.now()
    loan.save(update_fields=["returned_at"])

    days_late = (timezone.localdate() - loan.due_date).days
    if days_late > 0 and loan.patron_id:
        amount = min(days_late * CONF["DAILY_FINE_PENCE"], CONF["MAX_FINE_PENCE"])
        Fine.objects.create(patron_id=loan.patron_id, loan=loan, amount_pence=amount)

    next_hold = (
        Hold.objects.select_for_update()
        .filter(title_id=copy.title_id, status=Hold.Status.WAITING, pickup_branch=at_branch)
        .order_by("placed_at")
        .first()
    )
    if next_hold is None:
        copy.status = Copy.Status.AVAILABLE
        copy.branch = at_branch
        copy.save(update_fields=["status", "branch"])
        return loan, None
    return loan, mark_hold_ready(next_hold, copy)


def mark_hold_ready(hold, copy):
    copy.status = Copy.Status.ON_HOLD
    copy.branch = hold.pickup_branch
    copy.save(update_fields=["status", "branch"])
    hold.copy = copy
    hold.status = Hold.Status.READY
    hold.ready_at = timezone.now()
    hold.expires_at = hold.ready_at + timedelta(days=CONF["HOLD_PICKUP_DAYS"])
    hold.pickup_code = make_pickup_code(hold)
    hold.save()
    return hold


def place_hold(title, patron, pickup_branch):
    active = patron.holds.filter(status__in=[Hold.Status.WAITING, Hold.Status.READY])
    if active.count() >= CONF["MAX_ACTIVE_HOLDS"] or active.filter(title=title).exists():
        raise CirculationError("You can't place another reservation for this title.")
    return Hold.objects.create(title=title, patron=patron, pickup_branch=pickup_branch)


@transaction.atomic
def cancel_hold(hold):
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    if hold.status not in (Hold.Status.WAITING, Hold.Status.READY):
        raise CirculationError("This reservation can no longer be cancelled.")
    if hold.copy_id and hold.status == Hold.Status.READY:
        Copy.objects.filter(pk=hold.copy_id).update(status=Copy.Status.AVAILABLE)
    hold.status = Hold.Status.CANCELLED
    hold.save(update_fields=["status"])
    return hold


@transaction.atomic
def collect_with_code(pickup_code, branch):
    """Locker pickup: the code alone identifies the hold."""
    hold = (
        Hold.objects.select_for_update()
        .select_related("copy", "patron")
        .filter(pickup_code=pickup_code.strip().upper(), pickup_branch=branch,
                status=Hold.Status.READY)
        .first()
    )
    if hold is None:
        raise CirculationError("No reservation is waiting with that code.")
    loan = issue_loan(hold.copy, hold.patron, branch)
    logger.info("hold %s collected from locker at %s", hold.pk, branch.code)
    return loan
