"""Raw SQL for the rent reports; these aggregate across several large tables."""
from django.db import connection

ARREARS_ORDER_COLUMNS = {
    "balance": "balance DESC",
    "days": "oldest_due ASC",
    "unit": "b.code, u.number",
}


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def fetch_rent_roll(portfolio_id: int, order_by: str):
    sql = f"""
        SELECT b.code AS building, u.number AS unit, u.status,
               l.monthly_rent, l.start_date, l.end_date,
               t.first_name || ' ' || t.last_name AS tenant
        FROM properties_unit u
        JOIN properties_building b ON b.id = u.building_id
        LEFT JOIN leases_lease l ON l.unit_id = u.id AND l.status = 'active'
        LEFT JOIN accounts_user t ON t.id = l.primary_tenant_id
        WHERE b.portfolio_id = %s
        ORDER BY {order_by}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [portfolio_id])
        return _dictfetchall(cursor)


def fetch_arrears(portfolio_id: int, as_of, order: str = "balance"):
    order_clause = ARREARS_ORDER_COLUMNS.get(order, ARREARS_ORDER_COLUMNS["balance"])
    sql = f"""
        SELECT b.code AS building, u.number AS unit, l.id AS lease_id,
               SUM(c.amount) AS balance, MIN(c.due_date) AS oldest_due
        FROM payments_pendingcharge c
        JOIN leases_lease l ON l.id = c.lease_id
        JOIN properties_unit u ON u.id = l.unit_id
        JOIN properties_building b ON b.id = u.building_id
        WHERE b.portfolio_id = %s AND c.due_date <= %s
        GROUP BY b.code, u.number, l.id
        ORDER BY {order_clause}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [portfolio_id, as_of])
        return _dictfetchall(cursor)


def fetch_occupancy(building_ids):
    if not building_ids:
        return []
    placeholders = ", ".join(["%s"] * len(building_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT building_id,
                   COUNT(*) FILTER (WHERE status = 'occupied') AS occupied,
                   COUNT(*) AS total
            FROM properties_unit
            WHERE building_id IN ({placeholders})
            GROUP BY building_id
            """,
            list(building_ids),
        )
        return _dictfetchall(cursor)
