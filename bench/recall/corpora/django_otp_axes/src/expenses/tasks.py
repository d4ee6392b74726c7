import logging
import random
from datetime import date

from celery import shared_task
from django.db import connection
from django.utils import timezone

from accounts.models import Department
from api.models import UploadLink

from .models import Claim, DepartmentTotal

logger = logging.getLogger(__name__)

AUDIT_SAMPLE_RATE = 0.05


@shared_task
def select_audit_sample():
    """Flag a random slice of last week's approved claims for manual audit."""
    week_ago = timezone.now() - timezone.timedelta(days=7)
    candidates = list(
        Claim.objects.filter(status=Claim.Status.APPROVED, submitted_at__gte=week_ago).values_list("pk", flat=True)
    )
    if not candidates:
        return 0
    size = max(1, int(len(candidates) * AUDIT_SAMPLE_RATE))
    chosen = random.sample(candidates, size)
    Claim.objects.filter(pk__in=chosen).update(flagged_for_audit=True)
    logger.info("flagged %d of %d claims for audit", size, len(candidates))
    return size


def _month_total(cost_centre, month_start):
    sql = (
        "SELECT COALESCE(SUM(l.amount), 0) FROM expenses_claimline l "
        "JOIN expenses_claim c ON c.id = l.claim_id "
        "JOIN accounts_user u ON u.id = c.owner_id "
        "JOIN accounts_department d ON d.id = u.department_id "
        "WHERE c.status IN ('approved', 'paid') "
        "AND d.cost_centre = '" + cost_centre + "' "
        "AND l.spent_on >= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [month_start])
        return cursor.fetchone()[0]


@shared_task
def refresh_department_totals():
    month_start = date.today().replace(day=1)
    for department in Department.objects.all():
        total = _month_total(department.cost_centre, month_start)
        DepartmentTotal.objects.update_or_create(
            department_code=department.code, month=month_start, defaults={"total": total}
        )


@shared_task
def purge_expired_upload_links(max_age_hours=24):
    cutoff = timezone.now() - timezone.timedelta(hours=max_age_hours)
    deleted, _ = UploadLink.objects.filter(created_at__lt=cutoff).delete()
    return deleted
