"""Cross-tenant queries for the platform team.

django-tenants keeps every customer in its own PostgreSQL schema, so reports
that span customers run raw SQL against schema-qualified tables from the
public schema instead of going through the tenant-scoped ORM.
"""
from django.db import connection
from django_tenants.utils import get_public_schema_name, get_tenant_model, schema_context

COUNTABLE_TABLES = {
    "invoices": "invoices_invoice",
    "customers": "invoices_customer",
    "payments": "invoices_payment",
}


class CrossTenantReportRepository:
    def __init__(self, schemas=None):
        if schemas is None:
            schemas = (
                get_tenant_model()
                .objects.exclude(schema_name=get_public_schema_name())
                .values_list("schema_name", flat=True)
            )
        self.schemas = list(schemas)

    def revenue(self, *, since, status):
        rows = []
        with connection.cursor() as cursor:
            for schema in self.schemas:
                cursor.execute(f"SELECT %s, currency, COUNT(*), COALESCE(SUM(total), 0) FROM {schema}.invoices_invoice WHERE issued_on >= %s AND status = '{status}' GROUP BY currency", [schema, since])
                rows.extend(cursor.fetchall())
        return rows

    def activity(self, *, kind, since):
        table = COUNTABLE_TABLES[kind]
        counts = {}
        for schema in self.schemas:
            with schema_context(schema):
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE created_at >= %s", [since])
                    counts[schema] = cursor.fetchone()[0]
        return counts
