#!/usr/bin/env python
"""Management commands.

    python manage.py initdb
    python manage.py create-staff USERNAME "Full Name" [--owner]
    python manage.py seed-demo
    python manage.py serve [--host HOST] [--port PORT]
"""
import argparse
import getpass
import sys
from decimal import Decimal

from inkhouse import settings
from inkhouse.helpers import make_sku, slugify
from inkhouse.models import MODELS, Product, StaffUser, Variant, init_database


def cmd_initdb(args):
    db = init_database(settings.DATABASE_URL)
    with db:
        db.create_tables(MODELS, safe=True)
    print(f"Created {len(MODELS)} tables.")


def cmd_create_staff(args):
    init_database(settings.DATABASE_URL)
    if StaffUser.select().where(StaffUser.username == args.username).exists():
        sys.exit(f"Staff user {args.username!r} already exists.")
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Repeat password: "):
        sys.exit("Passwords don't match.")
    if len(password) < 12:
        sys.exit("Use at least 12 characters for staff accounts.")
    staff = StaffUser(username=args.username, full_name=args.full_name,
                      role="owner" if args.owner else "staff")
    staff.set_password(password)
    staff.save()
    print(f"Created {staff.role} {staff.username}.")


DEMO_PRODUCTS = [
    ("Harbour at Dusk", "posters", "Risograph print in two colours.\n\nPrinted on 170gsm recycled stock.", "28.00", False),
    ("Botanical Thank You Cards", "cards", "Pack of eight folded cards with envelopes.", "14.00", False),
    ("Letterpress Wedding Invitation", "invitations", "Your wording, letterpressed on cotton board.", "4.50", True),
    ("Weekly Planner Pad", "stationery", "52 tear-off sheets, A4.", "12.00", False),
]


def cmd_seed_demo(args):
    init_database(settings.DATABASE_URL)
    for title, category, description, price, personalisable in DEMO_PRODUCTS:
        slug = slugify(title)
        product, created = Product.get_or_create(
            slug=slug,
            defaults={"title": title, "category": category, "description": description,
                      "base_price": Decimal(price), "is_personalisable": personalisable, "featured": True},
        )
        if not created:
            continue
        for size, paper, factor in (("A5", "Recycled 170gsm", "1"), ("A4", "Recycled 170gsm", "1.6"),
                                    ("A3", "Cotton 300gsm", "2.4")):
            Variant.create(product=product, sku=make_sku(slug, size, paper), size=size, paper=paper,
                           price=(Decimal(price) * Decimal(factor)).quantize(Decimal("0.01")), stock=25)
        print(f"Added {title}")


def cmd_serve(args):
    from waitress import serve

    from inkhouse.wsgi import application

    serve(application, host=args.host, port=args.port, threads=args.threads,
          trusted_proxy="127.0.0.1", trusted_proxy_headers={"x-forwarded-proto", "x-forwarded-for"})


def main(argv=None):
    parser = argparse.ArgumentParser(prog="manage.py")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("initdb").set_defaults(func=cmd_initdb)

    staff = sub.add_parser("create-staff")
    staff.add_argument("username")
    staff.add_argument("full_name")
    staff.add_argument("--owner", action="store_true")
    staff.set_defaults(func=cmd_create_staff)

    sub.add_parser("seed-demo").set_defaults(func=cmd_seed_demo)

    serve = sub.add_parser("serve")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.set_defaults(func=cmd_serve)

    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
