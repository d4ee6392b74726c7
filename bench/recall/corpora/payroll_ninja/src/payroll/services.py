import hashlib
import logging
import time
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from core.utils import money
from expenses.models import Expense

from .models import Employee, PayPeriod, Payslip

logger = logging.getLogger(__name__)

PERSONAL_ALLOWANCE = Decimal("12570")
BASIC_RATE_LIMIT = Decimal("50270")
NI_THRESHOLD_MONTHLY = Decimal("1048")
PENSION_RATE = Decimal("0.05")
EMPLOYER_NI_RATE = Decimal("0.138")


def _income_tax(monthly_gross):
    annual = monthly_gross * 12
    taxable = max(Decimal(0), annual - PERSONAL_ALLOWANCE)
    basic = min(taxable, BASIC_RATE_LIMIT - PERSONAL_ALLOWANCE)
    higher = max(Decimal(0), taxable - basic)
    return money((basic * Decimal("0.20") + higher * Decimal("0.40")) / 12)


def _national_insurance(monthly_gross):
    return money(max(Decimal(0), monthly_gross - NI_THRESHOLD_MONTHLY) * Decimal("0.08"))


def _unpaid_expenses(employee):
    return Expense.objects.filter(
        employee=employee, status=Expense.Status.APPROVED, paid_in_period__isnull=True
    )


def calculate(employee):
    gross = employee.monthly_gross
    reimbursed = _unpaid_expenses(employee).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    tax, ni, pension = _income_tax(gross), _national_insurance(gross), money(gross * PENSION_RATE)
    return {
        "gross": gross,
        "income_tax": tax,
        "national_insurance": ni,
        "pension": pension,
        "expenses_reimbursed": money(reimbursed),
        "employer_tax": money(max(Decimal(0), gross - NI_THRESHOLD_MONTHLY) * EMPLOYER_NI_RATE),
        "net": money(gross - tax - ni - pension + reimbursed),
    }


def render_payslip_pdf(payslip):
    html = render_to_string("payroll/payslip_pdf.html", {"payslip": payslip})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


@transaction.atomic
def generate_payslips(period_id):
    period = PayPeriod.objects.select_for_update().get(pk=period_id)
    if period.closed:
        raise ValueError(f"period {period.label} is closed")

    created = 0
    employees = Employee.objects.filter(hired_on__lte=period.ends_on, status=Employee.Status.ACTIVE)
    for employee in employees.iterator():
        payslip, was_created = Payslip.objects.update_or_create(
            employee=employee, period=period, defaults=calculate(employee)
        )
        pdf = ContentFile(render_payslip_pdf(payslip))
        payslip.pdf.save(f"{period.label}-{employee.employee_no}.pdf", pdf, save=True)
        _unpaid_expenses(employee).update(paid_in_period=period)
        created += int(was_created)
    logger.info("generated payslips for %s: %d new", period.label, created)
    return created


def issue_payslip_view_token(payslip):
    """Token for the 'view your payslip' link in the monthly e-mail."""
    seed = f"{payslip.pk}:{payslip.employee_id}:{time.time()}"
    payslip.view_token = hashlib.md5(seed.encode("utf-8")).hexdigest()
    payslip.view_token_issued_at = timezone.now()
    payslip.save(update_fields=["view_token", "view_token_issued_at"])
    return payslip.view_token


def payslip_for_view_token(token):
    cutoff = timezone.now() - timedelta(days=settings.PAYSLIP_LINK_DAYS)
    return (
        Payslip.objects.select_related("employee", "period")
        .filter(view_token=token, view_token_issued_at__gte=cutoff)
        .first()
    )


def send_payslip_email(payslip):
    token = issue_payslip_view_token(payslip)
    context = {
        "payslip": payslip,
        "employee": payslip.employee,
        "link": f"{settings.FRONTEND_URL}/payslips/view/{token}",
    }
    message = EmailMultiAlternatives(
        subject=f"Your payslip for {payslip.period.label}",
        body=render_to_string("emails/payslip_ready.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[payslip.employee.work_email],
    )
    message.attach_alternative(render_to_string("emails/payslip_ready.html", context), "text/html")
    message.send()
    payslip.emailed_at = timezone.now()
    payslip.save(update_fields=["emailed_at"])
    return token
