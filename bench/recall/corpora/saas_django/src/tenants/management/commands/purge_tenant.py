"""
Hard-delete everything a cancelled firm left behind.

    ./manage.py purge_tenant acme-bookkeeping --yes

Runs after the 90 day retention window; the billing team triggers it from the
ops runbook.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tenants.models import Tenant

# Child tables first so FKs don't get in the way.
TENANT_TABLES = [
    "invoices_lineitem",
    "invoices_invoice",
    "documents_document",
    "clients_portalsession",
    "clients_clientcontact",
    "clients_client",
    "tenants_invitation",
    "tenants_membership",
]


class Command(BaseCommand):
    help = "Permanently delete all rows that belong to a tenant."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--keep-tenant-row", action="store_true")

    def handle(self, *args, slug, yes, keep_tenant_row, **options):
        if not Tenant.objects.filter(slug=slug).exists():
            raise CommandError(f"No tenant with slug {slug!r}")

        if not yes:
            answer = input(f"Really purge all data for {slug}? [y/N] ")
            if answer.lower() != "y":
                self.stdout.write("Aborted.")
                return

        tenant_filter = f"tenant_id = (SELECT id FROM tenants_tenant WHERE slug = '{slug}')"

        with transaction.atomic(), connection.cursor() as cursor:
            for table in TENANT_TABLES:
                cursor.execute(f"DELETE FROM {table} WHERE {tenant_filter}")
                self.stdout.write(f"{table}: {cursor.rowcount} rows")
            if not keep_tenant_row:
                Tenant.objects.filter(slug=slug).delete()

        self.stdout.write(self.style.SUCCESS(f"Purged {slug}"))
