"""Create (or promote) a local administrator account.

    pagebook-create-admin production.ini alice alice@example.com
"""
import argparse
import getpass
import sys

from pyramid.paster import bootstrap, setup_logging
from sqlalchemy import select

from ..models import User
from ..services.passwords import PasswordPolicyError, validate_password


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config_uri", help="configuration file, e.g. development.ini")
    parser.add_argument("username")
    parser.add_argument("email")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of prompting",
    )
    return parser.parse_args(argv)


def read_password(from_stdin):
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    while True:
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Repeat password: ")
        if first == second:
            return first
        print("Passwords differ, try again.", file=sys.stderr)


def main(argv=sys.argv):
    args = parse_args(argv[1:])
    setup_logging(args.config_uri)
    env = bootstrap(args.config_uri)

    password = read_password(args.password_stdin)
    try:
        validate_password(password, args.username)
    except PasswordPolicyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    request = env["request"]
    with request.tm:
        dbsession = request.dbsession
        user = dbsession.scalars(select(User).where(User.username == args.username)).one_or_none()
        if user is None:
            user = User(username=args.username, email=args.email, auth_source="local")
            dbsession.add(user)
            verb = "Created"
        else:
            verb = "Promoted"
        user.is_admin = True
        user.is_active = True
        user.set_password(password)

    env["closer"]()
    print(f"{verb} administrator {args.username}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
