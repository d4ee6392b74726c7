from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Department


class Command(BaseCommand):
    help = "Create an approver account for a department."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("department_code")
        parser.add_argument("--password", required=True)

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            department = Department.objects.get(code=options["department_code"])
        except Department.DoesNotExist as exc:
            raise CommandError("Unknown department code.") from exc
        user = User(username=options["username"], email=options["email"], department=department, is_approver=True)
        user.set_password(options["password"])
        user.save()
        self.stdout.write(self.style.SUCCESS(f"Approver {user.username} created."))
