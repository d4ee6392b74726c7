"""Peewee models for the shop.

The production database is PostgreSQL; tests and local development use
SQLite. Keep queries portable unless they live in ``repositories``.
"""
import datetime
import hashlib
import hmac
import secrets

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.db_url import connect

database = DatabaseProxy()


def init_database(url):
    db = connect(url)
    database.initialize(db)
    return db


def utcnow():
    return datetime.datetime.utcnow()


class BaseModel(Model):
    class Meta:
        database = database


class Customer(BaseModel):
    email = CharField(max_length=254, unique=True, index=True)
    name = CharField(max_length=120)
    password_hash = CharField(max_length=128)
    is_active = BooleanField(default=True)
    email_verified = BooleanField(default=False)
    newsletter = BooleanField(default=False)
    currency = CharField(max_length=3, default="EUR")
    created_at = DateTimeField(default=utcnow)
    last_login_at = DateTimeField(null=True)

    class Meta:
        table_name = "customers"

    @property
    def first_name(self):
        return self.name.split(" ", 1)[0]


class StaffUser(BaseModel):
    """Studio staff with access to /admin. Created with ``manage.py create-staff``."""

    username = CharField(max_length=64, unique=True)
    full_name = CharField(max_length=120)
    role = CharField(max_length=16, default="staff")  # staff | owner
    salt = CharField(max_length=64)
    password_hash = CharField(max_length=128)
    is_active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "staff_users"

    @staticmethod
    def _digest(salt, raw_password):
        return hashlib.sha256((salt + raw_password).encode("utf-8")).hexdigest()

    def set_password(self, raw_password):
        self.salt = secrets.token_hex(16)
        self.password_hash = self._digest(self.salt, raw_password)

    def check_password(self, raw_password):
        return hmac.compare_digest(self._digest(self.salt, raw_password), self.password_hash)

    @property
    def is_owner(self):
        return self.role == "owner"


class Product(BaseModel):
    CATEGORIES = ("posters", "cards", "invitations", "stationery")

    slug = CharField(max_length=120, unique=True)
    title = CharField(max_length=200)
    category = CharField(max_length=32, index=True)
    description = TextField(default="")
    base_price = DecimalField(max_digits=8, decimal_places=2)
    is_active = BooleanField(default=True)
    is_personalisable = BooleanField(default=False)
    featured = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "products"


class Variant(BaseModel):
    product = ForeignKeyField(Product, backref="variants", on_delete="CASCADE")
    sku = CharField(max_length=40, unique=True)
    paper = CharField(max_length=60)
    size = CharField(max_length=20)
    price = DecimalField(max_digits=8, decimal_places=2)
    stock = IntegerField(default=0)

    class Meta:
        table_name = "variants"

    @property
    def label(self):
        return f"{self.size} on {self.paper}"


class Order(BaseModel):
    STATUSES = ("pending", "paid", "printing", "shipped", "cancelled", "refunded")

    reference = CharField(max_length=20, unique=True)
    customer = ForeignKeyField(Customer, backref="orders", null=True, on_delete="SET NULL")
    email = CharField(max_length=254)
    status = CharField(max_length=16, default="pending", index=True)
    total = DecimalField(max_digits=10, decimal_places=2)
    currency = CharField(max_length=3, default="EUR")
    shipping_name = CharField(max_length=120)
    shipping_address = TextField()
    access_token = CharField(max_length=64, unique=True)
    payment_intent = CharField(max_length=64, null=True, index=True)
    created_at = DateTimeField(default=utcnow, index=True)
    paid_at = DateTimeField(null=True)

    class Meta:
        table_name = "orders"


class OrderItem(BaseModel):
    order = ForeignKeyField(Order, backref="items", on_delete="CASCADE")
    variant = ForeignKeyField(Variant, on_delete="RESTRICT")
    quantity = IntegerField(default=1)
    unit_price = DecimalField(max_digits=8, decimal_places=2)
    personalisation = TextField(null=True)
    proof_path = CharField(max_length=255, null=True)

    class Meta:
        table_name = "order_items"

    @property
    def line_total(self):
        return self.unit_price * self.quantity


class Review(BaseModel):
    product = ForeignKeyField(Product, backref="reviews", on_delete="CASCADE")
    customer = ForeignKeyField(Customer, backref="reviews", on_delete="CASCADE")
    rating = IntegerField()
    title = CharField(max_length=120)
    body = TextField()
    approved = BooleanField(default=False, index=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "reviews"


class PasswordReset(BaseModel):
    customer = ForeignKeyField(Customer, backref="password_resets", on_delete="CASCADE")
    token = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)

    class Meta:
        table_name = "password_resets"

    @property
    def is_valid(self):
        return self.used_at is None and self.expires_at > utcnow()


class NewsletterSubscriber(BaseModel):
    email = CharField(max_length=254, unique=True)
    confirmed = BooleanField(default=False)
    subscribed_at = DateTimeField(default=utcnow)
    unsubscribed_at = DateTimeField(null=True)

    class Meta:
        table_name = "newsletter_subscribers"


MODELS = [
    Customer,
    StaffUser,
    Product,
    Variant,
    Order,
    OrderItem,
    Review,
    PasswordReset,
    NewsletterSubscriber,
]
