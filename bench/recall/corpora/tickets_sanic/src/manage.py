#!/usr/bin/env python
"""Gatepass management commands.

    python manage.py migrate
    python manage.py create-staff alice@example.com "Alice Example" --role admin
    python manage.py add-device 42 "North gate #1"
    python manage.py revoke-device 7
    python manage.py reminders --dry-run
    python manage.py devserver --port 8000
"""
from __future__ import annotations

import argparse
import asyncio
import getpass
import secrets
import sys
from pathlib import Path

import asyncpg

from gatepass.config import get_settings
from gatepass.security.passwords import hash_password, validate_strength

ROOT = Path(__file__).resolve().parent
MIGRATIONS_DIR = ROOT / "migrations"


async def _connect() -> asyncpg.Connection:
    return await asyncpg.connect(get_settings().DATABASE_URL)


async def migrate(args: argparse.Namespace) -> int:
    conn = await _connect()
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        applied = {row["name"] for row in await conn.fetch("SELECT name FROM schema_migrations")}
        pending = [path for path in sorted(MIGRATIONS_DIR.glob("*.sql")) if path.name not in applied]
        if not pending:
            print("database is up to date")
        for path in pending:
            async with conn.transaction():
                await conn.execute(path.read_text(encoding="utf-8"))
                await conn.execute("INSERT INTO schema_migrations (name) VALUES ($1)", path.name)
            print(f"applied {path.name}")
    finally:
        await conn.close()
    return 0


async def create_staff(args: argparse.Namespace) -> int:
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Again: "):
        print("passwords don't match", file=sys.stderr)
        return 1
    problems = validate_strength(password, email=args.email)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    conn = await _connect()
    try:
        row = await conn.fetchrow(
            "INSERT INTO users (email, full_name, password_hash, role, email_verified_at) "
            "VALUES (lower($1), $2, $3, $4, now()) "
            "ON CONFLICT (lower(email)) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash "
            "RETURNING id",
            args.email,
            args.name,
            hash_password(password),
            args.role,
        )
    finally:
        await conn.close()
    print(f"staff user {args.email} ready (id={row['id']}, role={args.role})")
    return 0


async def add_device(args: argparse.Namespace) -> int:
    device_key = secrets.token_urlsafe(24)
    conn = await _connect()
    try:
        row = await conn.fetchrow(
            "INSERT INTO scanner_devices (event_id, label, api_key) VALUES ($1, $2, $3) RETURNING id",
            args.event_id,
            args.label,
            device_key,
        )
    finally:
        await conn.close()
    print(f"device id:  {row['id']}")
    print(f"device key: {device_key}")
    print("Enter both in the Gatepass Scan app. The key is not shown again.")
    return 0


async def revoke_device(args: argparse.Namespace) -> int:
    conn = await _connect()
    try:
        status = await conn.execute("UPDATE scanner_devices SET revoked_at = now() WHERE id = $1", args.device_id)
    finally:
        await conn.close()
    print(status)
    return 0


async def reminders(args: argparse.Namespace) -> int:
    settings = get_settings()
    conn = await _connect()
    try:
        rows = await conn.fetch(
            "SELECT e.title, count(t.id) AS pending FROM events e JOIN tickets t ON t.event_id = e.id "
            "WHERE e.starts_at BETWEEN now() AND now() + make_interval(hours => $1) "
            "AND t.reminder_sent_at IS NULL AND t.status = 'valid' GROUP BY e.title",
            settings.REMINDER_WINDOW_HOURS,
        )
    finally:
        await conn.close()
    for row in rows:
        print(f"{row['pending']:>6}  {row['title']}")
    if not args.dry_run:
        print("reminders are sent by the running server; this command only reports")
    return 0


def devserver(args: argparse.Namespace) -> int:
    """Auto-reloading server for working on templates and handlers."""
    from server import app

    app.run(host="0.0.0.0", port=args.port, auto_reload=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manage.py")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate").set_defaults(func=migrate)

    p = sub.add_parser("create-staff")
    p.add_argument("email")
    p.add_argument("name")
    p.add_argument("--role", choices=("organizer", "admin"), default="organizer")
    p.set_defaults(func=create_staff)

    p = sub.add_parser("add-device")
    p.add_argument("event_id", type=int)
    p.add_argument("label")
    p.set_defaults(func=add_device)

    p = sub.add_parser("revoke-device")
    p.add_argument("device_id", type=int)
    p.set_defaults(func=revoke_device)

    p = sub.add_parser("reminders")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(func=reminders)

    p = sub.add_parser("devserver")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=devserver)

    args = parser.parse_args(argv)
    if asyncio.iscoroutinefunction(args.func):
        return asyncio.run(args.func(args))
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
