"""Create or promote an admin account.

    python -m scripts.create_admin admin@example.com
"""
import getpass
import sys

from sqlalchemy import func, select

from marketplace import create_app
from marketplace.extensions import db
from marketplace.models import User


def main(argv):
    if len(argv) != 2:
        print("usage: python -m scripts.create_admin EMAIL")
        return 2
    email = argv[1].strip().lower()
    app = create_app()
    with app.app_context():
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if user is None:
            password = getpass.getpass("Password for new admin: ")
            if len(password) < 12:
                print("admin passwords need at least 12 characters")
                return 1
            user = User(email=email, username=email.split("@")[0][:40])
            user.set_password(password)
            db.session.add(user)
        user.is_admin = True
        db.session.commit()
        print(f"{user.email} is now an admin (id={user.id})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
