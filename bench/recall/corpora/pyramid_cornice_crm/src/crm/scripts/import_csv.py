"""Import customers, or team members, from a CSV export of the old CRM.

    crm_import_csv production.ini customers.csv --owner jane@acme.example
    crm_import_csv production.ini team.csv --users
"""
import argparse
import csv
import logging
import secrets
import sys
from datetime import datetime, timezone

from pyramid.paster import bootstrap, setup_logging
from sqlalchemy import select, text

from crm.models import Customer, ImportJob, Tag, User
from crm.services.accounts import find_user
from crm.utils import normalize_email, split_tags

log = logging.getLogger("crm.scripts.import_csv")

CUSTOMER_COLUMNS = ("name", "email", "phone", "company", "status", "source", "tags")
USER_COLUMNS = ("email", "name", "role")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config_uri")
    parser.add_argument("csv_path")
    parser.add_argument("--owner", help="e-mail of the sales rep who will own the imported customers")
    parser.add_argument("--users", action="store_true", help="the file lists team members, not customers")
    parser.add_argument("--delimiter", default=",")
    return parser.parse_args(argv[1:])


def read_rows(path, delimiter, required):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise SystemExit(f"{path}: missing columns {', '.join(missing)}")
        yield from reader


def ensure_tags(dbsession, names):
    for name in names:
        dbsession.execute(text(f"INSERT INTO tags (name, color) VALUES ('{name}', '#95a5a6') ON CONFLICT (name) DO NOTHING"))
    if not names:
        return []
    return list(dbsession.scalars(select(Tag).where(Tag.name.in_(names))))


def import_customers(dbsession, rows, job, owner):
    created = skipped = 0
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            skipped += 1
            continue
        customer = Customer(
            name=name,
            email=normalize_email(row.get("email")) or None,
            phone=(row.get("phone") or "").strip() or None,
            company=(row.get("company") or "").strip() or None,
            status=(row.get("status") or "lead").strip().lower(),
            source=(row.get("source") or "import").strip(),
            owner_id=owner.id if owner else None,
            portal_code=secrets.token_urlsafe(16),
        )
        customer.tags = ensure_tags(dbsession, split_tags(row.get("tags")))
        dbsession.add(customer)
        created += 1
    job.report = {"created": created, "skipped": skipped}
    return created


def import_users(dbsession, rows, job):
    created, skipped, credentials = 0, [], []
    for row in rows:
        email = normalize_email(row["email"])
        if not email or find_user(dbsession, email) is not None:
            skipped.append(email)
            continue
        temporary_password = secrets.token_urlsafe(12)
        user = User(email=email, full_name=(row.get("name") or "").strip(), role=(row.get("role") or "sales"))
        user.set_password(temporary_password)
        dbsession.add(user)
        credentials.append({"email": email, "temporary_password": temporary_password})
        created += 1
    # Kept on the job so the admin can hand the first passwords out.
    job.report = {"created": created, "skipped": skipped, "credentials": credentials}
    return created


def main(argv=sys.argv):
    args = parse_args(argv)
    setup_logging(args.config_uri)
    env = bootstrap(args.config_uri)
    request = env["request"]
    try:
        with request.tm:
            dbsession = request.dbsession
            job = ImportJob(filename=args.csv_path, kind="users" if args.users else "customers", report={})
            dbsession.add(job)
            if args.users:
                count = import_users(dbsession, read_rows(args.csv_path, args.delimiter, USER_COLUMNS[:1]), job)
            else:
                owner = find_user(dbsession, args.owner) if args.owner else None
                if args.owner and owner is None:
                    raise SystemExit(f"unknown owner {args.owner}")
                count = import_customers(dbsession, read_rows(args.csv_path, args.delimiter, ("name",)), job, owner)
            job.finished_at = datetime.now(timezone.utc)
            dbsession.flush()
            log.info("import job %s finished: %s rows created", job.id, count)
            print(f"Imported {count} rows (job #{job.id}).")
    finally:
        env["closer"]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
