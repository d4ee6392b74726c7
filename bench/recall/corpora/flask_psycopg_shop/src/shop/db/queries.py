"""SQL statements used by the repositories.

Values are always passed as parameters (``%s`` / ``%(name)s``); the few
statements with ``{}`` fields take pieces of SQL chosen by the repository.
"""

# --- users -----------------------------------------------------------------

USER_COLUMNS = (
    "id, email, full_name, password_hash, legacy_sha1, legacy_salt, is_staff, "
    "is_active, security_stamp, created_at"
)

USER_BY_ID = f"SELECT {USER_COLUMNS} FROM users WHERE id = %s"
USER_BY_EMAIL = f"SELECT {USER_COLUMNS} FROM users WHERE lower(email) = lower(%s)"
USER_BY_REMEMBER_TOKEN = f"SELECT {USER_COLUMNS} FROM users WHERE remember_token = %s AND is_active"

USER_INSERT = """
    INSERT INTO users (email, full_name, password_hash, is_staff, security_stamp)
    VALUES (%(email)s, %(full_name)s, %(password_hash)s, %(is_staff)s, gen_random_uuid())
    RETURNING id
"""

USER_SET_PASSWORD = """
    UPDATE users
       SET password_hash = %s, legacy_sha1 = NULL, legacy_salt = NULL,
           security_stamp = gen_random_uuid(), remember_token = NULL
     WHERE id = %s
"""

USER_SET_REMEMBER_TOKEN = "UPDATE users SET remember_token = %s WHERE id = %s"
USER_UPDATE_PROFILE = "UPDATE users SET full_name = %s WHERE id = %s"

# --- catalogue ---------------------------------------------------------------

PRODUCT_COLUMNS = (
    "p.id, p.slug, p.name, p.price_cents, p.stock, p.description, p.image_url, "
    "p.is_gift_card, c.slug AS category_slug, c.name AS category_name"
)

PRODUCTS_FEATURED = f"""
    SELECT {PRODUCT_COLUMNS}
      FROM products p JOIN categories c ON c.id = p.category_id
     WHERE p.is_active AND p.is_featured
"""

PRODUCTS_IN_CATEGORY = """
    SELECT {columns}
      FROM products p JOIN categories c ON c.id = p.category_id
     WHERE p.is_active AND c.slug = %s
     ORDER BY {order_by}
     LIMIT %s OFFSET %s
"""

SEARCH_PRODUCTS = """
    SELECT {columns}
      FROM products p JOIN categories c ON c.id = p.category_id
     WHERE p.is_active AND (p.name ILIKE {pattern} OR p.description ILIKE {pattern})
     ORDER BY p.name
     LIMIT %s
"""

PRODUCT_DECREMENT_STOCK = "UPDATE products SET stock = stock - %s WHERE id = %s AND stock >= %s"
PRODUCT_SET_STOCK = "UPDATE products SET stock = %s WHERE sku = %s"

CATEGORIES_ALL = "SELECT id, slug, name FROM categories ORDER BY position, name"

# --- reviews -----------------------------------------------------------------

REVIEWS_FOR_PRODUCT = """
    SELECT r.id, r.rating, r.title, r.body, r.created_at, u.full_name AS author
      FROM reviews r JOIN users u ON u.id = r.user_id
     WHERE r.product_id = %s AND r.is_published
"""

REVIEW_INSERT = """
    INSERT INTO reviews (product_id, user_id, rating, title, body)
    VALUES (%s, %s, %s, %s, %s)
"""

# --- orders ------------------------------------------------------------------

ORDER_INSERT = """
    INSERT INTO orders (number, user_id, email, access_key, status, total_cents,
                        shipping_name, shipping_address, gift_message)
    VALUES (%(number)s, %(user_id)s, %(email)s, %(access_key)s, 'pending', %(total_cents)s,
            %(shipping_name)s, %(shipping_address)s, %(gift_message)s)
    RETURNING id
"""

ORDER_ITEM_INSERT = """
    INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
    VALUES (%s, %s, %s, %s)
"""

ORDER_BY_NUMBER = "SELECT * FROM orders WHERE number = %s"
ORDER_BY_ID = "SELECT * FROM orders WHERE id = %s"
ORDER_BY_STRIPE_SESSION = "SELECT * FROM orders WHERE stripe_session_id = %s"
ORDER_ITEMS = """
    SELECT oi.*, p.name, p.slug, p.is_gift_card
      FROM order_items oi JOIN products p ON p.id = oi.product_id
     WHERE oi.order_id = %s
"""
ORDERS_FOR_USER = "SELECT * FROM orders WHERE user_id = %s ORDER BY created_at DESC LIMIT %s"
ORDER_SET_STATUS = "UPDATE orders SET status = %s, updated_at = now() WHERE id = %s"
ORDER_SET_STRIPE_SESSION = "UPDATE orders SET stripe_session_id = %s WHERE id = %s"
ORDER_MARK_PAID = """
    UPDATE orders SET status = 'paid', payment_intent_id = %s, paid_at = now(), updated_at = now()
     WHERE id = %s AND status = 'pending'
"""
ORDER_SET_TRACKING = "UPDATE orders SET tracking_number = %s, status = 'shipped' WHERE number = %s"

ADMIN_ORDERS = """
    SELECT o.id, o.number, o.email, o.status, o.total_cents, o.created_at
      FROM orders o
     WHERE TRUE {status_filter}
     ORDER BY {order_by}
     LIMIT %s OFFSET %s
"""

# --- gift cards / api keys ---------------------------------------------------

GIFT_CARD_INSERT = """
    INSERT INTO gift_cards (code, order_id, balance_cents) VALUES (%s, %s, %s)
"""
GIFT_CARD_BY_CODE = "SELECT * FROM gift_cards WHERE code = %s AND balance_cents > 0"

API_KEY_INSERT = "INSERT INTO api_keys (name, key_prefix, key_digest) VALUES (%s, %s, %s)"
API_KEY_BY_DIGEST = "SELECT * FROM api_keys WHERE key_digest = %s AND revoked_at IS NULL"
