import getpass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import VolunteerProfile
from volunteering.models import Membership, Organisation


class Command(BaseCommand):
    help = "Create a coordinator account with a verified e-mail and attach it to an organisation."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("organisation", help="Slug of the organisation to join")
        parser.add_argument("--name", default="", help="Display name shown to volunteers")
        parser.add_argument("--password", help="Initial password (prompted for when omitted)")

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        email = options["email"].strip().lower()

        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {options['organisation']!r}")
        if User.objects.filter(email=email).exists():
            raise CommandError(f"{email} already has an account")

        password = options["password"] or getpass.getpass("Password: ")
        user = User.objects.create(email=email, password=password, is_staff=True)

        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        VolunteerProfile.objects.create(user=user, display_name=options["name"] or email.split("@")[0])
        Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.COORDINATOR)

        self.stdout.write(self.style.SUCCESS(f"Coordinator {email} added to {organisation.name}"))
