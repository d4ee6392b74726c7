import getpass

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User


class Command(BaseCommand):
    help = "Create a reception, doctor or manager account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--role", choices=[c for c, _ in User.Role.choices], default=User.Role.RECEPTION)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **options):
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"User {options['username']} already exists.")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("Passwords do not match.")
        user = User.objects.create(
            username=options["username"],
            email=options["email"],
            first_name=options["first_name"],
            last_name=options["last_name"],
            role=options["role"],
            is_staff=options["role"] == User.Role.MANAGER,
            password=password,
        )
        self.stdout.write(self.style.SUCCESS(f"Created {user.get_role_display().lower()} {user.username}."))
