#!/usr/bin/env python
"""Developer entry point: ``python manage.py runserver`` / ``init-db`` / ``create-admin``."""
import argparse
import getpass
import sys

from werkzeug.serving import run_simple

from docsign import create_app
from docsign.config import load_config
from docsign.repositories import UserRepository
from docsign.services.passwords import hash_password, validate_new_password


def runserver(args):
    app = create_app(load_config(args.env))
    app.db.init_schema()
    run_simple("0.0.0.0", args.port, app, use_reloader=True, use_debugger=app.config.DEBUG)


def init_db(args):
    app = create_app(load_config(args.env))
    app.db.init_schema()
    print(f"schema applied to {app.config.DATABASE_URL}")


def create_admin(args):
    app = create_app(load_config(args.env))
    password = getpass.getpass("Password: ")
    errors = validate_new_password(password, getpass.getpass("Repeat password: "))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    UserRepository(app.db).create(args.email, args.name, hash_password(password), role="admin")
    print(f"admin {args.email} created")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="manage.py")
    parser.add_argument("--env", default="development")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("runserver")
    run.add_argument("--port", type=int, default=5000)
    run.set_defaults(func=runserver)

    sub.add_parser("init-db").set_defaults(func=init_db)

    admin = sub.add_parser("create-admin")
    admin.add_argument("email")
    admin.add_argument("name")
    admin.set_defaults(func=create_admin)

    args = parser.parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
