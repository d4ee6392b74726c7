from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or update a non-personal service account (scanners, kiosk screens, integrations)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", required=True)
        parser.add_argument("--email", default="")
        parser.add_argument("--group", action="append", default=[], help="Group to add the account to.")

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"]
        if not username.startswith("svc-"):
            raise CommandError("Service account names must start with 'svc-'.")

        user, created = User.objects.get_or_create(username=username, defaults={"email": options["email"]})
        user.password = options["password"]
        user.is_staff = False
        user.save()

        for name in options["group"]:
            try:
                user.groups.add(Group.objects.get(name=name))
            except Group.DoesNotExist:
                raise CommandError(f"Unknown group {name!r}")

        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} service account {username}"))
