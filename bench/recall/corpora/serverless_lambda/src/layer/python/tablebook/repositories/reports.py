"""SQL for the reporting database (MySQL on RDS, pymysql DictCursor)."""

SORT_COLUMNS = {
    "date": "r.service_date",
    "covers": "covers",
    "revenue": "revenue",
    "no_shows": "no_shows",
}


def covers_by_day(conn, restaurant_id, start, end, sort="date", direction="asc"):
    column = SORT_COLUMNS.get(sort, SORT_COLUMNS["date"])
    order = "DESC" if str(direction).lower() == "desc" else "ASC"
    sql = f"""
        SELECT r.service_date,
               SUM(r.party_size) AS covers,
               SUM(r.status = 'no_show') AS no_shows,
               COALESCE(SUM(p.amount_cents), 0) AS revenue
          FROM reservations r
          LEFT JOIN payments p ON p.reservation_id = r.reservation_id
         WHERE r.restaurant_id = %s
           AND r.service_date BETWEEN %s AND %s
         GROUP BY r.service_date
         ORDER BY {column} {order}
    """
    with conn.cursor() as cur:
        cur.execute(sql, (restaurant_id, start, end))
        return cur.fetchall()


def guest_visits(conn, restaurant_id, email):
    sql = (
        "SELECT reservation_id, service_date, party_size, status "
        "FROM reservations WHERE restaurant_id = '%s' AND guest_email = '%s' "
        "ORDER BY service_date DESC" % (restaurant_id, email)
    )
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def charges_for(conn, reservation_ids):
    if not reservation_ids:
        return []
    placeholders = ", ".join(["%s"] * len(reservation_ids))
    sql = f"SELECT reservation_id, kind, amount_cents, currency FROM payments WHERE reservation_id IN ({placeholders})"
    with conn.cursor() as cur:
        cur.execute(sql, list(reservation_ids))
        return cur.fetchall()


def top_dishes(conn, restaurant_id, since, limit):
    sql = f"""
        SELECT d.name, SUM(o.quantity) AS ordered
          FROM preorders o JOIN dishes d ON d.dish_id = o.dish_id
         WHERE o.restaurant_id = %s AND o.service_date >= %s
         GROUP BY d.name
         ORDER BY ordered DESC
         LIMIT {limit}
    """
    with conn.cursor() as cur:
        cur.execute(sql, (restaurant_id, since))
        return cur.fetchall()


def search_guests(conn, restaurant_id, term):
    sql = (
        "SELECT guest_name, guest_email, COUNT(*) AS visits, MAX(service_date) AS last_visit "
        "FROM reservations WHERE restaurant_id = %s "
        "AND (guest_name LIKE '%%" + term + "%%' OR guest_email LIKE '%%" + term + "%%') "
        "GROUP BY guest_name, guest_email ORDER BY visits DESC LIMIT 50"
    )
    with conn.cursor() as cur:
        cur.execute(sql, (restaurant_id,))
        return cur.fetchall()


def upsert_reservations(conn, rows):
    sql = """
        INSERT INTO reservations
            (reservation_id, restaurant_id, guest_name, guest_email, service_date, party_size, status)
        VALUES (%s, %s, %s, %s, %s, %s, %s)
        ON DUPLICATE KEY UPDATE party_size = VALUES(party_size), status = VALUES(status)
    """
    with conn.cursor() as cur:
        cur.executemany(sql, rows)
