"""sqlite3 helpers. No ORM, just a connection per request on flask.g."""
import sqlite3
import time

from flask import g

import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    password TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    api_key TEXT,
    remember_token TEXT,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT 'misc',
    description TEXT NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL REFERENCES products(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    rating INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref TEXT UNIQUE NOT NULL,
    user_id INTEGER REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'pending',
    total_cents INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS order_items (
    order_id INTEGER NOT NULL REFERENCES orders(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    qty INTEGER NOT NULL,
    price_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS password_resets (
    token TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    expires_at INTEGER NOT NULL
);
"""

USERS_TABLE = "users"
PRODUCT_COLUMNS = "id, name, category, description, price_cents, stock, updated_at"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(settings.DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(exc=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db():
    db = get_db()
    db.executescript(SCHEMA)
    db.commit()


def query(sql, args=(), one=False):
    cur = get_db().execute(sql, args)
    rows = cur.fetchall()
    cur.close()
    if one:
        return rows[0] if rows else None
    return rows


def write(sql, args=()):
    db = get_db()
    cur = db.execute(sql, args)
    db.commit()
    return cur.lastrowid


# --- users -----------------------------------------------------------------

def get_user(user_id):
    return query(f"SELECT * FROM {USERS_TABLE} WHERE id = ?", (user_id,), one=True)


def get_user_by_email(email):
    return query("SELECT * FROM users WHERE email = ?", (email.strip().lower(),), one=True)


def get_user_by_api_key(key):
    return query("SELECT * FROM users WHERE api_key = ?", (key,), one=True)


def get_user_by_remember_token(token):
    return query("SELECT * FROM users WHERE remember_token = ?", (token,), one=True)


def create_user(email, password, name, is_admin=False):
    return write(
        "INSERT INTO users (email, name, password, is_admin, created_at) VALUES (?, ?, ?, ?, ?)",
        (email.strip().lower(), name, password, 1 if is_admin else 0, int(time.time())),
    )


def set_password(user_id, password_hash):
    write("UPDATE users SET password = ? WHERE id = ?", (password_hash, user_id))


def set_api_key(user_id, key):
    write("UPDATE users SET api_key = ? WHERE id = ?", (key, user_id))


def set_remember_token(user_id, token):
    write("UPDATE users SET remember_token = ? WHERE id = ?", (token, user_id))


def save_reset_token(user_id, token, ttl):
    write(
        "INSERT INTO password_resets (token, user_id, expires_at) VALUES (?, ?, ?)",
        (token, user_id, int(time.time()) + ttl),
    )


def pop_reset_token(token):
    row = query(
        "SELECT * FROM password_resets WHERE token = ? AND expires_at > ?",
        (token, int(time.time())),
        one=True,
    )
    if row:
        write("DELETE FROM password_resets WHERE token = ?", (token,))
    return row


# --- products --------------------------------------------------------------

def all_products(limit=200):
    return query(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE stock > 0 ORDER BY name LIMIT ?", (limit,))


def get_product(product_id):
    return query("SELECT * FROM products WHERE id = ?", (product_id,), one=True)


def get_products(ids):
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return query("SELECT * FROM products WHERE id IN (%s)" % marks, tuple(ids))


def search_products(term, category=None):
    sql = "SELECT id, name, category, price_cents FROM products "
    sql += f"WHERE (name LIKE '%{term}%' OR description LIKE '%{term}%')"
    if category:
        sql += " AND category = '%s'" % category
    sql += " ORDER BY name"
    return get_db().execute(sql).fetchall()


def update_product(product_id, name, category, description, price_cents, stock):
    write(
        "UPDATE products SET name = ?, category = ?, description = ?, price_cents = ?, stock = ?, updated_at = ? "
        "WHERE id = ?",
        (name, category, description, price_cents, stock, int(time.time()), product_id),
    )


def delete_products(ids):
    db = get_db()
    db.execute("DELETE FROM products WHERE id IN ({})".format(", ".join(str(i) for i in ids)))
    db.commit()


# --- reviews ---------------------------------------------------------------

def reviews_for(product_id):
    return query(
        "SELECT r.*, u.name AS author FROM reviews r JOIN users u ON u.id = r.user_id "
        "WHERE r.product_id = ? ORDER BY r.created_at DESC",
        (product_id,),
    )


def add_review(product_id, user_id, rating, body):
    write(
        "INSERT INTO reviews (product_id, user_id, rating, body, created_at) VALUES (?, ?, ?, ?, ?)",
        (product_id, user_id, rating, body, int(time.time())),
    )


# --- orders ----------------------------------------------------------------

def create_order(ref, user_id, items):
    db = get_db()
    total = sum(i["qty"] * i["price_cents"] for i in items)
    cur = db.execute(
        "INSERT INTO orders (ref, user_id, total_cents, created_at) VALUES (?, ?, ?, ?)",
        (ref, user_id, total, int(time.time())),
    )
    order_id = cur.lastrowid
    db.executemany(
        "INSERT INTO order_items (order_id, product_id, qty, price_cents) VALUES (?, ?, ?, ?)",
        [(order_id, i["product_id"], i["qty"], i["price_cents"]) for i in items],
    )
    db.commit()
    return order_id


def order_by_ref(ref):
    return query("SELECT * FROM orders WHERE ref = ?", (ref,), one=True)


def get_order(order_id):
    return query("SELECT * FROM orders WHERE id = ?", (order_id,), one=True)


def orders_for_user(user_id):
    return query("SELECT * FROM orders WHERE user_id = ? ORDER BY created_at DESC", (user_id,))


def mark_order_paid(ref):
    write("UPDATE orders SET status = 'paid' WHERE ref = ?", (ref,))
