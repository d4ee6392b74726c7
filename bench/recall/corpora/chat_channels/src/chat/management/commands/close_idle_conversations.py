from django.conf import settings
from django.core.management.base import BaseCommand

from chat import services


class Command(BaseCommand):
    help = "Close conversations without activity for --minutes (defaults to IDLE_CONVERSATION_MINUTES)."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=settings.IDLE_CONVERSATION_MINUTES)

    def handle(self, *args, **options):
        minutes = options["minutes"]
        if minutes < 5:
            self.stderr.write("Refusing to close conversations idle for less than 5 minutes.")
            return
        closed = services.close_idle(minutes)
        self.stdout.write(self.style.SUCCESS(f"Closed {closed} idle conversation(s)"))
