from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from api.tokens import issue_appointment_link_token


def send_booking_confirmation(request, appointment):
    token = issue_appointment_link_token(appointment)
    link = request.build_absolute_uri(f"/app/appointment?token={token}")
    body = render_to_string(
        "appointments/emails/booking_confirmation.txt",
        {"appointment": appointment, "link": link},
    )
    send_mail(
        "Your appointment at Northfield Clinic",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [appointment.patient.email],
    )
