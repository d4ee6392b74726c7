"""Reporting queries that are easier to keep as SQL than as ORM chains."""
from django.db import connection, models

ORDERINGS = {
    "days": "days_overdue DESC, p.last_name",
    "patron": "p.last_name, p.first_name",
    "title": "t.title",
    "due": "l.due_date",
    "branch": "b.name, days_overdue DESC",
}

OVERDUE_SQL = """
    SELECT l.id AS loan_id,
           p.id AS patron_id,
           p.card_number,
           p.first_name,
           p.last_name,
           p.email,
           t.title,
           c.barcode,
           b.name AS branch,
           l.due_date,
           (CURRENT_DATE - l.due_date) AS days_overdue
      FROM circulation_loan l
      JOIN accounts_patron p ON p.id = l.patron_id
      JOIN catalogue_copy c ON c.id = l.copy_id
      JOIN catalogue_title t ON t.id = c.title_id
      JOIN catalogue_branch b ON b.id = l.branch_id
     WHERE l.returned_at IS NULL
       AND l.due_date <= CURRENT_DATE - %s
"""

# Letters for patrons without e-mail go out by postcode district.
OUTREACH_SQL = """
    SELECT p.id AS patron_id, p.first_name, p.last_name, p.postcode,
           COUNT(l.id) AS items, MIN(l.due_date) AS oldest_due
      FROM circulation_loan l
      JOIN accounts_patron p ON p.id = l.patron_id
     WHERE l.returned_at IS NULL
       AND l.due_date <= CURRENT_DATE - {days}
       AND (p.email = '' OR p.notify_by_email = FALSE)
       AND p.postcode LIKE '{area}%'
     GROUP BY p.id, p.first_name, p.last_name, p.postcode
     ORDER BY p.postcode
"""


def dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


class LoanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_at__isnull=True)

    def for_patron(self, patron):
        return self.filter(patron=patron)


class LoanManager(models.Manager.from_queryset(LoanQuerySet)):
    def overdue_report(self, branch_id=None, min_days=1, sort="days"):
        order_by = ORDERINGS.get(sort, ORDERINGS["days"])
        sql = OVERDUE_SQL
        params = [int(min_days)]
        if branch_id:
            sql += " AND l.branch_id = %s"
            params.append(branch_id)
        sql += f" ORDER BY {order_by}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return dictfetchall(cursor)

    def outreach_letters(self, area, min_days=14):
        sql = OUTREACH_SQL.format(days=int(min_days), area=area.strip().upper())
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return dictfetchall(cursor)

