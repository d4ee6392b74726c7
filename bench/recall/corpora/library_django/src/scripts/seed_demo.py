#!/usr/bin/env python
"""Fill a local database with demo data: python scripts/seed_demo.py --titles 400"""
import argparse
import os
import random
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "libnet.settings.dev")
django.setup()

from accounts.models import Patron  # noqa: E402
from accounts.services import allocate_card_number  # noqa: E402
from catalogue.models import Branch, Copy, Title  # noqa: E402

BRANCHES = [("CEN", "Central Library"), ("NTH", "Northgate"), ("RIV", "Riverside")]
NAMES = ["Amara", "Ben", "Chloe", "Dev", "Erin", "Farah", "George", "Hana", "Isaac"]
WORDS = ["river", "glass", "winter", "garden", "silent", "house", "north", "letters", "salt",
         "orchard", "paper", "island", "fox", "lantern", "harbour", "night"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=200)
    parser.add_argument("--patrons", type=int, default=40)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    # Same data every run so screenshots stay comparable.
    random.seed(args.seed)

    branches = [Branch.objects.get_or_create(code=c, defaults={"name": n})[0] for c, n in BRANCHES]
    for i in range(args.titles):
        words = random.sample(WORDS, k=random.randint(2, 4))
        title = Title.objects.create(
            isbn=f"978{100000 + i:010d}",
            title=" ".join(words).title(),
            author=f"{random.choice(NAMES)} {random.choice(WORDS).title()}",
            year=random.randint(1950, 2024),
            format=random.choice(Title.Format.values),
        )
        for j in range(random.randint(1, 3)):
            Copy.objects.create(title=title, branch=random.choice(branches),
                                barcode=f"3{i:07d}{j}", shelfmark=f"F {title.author[-3:].upper()}")
    for i in range(args.patrons):
        name = random.choice(NAMES)
        patron = Patron(username=f"{name.lower()}{i}", first_name=name, email=f"{name.lower()}{i}@example.org",
                        home_branch=random.choice(branches), card_number=allocate_card_number())
        patron.set_unusable_password()
        patron.save()
    print(f"seeded {args.titles} titles and {args.patrons} patrons")


if __name__ == "__main__":
    main()
