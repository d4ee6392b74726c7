"""Fill a development database with categories, users and listings."""
import os
import random
import sys
from datetime import datetime, timezone

from marketplace import create_app
from marketplace.extensions import db
from marketplace.models import Category, Listing, User
from marketplace.utils.strings import unique_slug

CATEGORIES = [
    ("bikes", "Bikes"),
    ("furniture", "Furniture"),
    ("electronics", "Electronics"),
    ("clothing", "Clothing"),
    ("books", "Books"),
    ("garden", "Garden"),
]

ADJECTIVES = ["Vintage", "Barely used", "Solid", "Compact", "Classic", "Retro", "Sturdy"]
NOUNS = {
    "bikes": ["road bike", "city bike", "kids bike", "cargo bike"],
    "furniture": ["oak table", "armchair", "bookshelf", "sofa"],
    "electronics": ["film camera", "turntable", "monitor", "headphones"],
    "clothing": ["wool coat", "leather jacket", "hiking boots"],
    "books": ["cookbook set", "sci-fi paperbacks", "atlas"],
    "garden": ["lawn mower", "terracotta pots", "hedge trimmer"],
}


def main():
    if os.environ.get("APP_ENV", "development") == "production":
        print("refusing to seed a production database")
        return 1
    demo_password = os.environ.get("DEMO_PASSWORD")
    if not demo_password:
        print("set DEMO_PASSWORD to the password the demo accounts should use")
        return 2
    app = create_app("development")
    rng = random.Random(int(os.environ.get("SEED", "7")))

    with app.app_context():
        db.create_all()
        cats = []
        for position, (slug, name) in enumerate(CATEGORIES):
            cat = Category(slug=slug, name=name, position=position)
            db.session.add(cat)
            cats.append(cat)

        users = []
        for i in range(1, 11):
            user = User(
                email=f"demo{i}@secondhand.local",
                username=f"demo{i}",
                location=rng.choice(["Berlin", "Leipzig", "Hamburg", "Köln"]),
                confirmed_at=datetime.now(timezone.utc),
            )
            user.set_password(demo_password)
            db.session.add(user)
            users.append(user)
        db.session.flush()

        for _ in range(120):
            cat = rng.choice(cats)
            title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS[cat.slug])}"
            listing = Listing(
                seller_id=rng.choice(users).id,
                category_id=cat.id,
                slug=unique_slug(title),
                title=title,
                price_cents=rng.randint(5, 400) * 100,
                condition=rng.choice(["new", "like_new", "used"]),
                featured=rng.random() < 0.1,
            )
            listing.set_description(f"{title} in good shape. Pick-up only, cash or in-app payment.")
            db.session.add(listing)
        db.session.commit()
    print(f"seeded {len(users)} demo users and 120 listings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
