"""Data access for invoices and payments.

Owners are mirrored into ``billing_accounts`` (keyed by the Mongo owner id)
when their first invoice is raised, so billing reports never need Mongo.
"""
import logging
from datetime import datetime, timezone

from . import InvoiceNotFound
from .db import get_cursor
from .query import SelectQuery

log = logging.getLogger(__name__)

INVOICE_COLUMNS = (
    "i.id",
    "i.number",
    "i.clinic_id",
    "i.status",
    "i.currency",
    "i.total_cents",
    "i.paid_cents",
    "i.issued_at",
    "i.due_at",
    "a.full_name AS account_name",
    "a.email AS account_email",
)

# API filter name -> column
INVOICE_FILTERS = {
    "status": "i.status",
    "clinic_id": "i.clinic_id",
    "account_id": "i.account_id",
    "currency": "i.currency",
}

INSERT_COLUMNS = (
    "number",
    "clinic_id",
    "account_id",
    "appointment_ref",
    "status",
    "currency",
    "total_cents",
    "issued_at",
    "due_at",
)

LINE_COLUMNS = ("invoice_id", "description", "quantity", "unit_cents", "vat_rate")

_PERIODS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}


class InvoiceRepository:
    def _invoice_query(self, filters):
        q = SelectQuery("invoices i", INVOICE_COLUMNS).join(
            "JOIN billing_accounts a ON a.id = i.account_id"
        )
        for name, value in (filters or {}).items():
            column = INVOICE_FILTERS.get(name)
            if column is None or value in (None, ""):
                continue
            q.where(column, "=", value)
        return q

    def list_invoices(self, filters=None, sort="issued_at", direction="desc", page=1, per_page=25):
        q = self._invoice_query(filters)
        q.order_by(f"i.{sort}", direction).order_by("i.id", direction)
        q.paginate(page, per_page)
        sql, params = q.build()
        with get_cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def count_invoices(self, filters=None):
        sql, params = self._invoice_query(filters).count()
        with get_cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchone()["n"]

    def get_invoice(self, number):
        q = self._invoice_query(None).where("i.number", "=", number)
        sql, params = q.build()
        with get_cursor() as cur:
            cur.execute(sql, params)
            invoice = cur.fetchone()
            if invoice is None:
                raise InvoiceNotFound(number)
            cur.execute(
                "SELECT description, quantity, unit_cents, vat_rate FROM invoice_lines "
                "WHERE invoice_id = %s ORDER BY id",
                (invoice["id"],),
            )
            invoice["lines"] = cur.fetchall()
        return invoice

    def create_invoice(self, data, lines):
        columns = ", ".join(INSERT_COLUMNS)
        placeholders = ", ".join(["%s"] * len(INSERT_COLUMNS))
        values = [data.get(column) for column in INSERT_COLUMNS]
        line_sql = (
            f"INSERT INTO invoice_lines ({', '.join(LINE_COLUMNS)}) "
            f"VALUES ({', '.join(['%s'] * len(LINE_COLUMNS))})"
        )
        with get_cursor() as cur:
            cur.execute(f"INSERT INTO invoices ({columns}) VALUES ({placeholders}) RETURNING id", values)
            invoice_id = cur.fetchone()["id"]
            cur.executemany(
                line_sql,
                [
                    (invoice_id, line["description"], line["quantity"], line["unit_cents"], line["vat_rate"])
                    for line in lines
                ],
            )
        log.info("Created invoice %s for account %s", data["number"], data["account_id"])
        return invoice_id

    def search_by_account(self, term, clinic_id, limit=20):
        """Free-text search used by the admin search box."""
        sql = (
            "SELECT i.number, i.status, i.total_cents, i.issued_at, a.full_name AS account_name "
            "FROM invoices i JOIN billing_accounts a ON a.id = i.account_id "
            "WHERE i.clinic_id = %s"
        )
        if term:
            sql += " AND (a.full_name ILIKE '%%" + term + "%%' OR i.number ILIKE '%%" + term + "%%')"
        sql += " ORDER BY i.issued_at DESC LIMIT %s"
        with get_cursor() as cur:
            cur.execute(sql, (clinic_id, limit))
            return cur.fetchall()

    def revenue_by_period(self, clinic_id, period="month", since=None):
        trunc = _PERIODS.get(period, "month")
        sql = (
            f"SELECT date_trunc('{trunc}', paid_at) AS bucket, sum(amount_cents) AS total_cents, count(*) AS payments "
            "FROM payments WHERE clinic_id = %s AND paid_at >= %s AND kind = 'payment' "
            "GROUP BY bucket ORDER BY bucket"
        )
        since = since or datetime(datetime.now(timezone.utc).year, 1, 1, tzinfo=timezone.utc)
        with get_cursor() as cur:
            cur.execute(sql, (clinic_id, since))
            return cur.fetchall()

    def _invoice_id(self, cur, number):
        cur.execute("SELECT id, clinic_id, total_cents, paid_cents FROM invoices WHERE number = %s FOR UPDATE", (number,))
        row = cur.fetchone()
        if row is None:
            raise InvoiceNotFound(number)
        return row

    def record_payment(self, number, amount_cents, provider_ref, method):
        with get_cursor() as cur:
            invoice = self._invoice_id(cur, number)
            cur.execute(
                "INSERT INTO payments (invoice_id, clinic_id, kind, amount_cents, provider_ref, method, paid_at) "
                "VALUES (%s, %s, 'payment', %s, %s, %s, now()) ON CONFLICT (provider_ref) DO NOTHING",
                (invoice["id"], invoice["clinic_id"], amount_cents, provider_ref, method),
            )
            cur.execute(
                "UPDATE invoices SET paid_cents = paid_cents + %s, "
                "status = CASE WHEN paid_cents + %s >= total_cents THEN 'paid' ELSE 'partial' END "
                "WHERE id = %s",
                (amount_cents, amount_cents, invoice["id"]),
            )

    def mark_payment_failed(self, number, provider_ref):
        with get_cursor() as cur:
            invoice = self._invoice_id(cur, number)
            cur.execute(
                "INSERT INTO payment_attempts (invoice_id, provider_ref, outcome, created_at) "
                "VALUES (%s, %s, 'failed', now())",
                (invoice["id"], provider_ref),
            )

    def record_refund(self, number, amount_cents, provider_ref):
        with get_cursor() as cur:
            invoice = self._invoice_id(cur, number)
            cur.execute(
                "INSERT INTO payments (invoice_id, clinic_id, kind, amount_cents, provider_ref, method, paid_at) "
                "VALUES (%s, %s, 'refund', %s, %s, 'card', now()) ON CONFLICT (provider_ref) DO NOTHING",
                (invoice["id"], invoice["clinic_id"], -amount_cents, provider_ref),
            )
            cur.execute(
                "UPDATE invoices SET paid_cents = paid_cents - %s, status = 'refunded' WHERE id = %s",
                (amount_cents, invoice["id"]),
            )

    def void_invoice(self, number, reason):
        with get_cursor() as cur:
            invoice = self._invoice_id(cur, number)
            if invoice["paid_cents"]:
                return False
            cur.execute(
                "UPDATE invoices SET status = 'void', void_reason = %s WHERE id = %s",
                (reason, invoice["id"]),
            )
            return True
