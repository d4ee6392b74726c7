from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from accounts.models import StaffInvite
from clinic.utils.tokens import new_invite_token


class Command(BaseCommand):
    help = "Send an invitation e-mail to a new member of staff."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--site", default="https://northfield-clinic.co.uk")

    def handle(self, *args, **options):
        invite = StaffInvite.objects.create(email=options["email"], token=new_invite_token())
        link = options["site"].rstrip("/") + reverse("accounts:invite_accept", args=[invite.token])
        send_mail(
            "You're invited to the Northfield Clinic booking system",
            f"Follow this link to set up your account:\n\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [invite.email],
        )
        self.stdout.write(self.style.SUCCESS(f"Invitation sent to {invite.email}"))
