#!/usr/bin/env python
"""Monthly sales report for the studio owners.

Runs from cron on the 1st of the month and covers the previous month:

    python scripts/monthly_report.py
    python scripts/monthly_report.py --start 2024-03-01 --end 2024-04-01 --no-mail

Reads from the reporting replica (``REPORTING_DSN``).
"""
import argparse
import datetime as dt
import logging
import os
import sys

import psycopg2
import psycopg2.extras

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from inkhouse import settings  # noqa: E402
from inkhouse.helpers import format_money  # noqa: E402
from inkhouse.models import init_database  # noqa: E402
from inkhouse.repositories.products import inventory_overview  # noqa: E402
from inkhouse.services import mailer  # noqa: E402

log = logging.getLogger("monthly_report")

REVENUE_SQL = """
    SELECT date_trunc('day', o.paid_at)::date AS day,
           COUNT(*) AS orders,
           SUM(o.total) AS revenue
      FROM orders o
     WHERE o.status IN ('paid', 'printing', 'shipped')
       AND o.paid_at >= '{start}' AND o.paid_at < '{end}'
     GROUP BY 1
     ORDER BY 1
"""

TOP_PRODUCTS_SQL = """
    SELECT p.title, SUM(i.quantity) AS units, SUM(i.quantity * i.unit_price) AS revenue
      FROM order_items i
      JOIN orders o ON o.id = i.order_id
      JOIN variants v ON v.id = i.variant_id
      JOIN products p ON p.id = v.product_id
     WHERE o.status IN ('paid', 'printing', 'shipped')
       AND o.paid_at >= %s AND o.paid_at < %s
     GROUP BY p.title
     ORDER BY revenue DESC
     LIMIT %s
"""

LOW_STOCK_THRESHOLD = 5


def previous_month():
    first_of_this_month = dt.date.today().replace(day=1)
    last_month_start = (first_of_this_month - dt.timedelta(days=1)).replace(day=1)
    return last_month_start.isoformat(), first_of_this_month.isoformat()


def revenue_by_day(cur, start, end):
    cur.execute(REVENUE_SQL.format(start=start, end=end))
    return cur.fetchall()


def top_products(cur, start, end, limit=10):
    cur.execute(TOP_PRODUCTS_SQL, (start, end, limit))
    return cur.fetchall()


def low_stock():
    init_database(settings.DATABASE_URL)
    return [row for row in inventory_overview("stock") if row["total_stock"] < LOW_STOCK_THRESHOLD]


def render_report(start, end, days, products, stock):
    total = sum(row["revenue"] or 0 for row in days)
    orders = sum(row["orders"] for row in days)
    lines = [f"<h1>Inkhouse sales {start} \u2013 {end}</h1>",
             f"<p>{orders} orders, {format_money(total)} revenue.</p>",
             "<h2>Best sellers</h2>", "<ol>"]
    lines += [f"<li>{row['title']}: {row['units']} units, {format_money(row['revenue'])}</li>" for row in products]
    lines += ["</ol>", "<h2>Running low</h2>", "<ul>"]
    lines += [f"<li>{row['title']} ({row['total_stock']} left)</li>" for row in stock]
    lines.append("</ul>")
    return "\n".join(lines)


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    default_start, default_end = previous_month()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--start", default=default_start, help="first day, YYYY-MM-DD")
    parser.add_argument("--end", default=default_end, help="day after the last day, YYYY-MM-DD")
    parser.add_argument("--to", default=os.environ.get("REPORT_RECIPIENTS", "owners@inkhouse.studio"))
    parser.add_argument("--no-mail", action="store_true")
    args = parser.parse_args(argv)

    with psycopg2.connect(settings.REPORTING_DSN) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            days = revenue_by_day(cur, args.start, args.end)
            products = top_products(cur, args.start, args.end)

    report = render_report(args.start, args.end, days, products, low_stock())
    if args.no_mail:
        print(report)
        return
    mailer.send(args.to, f"Inkhouse sales report {args.start}", report)
    log.info("Report for %s..%s sent to %s", args.start, args.end, args.to)


if __name__ == "__main__":
    main()
