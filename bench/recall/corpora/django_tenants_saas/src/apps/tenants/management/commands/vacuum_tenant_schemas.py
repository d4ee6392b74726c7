from django.core.management.base import BaseCommand
from django.db import connection
from django_tenants.utils import get_public_schema_name, get_tenant_model
from psycopg2 import sql

HOT_TABLES = ("invoices_invoice", "invoices_lineitem", "invoices_payment")


class Command(BaseCommand):
    help = "VACUUM ANALYZE the busiest tables of every tenant schema (or only the schemas given)."

    def add_arguments(self, parser):
        parser.add_argument("schemas", nargs="*", help="Limit to these schema names.")
        parser.add_argument("--tables", nargs="+", default=list(HOT_TABLES))

    def handle(self, *args, schemas, tables, **options):
        tenants = get_tenant_model().objects.exclude(schema_name=get_public_schema_name())
        if schemas:
            tenants = tenants.filter(schema_name__in=schemas)

        with connection.cursor() as cursor:
            for schema in tenants.values_list("schema_name", flat=True):
                for table in tables:
                    cursor.execute(sql.SQL("VACUUM (ANALYZE) {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))
                self.stdout.write(self.style.SUCCESS(f"{schema}: {len(tables)} tables vacuumed"))
