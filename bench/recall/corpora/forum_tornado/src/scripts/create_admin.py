#!/usr/bin/env python
"""Create (or promote) an administrator account.

    python scripts/create_admin.py --env=production --username=alice --email=alice@example.org
"""
import getpass
import sys

from _common import run
from tornado.options import define, options

from forum.models import users
from forum.security import passwords

define("username", default="", help="admin username")
define("email", default="", help="admin e-mail")


async def create(pool):
    if not options.username or not options.email:
        sys.exit("--username and --email are required")
    existing = await users.get_by_username(pool, options.username)
    if existing:
        await pool.execute("UPDATE users SET role = 'admin' WHERE id = $1", existing["id"])
        print(f"promoted {existing['username']} (id {existing['id']}) to admin")
        return
    raw = getpass.getpass("Password for the new admin: ")
    if raw != getpass.getpass("Repeat: "):
        sys.exit("passwords do not match")
    try:
        passwords.check_policy(raw, username=options.username)
    except passwords.PasswordPolicyError as exc:
        sys.exit(str(exc))
    user_id, _ = await users.create_user(pool, options.username, options.email, raw)
    await pool.execute(
        "UPDATE users SET role = 'admin', email_verified = true, verify_token = NULL WHERE id = $1", user_id
    )
    print(f"created admin {options.username} (id {user_id})")


if __name__ == "__main__":
    run(create)
