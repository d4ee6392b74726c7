"""One-off: orders refunded directly in the Stripe dashboard (before the back
office had a refund button) are still 'paid' here. Find them and fix the status.

    DATABASE_URL=... python scripts/backfill_refunds.py --since 2024-01-01 [--apply]
"""
import argparse
import datetime
import os

import psycopg2
import psycopg2.extras
import stripe

stripe.api_key = "sk_live_51NcR2qHk7TzY3mB0r8WdQ2LzX5vJt1KcP9sF3gH6nA4eU7yM0bV2iO8xZ5wE1qR3"


def refunded_payment_intents(since):
    created = {"gte": int(since.timestamp())}
    for refund in stripe.Refund.list(created=created, limit=100).auto_paging_iter():
        if refund.status == "succeeded" and refund.payment_intent:
            yield refund.payment_intent


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", required=True, type=datetime.date.fromisoformat)
    parser.add_argument("--apply", action="store_true", help="write the changes (default: dry run)")
    args = parser.parse_args()

    since = datetime.datetime.combine(args.since, datetime.time.min, tzinfo=datetime.timezone.utc)
    intents = sorted(set(refunded_payment_intents(since)))
    print(f"{len(intents)} refunded payment intents since {args.since}")

    conn = psycopg2.connect(os.environ["DATABASE_URL"], cursor_factory=psycopg2.extras.RealDictCursor)
    with conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, number FROM orders WHERE status IN ('paid', 'shipped') AND payment_intent_id = ANY(%s)",
            (intents,),
        )
        rows = cur.fetchall()
        for row in rows:
            print(f"  {row['number']}")
        if args.apply and rows:
            cur.execute("UPDATE orders SET status = 'refunded', updated_at = now() WHERE id = ANY(%s)", ([r["id"] for r in rows],))
            print(f"updated {cur.rowcount} orders")
        elif rows:
            print("dry run, nothing written (use --apply)")


if __name__ == "__main__":
    main()
