#!/usr/bin/env python
"""Bootstrap a clinic and its first admin account.

    python scripts/create_admin.py --clinic "PawPrint Islington" --slug islington \
        --email jane@pawprint.vet --name "Jane Doe"

A new clinic gets a kiosk API key, written to a 0600 file for the kiosk's config.
"""
import argparse
import getpass
import os
import secrets
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pawprint import create_app  # noqa: E402
from pawprint.models.accounts import StaffUser  # noqa: E402
from pawprint.models.clinics import Clinic  # noqa: E402
from pawprint.security.passwords import password_problems  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clinic", required=True, help="clinic display name")
    parser.add_argument("--slug", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--name", required=True, help="admin's full name")
    parser.add_argument("--rotate-key", action="store_true", help="issue a new kiosk key for an existing clinic")
    parser.add_argument("--key-file", default=None, help="where to write a newly issued kiosk key")
    return parser.parse_args()


def prompt_password():
    while True:
        password = getpass.getpass("Password for the admin account: ")
        problems = password_problems(password)
        if problems:
            print("\n".join(problems))
            continue
        if getpass.getpass("Repeat: ") != password:
            print("Passwords don't match.")
            continue
        return password


def main():
    args = parse_args()
    app = create_app(os.environ.get("FLASK_CONFIG", "development"))
    with app.app_context():
        clinic = Clinic.objects(slug=args.slug).first()
        new_key = None
        if clinic is None:
            new_key = secrets.token_urlsafe(32)
            clinic = Clinic(name=args.clinic, slug=args.slug, api_key=new_key).save()
            print(f"Created clinic {clinic.name} ({clinic.id})")
        elif args.rotate_key:
            new_key = secrets.token_urlsafe(32)
            clinic.update(set__api_key=new_key)

        email = args.email.strip().lower()
        if StaffUser.objects(email=email).first():
            print(f"{email} already exists; nothing to do for the account.")
        else:
            user = StaffUser(email=email, full_name=args.name, role="admin", clinic=clinic)
            user.set_password(prompt_password())
            user.save()
            print(f"Created admin {email}")

        if new_key:
            path = args.key_file or f"kiosk-{clinic.slug}.key"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(new_key + "\n")
            print(f"Kiosk API key written to {path}; copy it to the kiosk and delete the file.")


if __name__ == "__main__":
    main()
