#!/usr/bin/env python
"""Create a console operator account.

    AWS_PROFILE=bikeshare-prod OPERATORS_TABLE=bikeshare-operators \
        python scripts/create_operator.py ops@bikeshare.example "Sam Jansen" --role admin
"""
import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chalicelib.services.operators import ROLES, OperatorService  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("email")
    parser.add_argument("name")
    parser.add_argument("--role", choices=ROLES, default="dispatcher")
    args = parser.parse_args()

    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Repeat password: "):
        parser.error("passwords do not match")
    if len(password) < 12:
        parser.error("use at least 12 characters")

    operator = OperatorService().create(args.email, args.name, password, role=args.role)
    print(f"created operator {operator['operator_id']} ({args.role})")


if __name__ == "__main__":
    main()
