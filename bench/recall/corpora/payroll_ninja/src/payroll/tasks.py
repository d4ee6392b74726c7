import logging

from celery import shared_task
from django.utils import timezone

from . import bank_export, services
from .models import PayPeriod, Payslip

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=120)
def generate_period_payslips(self, period_id):
    try:
        return services.generate_payslips(period_id)
    except PayPeriod.DoesNotExist:
        logger.error("pay period %s does not exist", period_id)
        return 0


@shared_task
def email_payslips(period_id, only_missing=True):
    qs = Payslip.objects.select_related("employee", "period").filter(period_id=period_id)
    if only_missing:
        qs = qs.filter(emailed_at__isnull=True)

    tokens = []
    failures = 0
    for payslip in qs.iterator():
        try:
            tokens.append(services.send_payslip_email(payslip))
        except Exception:
            failures += 1
            logger.exception("could not e-mail payslip %s", payslip.pk)
    logger.info("period %s: %d payslip tokens issued, %d failed", period_id, len(tokens), failures)
    return {"sent": len(tokens), "failed": failures}


@shared_task(bind=True, max_retries=5)
def upload_bank_file(self, period_id):
    try:
        return bank_export.export_period(period_id)
    except OSError as exc:
        raise self.retry(exc=exc, countdown=300)


@shared_task
def upload_bank_file_for_open_period():
    today = timezone.localdate()
    period = PayPeriod.objects.filter(starts_on__lte=today, ends_on__gte=today, closed=False).first()
    if period is None:
        logger.warning("no open pay period for %s", today)
        return None
    return upload_bank_file.delay(period.pk).id
