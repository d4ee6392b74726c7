import logging
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone

from appointments.models import Appointment
from clinic.utils.sms import SmsClient, SmsGatewayError

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send SMS reminders for tomorrow's appointments."

    def add_arguments(self, parser):
        parser.add_argument("--site", default="https://northfield-clinic.co.uk")

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + timedelta(days=1)
        due = Appointment.objects.select_related("patient__patient_profile", "clinician").filter(
            starts_at__date=tomorrow,
            status=Appointment.Status.BOOKED,
            patient__patient_profile__sms_reminders=True,
        )
        client = SmsClient()
        sent = 0
        for appointment in due:
            phone = appointment.patient.patient_profile.phone
            if not phone:
                continue
            body = render_to_string(
                "appointments/emails/reminder.txt",
                {"appointment": appointment, "site": options["site"]},
            )
            try:
                client.send(phone, body)
            except SmsGatewayError:
                logger.error("reminder not sent for appointment %s", appointment.pk)
                continue
            sent += 1
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} reminder(s)."))
