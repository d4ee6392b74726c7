from django.core.management.base import BaseCommand, CommandError

from payroll.models import PayPeriod, Payslip
from payroll.services import send_payslip_email


class Command(BaseCommand):
    help = "E-mail the 'your payslip is ready' message for a pay period"

    def add_arguments(self, parser):
        parser.add_argument("period", help="Period label, e.g. 2024-05")
        parser.add_argument("--resend", action="store_true", help="Also send to people already e-mailed")
        parser.add_argument("--employee", action="append", default=[], help="Limit to employee numbers")

    def handle(self, *args, period, resend=False, employee=None, **options):
        try:
            pay_period = PayPeriod.objects.get(label=period)
        except PayPeriod.DoesNotExist:
            raise CommandError(f"no pay period {period}")

        qs = Payslip.objects.select_related("employee", "period").filter(period=pay_period)
        if not resend:
            qs = qs.filter(emailed_at__isnull=True)
        if employee:
            qs = qs.filter(employee__employee_no__in=employee)

        issued = []
        for payslip in qs.iterator():
            issued.append(send_payslip_email(payslip))
            self.stdout.write(f"  sent {payslip.employee.employee_no} <{payslip.employee.work_email}>")

        self.stdout.write(
            self.style.SUCCESS(f"{len(issued)} payslip links issued for {pay_period.label}")
        )
