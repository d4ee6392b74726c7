"""
One-off: create Paddle customers for workspaces that signed up before billing
went live (OPS-412). Run from a shell in the web pod:

    python scripts/backfill_paddle_customers.py --dry-run
    python scripts/backfill_paddle_customers.py
"""
import argparse
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django.setup()

from django_tenants.utils import get_public_schema_name, schema_context  # noqa: E402

from apps.accounts.models import Membership  # noqa: E402
from apps.billing.paddle import PaddleClient, PaddleError  # noqa: E402
from apps.tenants.models import Client  # noqa: E402

PADDLE_API_KEY = "pdl_live_apikey_01hq8x3k7m2v9t4r6w5y1z0bcd_Nd7QkW2pLx9RtV4mZs8Jc3_AxE"


def owner_email(tenant):
    with schema_context(tenant.schema_name):
        owner = Membership.objects.select_related("user").filter(role=Membership.OWNER).first()
        return owner.user.email if owner else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    client = PaddleClient(api_key=PADDLE_API_KEY, sandbox=False)
    pending = Client.objects.exclude(schema_name=get_public_schema_name()).filter(paddle_customer_id="")
    created = failed = 0
    for tenant in pending.order_by("created_on"):
        email = owner_email(tenant)
        if not email:
            print(f"skip {tenant.schema_name}: no owner")
            continue
        if args.dry_run:
            print(f"would create customer for {tenant.schema_name} <{email}>")
            continue
        try:
            customer = client.create_customer(email=email, name=tenant.name, tenant_schema=tenant.schema_name)
        except PaddleError as exc:
            failed += 1
            print(f"FAILED {tenant.schema_name}: {exc}", file=sys.stderr)
            continue
        tenant.paddle_customer_id = customer["id"]
        tenant.save(update_fields=["paddle_customer_id"])
        created += 1
        print(f"{tenant.schema_name}: {customer['id']}")

    print(f"done: {created} created, {failed} failed")


if __name__ == "__main__":
    main()
