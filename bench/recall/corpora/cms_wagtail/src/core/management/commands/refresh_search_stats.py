from django.core.management.base import BaseCommand
from django.db import connection

# Tables that the search fallback reads directly
SEARCH_TABLES = (
    "wagtailcore_page",
    "events_eventpage",
    "home_homepage",
    "grants_grantapplicationpage",
)


class Command(BaseCommand):
    help = "Refresh Postgres planner statistics for the tables used by site search."

    def add_arguments(self, parser):
        parser.add_argument("--vacuum", action="store_true", help="Run VACUUM ANALYZE instead of ANALYZE")

    def handle(self, *args, **options):
        verb = "VACUUM ANALYZE" if options["vacuum"] else "ANALYZE"
        with connection.cursor() as cursor:
            for table in SEARCH_TABLES:
                cursor.execute(f"{verb} {connection.ops.quote_name(table)}")
                self.stdout.write(f"{verb} {table}")
        self.stdout.write(self.style.SUCCESS("Search statistics refreshed"))
