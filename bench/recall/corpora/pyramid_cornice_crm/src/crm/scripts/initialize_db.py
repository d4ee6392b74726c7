import argparse
import getpass
import sys

from pyramid.paster import bootstrap, setup_logging
from sqlalchemy.exc import OperationalError

from crm import models
from crm.services.passwords import password_problems


def setup_models(dbsession, email, password):
    """Create the first administrator of a fresh installation."""
    admin = models.User(email=email.strip().lower(), full_name="Administrator", role="admin")
    admin.set_password(password)
    dbsession.add(admin)


def parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("config_uri", help="Configuration file, e.g., development.ini")
    parser.add_argument("--admin-email", required=True, help="E-mail address of the first administrator")
    return parser.parse_args(argv[1:])


def main(argv=sys.argv):
    args = parse_args(argv)
    setup_logging(args.config_uri)
    env = bootstrap(args.config_uri)

    password = getpass.getpass("Password for the administrator: ")
    problems = password_problems(password, args.admin_email)
    if problems:
        print("\n".join(problems))
        return 1

    try:
        with env["request"].tm:
            dbsession = env["request"].dbsession
            setup_models(dbsession, args.admin_email, password)
    except OperationalError:
        print(
            """
Pyramid is having a problem using your SQL database.

Your database should be up and running before you initialize your project.
Make sure your database server is running, run the migrations with
"alembic -c development.ini upgrade head" and try again.
            """
        )
        return 1
    finally:
        env["closer"]()
    return 0
