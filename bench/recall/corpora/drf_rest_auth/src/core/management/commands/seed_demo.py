import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import VolunteerProfile
from volunteering.models import Opportunity, Organisation, Shift, ShiftSignup

CITIES = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich", "York"]
SKILLS = ["driving", "first-aid", "cooking", "tutoring", "gardening", "it-support", "languages"]
CAUSES = ["Food Bank", "Library Friends", "River Clean-up", "Youth Club", "Community Garden"]


class Command(BaseCommand):
    help = "Fill a local database with demo organisations, opportunities and volunteers."

    def add_arguments(self, parser):
        parser.add_argument("--volunteers", type=int, default=40)

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs against a development database")

        with transaction.atomic():
            volunteers = self._volunteers(options["volunteers"])
            for cause in CAUSES:
                self._organisation(cause, volunteers)

        with connection.cursor() as cursor:
            for model in (Organisation, Opportunity, Shift, ShiftSignup):
                cursor.execute(f"ANALYZE {model._meta.db_table}")

        self.stdout.write(self.style.SUCCESS("Demo data ready"))

    def _volunteers(self, count):
        User = get_user_model()
        people = []
        for n in range(count):
            user = User(email=f"volunteer{n}@demo.helpinghands.example")
            user.set_unusable_password()
            user.save()
            VolunteerProfile.objects.create(
                user=user,
                display_name=f"Volunteer {n}",
                city=random.choice(CITIES),
                skills=random.sample(SKILLS, k=2),
            )
            people.append(user)
        return people

    def _organisation(self, cause, volunteers):
        city = random.choice(CITIES)
        org = Organisation.objects.create(name=f"{city} {cause}", slug=slugify(f"{city} {cause}"), city=city)
        start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
        for i in range(3):
            opportunity = Opportunity.objects.create(
                organisation=org,
                title=f"{cause} helper #{i + 1}",
                slug=f"helper-{i + 1}",
                summary=f"Lend a hand at {org.name}.",
                description="Friendly team, all training provided.",
                city=city,
                skills=random.sample(SKILLS, k=2),
                is_published=True,
            )
            shift = Shift.objects.create(
                opportunity=opportunity,
                starts_at=start + timedelta(days=i),
                ends_at=start + timedelta(days=i, hours=3),
                capacity=8,
            )
            for volunteer in random.sample(volunteers, k=min(5, len(volunteers))):
                ShiftSignup.objects.create(shift=shift, volunteer=volunteer)
