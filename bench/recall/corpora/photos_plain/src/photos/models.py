"""Queries used by the views. Rows come back as sqlite3.Row."""
from . import db

USER_COLUMNS = "id, username, email, display_name, bio, password_hash, is_admin, is_active, email_verified, created_at, last_login_at"

PHOTO_SELECT = (
    "SELECT p.id, p.owner_id, p.title, p.caption, p.caption_html, p.stored_name, p.status, "
    "p.is_public, p.like_count, p.view_count, p.created_at, p.width, p.height, "
    "u.username, u.display_name "
    "FROM photos p JOIN users u ON u.id = p.owner_id"
)

GALLERY_ORDER = {
    "new": "p.created_at DESC",
    "old": "p.created_at ASC",
    "popular": "p.like_count DESC, p.created_at DESC",
    "views": "p.view_count DESC",
}


# --- users -----------------------------------------------------------------

def get_user(user_id):
    return db.query(f"SELECT {USER_COLUMNS} FROM users WHERE id = ?", (user_id,), one=True)


def get_user_by_username(username):
    return db.query(f"SELECT {USER_COLUMNS} FROM users WHERE username = ?", (username.lower(),), one=True)


def get_user_by_email(email):
    return db.query(f"SELECT {USER_COLUMNS} FROM users WHERE lower(email) = lower(?)", (email,), one=True)


def get_user_by_login(login):
    if "@" in login:
        return get_user_by_email(login)
    return get_user_by_username(login)


def create_user(username, email, password_hash, verify_token=None):
    return db.execute(
        "INSERT INTO users (username, email, display_name, password_hash, verify_token) VALUES (?, ?, ?, ?, ?)",
        (username.lower(), email, username, password_hash, verify_token),
    )


def set_password(user_id, password_hash):
    db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))
    db.execute("DELETE FROM remember_tokens WHERE user_id = ?", (user_id,))


def update_profile(user_id, display_name, bio):
    db.execute("UPDATE users SET display_name = ?, bio = ? WHERE id = ?", (display_name, bio, user_id))


def update_email(user_id, email, verify_token):
    db.execute(
        "UPDATE users SET email = ?, email_verified = 0, verify_token = ? WHERE id = ?",
        (email, verify_token, user_id),
    )


def verify_email_token(token):
    user = db.query("SELECT id FROM users WHERE verify_token = ?", (token,), one=True)
    if user is None:
        return None
    db.execute("UPDATE users SET email_verified = 1, verify_token = NULL WHERE id = ?", (user["id"],))
    return user["id"]


def touch_last_login(user_id):
    db.execute("UPDATE users SET last_login_at = CURRENT_TIMESTAMP WHERE id = ?", (user_id,))


def set_admin(user_id, flag):
    db.execute("UPDATE users SET is_admin = ? WHERE id = ?", (1 if flag else 0, user_id))


def set_active(user_id, flag):
    db.execute("UPDATE users SET is_active = ? WHERE id = ?", (1 if flag else 0, user_id))


def find_users(term, limit=100):
    """Admin lookup by username or e-mail fragment."""
    pattern = "%" + term.strip() + "%"
    return db.query(
        "SELECT id, username, email, display_name, is_admin, is_active, created_at FROM users "
        "WHERE username LIKE ? OR email LIKE ? ORDER BY id DESC LIMIT ?",
        (pattern, pattern, limit),
    )


def search_people(term, limit=30):
    term = term.strip().lower()
    sql = "SELECT id, username, display_name, bio FROM users WHERE is_active = 1 AND (username LIKE '" + term + "%' OR lower(display_name) LIKE '%" + term + "%') ORDER BY username"
    return db.query(sql + " LIMIT ?", (limit,))


def recent_users(limit=100):
    return db.query(
        "SELECT id, username, email, display_name, is_admin, is_active, created_at FROM users ORDER BY id DESC LIMIT ?",
        (limit,),
    )


# --- remember-me / resets --------------------------------------------------

def add_remember_token(user_id, token_hash):
    db.execute("INSERT INTO remember_tokens (user_id, token_hash) VALUES (?, ?)", (user_id, token_hash))


def remember_tokens_for(user_id):
    return db.query(
        "SELECT token_hash FROM remember_tokens WHERE user_id = ? AND created_at > datetime('now', '-30 days')",
        (user_id,),
    )


def create_password_reset(user_id, token):
    db.execute("INSERT INTO password_resets (user_id, token) VALUES (?, ?)", (user_id, token))


def get_password_reset(token, max_age_seconds):
    return db.query(
        "SELECT id, user_id FROM password_resets WHERE token = ? AND used_at IS NULL "
        "AND created_at > datetime('now', ?)",
        (token, "-%d seconds" % int(max_age_seconds)),
        one=True,
    )


def mark_reset_used(reset_id):
    db.execute("UPDATE password_resets SET used_at = CURRENT_TIMESTAMP WHERE id = ?", (reset_id,))


# --- photos ----------------------------------------------------------------

def get_photo(photo_id):
    return db.query(PHOTO_SELECT + " WHERE p.id = ?", (photo_id,), one=True)


def find_by_checksum(owner_id, checksum):
    return db.query(
        "SELECT id FROM photos WHERE owner_id = ? AND checksum = ?", (owner_id, checksum), one=True
    )


def create_photo(owner_id, title, caption, caption_html, stored_name, original_name, checksum, is_public):
    return db.execute(
        "INSERT INTO photos (owner_id, title, caption, caption_html, stored_name, original_name, checksum, is_public) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (owner_id, title, caption, caption_html, stored_name, original_name, checksum, 1 if is_public else 0),
    )


def mark_processed(photo_id, width, height):
    db.execute(
        "UPDATE photos SET status = 'ready', width = ?, height = ?, processed_at = CURRENT_TIMESTAMP WHERE id = ?",
        (width, height, photo_id),
    )


def mark_failed(photo_id):
    db.execute("UPDATE photos SET status = 'failed' WHERE id = ?", (photo_id,))


def bump_views(photo_id):
    db.execute("UPDATE photos SET view_count = view_count + 1 WHERE id = ?", (photo_id,))


def user_gallery(user_id, order_key, limit, offset, include_private=False):
    order = GALLERY_ORDER.get(order_key, GALLERY_ORDER["new"])
    visibility = "" if include_private else " AND p.is_public = 1"
    sql = f"{PHOTO_SELECT} WHERE p.owner_id = ? AND p.status = 'ready'{visibility} ORDER BY {order} LIMIT ? OFFSET ?"
    return db.query(sql, (user_id, limit, offset))


def count_user_photos(user_id, include_private=False):
    sql = "SELECT COUNT(*) AS n FROM photos WHERE owner_id = ? AND status = 'ready'"
    if not include_private:
        sql += " AND is_public = 1"
    return db.query(sql, (user_id,), one=True)["n"]


def set_tags(photo_id, names):
    db.execute("DELETE FROM photo_tags WHERE photo_id = ?", (photo_id,), commit=False)
    for name in names:
        db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,), commit=False)
        db.execute(
            "INSERT OR IGNORE INTO photo_tags (photo_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
            (photo_id, name),
            commit=False,
        )
    db.get_db().commit()


def tags_for(photo_id):
    rows = db.query(
        "SELECT t.name FROM tags t JOIN photo_tags pt ON pt.tag_id = t.id WHERE pt.photo_id = ? ORDER BY t.name",
        (photo_id,),
    )
    return [r["name"] for r in rows]


def search_titles(q, limit=10):
    return db.query(
        PHOTO_SELECT + " WHERE p.is_public = 1 AND p.status = 'ready' AND p.title LIKE ? ORDER BY p.like_count DESC LIMIT ?",
        ("%" + q + "%", limit),
    )


# --- comments / likes / follows -------------------------------------------

def comments_for(photo_id, limit=50):
    return db.query(
        "SELECT c.id, c.body, c.body_html, c.created_at, c.author_id, u.username, u.display_name "
        "FROM comments c JOIN users u ON u.id = c.author_id WHERE c.photo_id = ? ORDER BY c.created_at LIMIT ?",
        (photo_id, limit),
    )


def add_comment(photo_id, author_id, body, body_html):
    return db.execute(
        "INSERT INTO comments (photo_id, author_id, body, body_html) VALUES (?, ?, ?, ?)",
        (photo_id, author_id, body, body_html),
    )


def toggle_like(user_id, photo_id):
    existing = db.query("SELECT 1 FROM likes WHERE user_id = ? AND photo_id = ?", (user_id, photo_id), one=True)
    if existing:
        db.execute("DELETE FROM likes WHERE user_id = ? AND photo_id = ?", (user_id, photo_id))
        db.execute("UPDATE photos SET like_count = like_count - 1 WHERE id = ?", (photo_id,))
        return False
    db.execute("INSERT INTO likes (user_id, photo_id) VALUES (?, ?)", (user_id, photo_id))
    db.execute("UPDATE photos SET like_count = like_count + 1 WHERE id = ?", (photo_id,))
    return True


def is_following(follower_id, followee_id):
    return db.query(
        "SELECT 1 FROM follows WHERE follower_id = ? AND followee_id = ?", (follower_id, followee_id), one=True
    ) is not None


def follow(follower_id, followee_id):
    db.execute("INSERT OR IGNORE INTO follows (follower_id, followee_id) VALUES (?, ?)", (follower_id, followee_id))


def unfollow(follower_id, followee_id):
    db.execute("DELETE FROM follows WHERE follower_id = ? AND followee_id = ?", (follower_id, followee_id))


def follower_counts(user_id):
    row = db.query(
        "SELECT (SELECT COUNT(*) FROM follows WHERE followee_id = ?) AS followers, "
        "(SELECT COUNT(*) FROM follows WHERE follower_id = ?) AS following",
        (user_id, user_id),
        one=True,
    )
    return row["followers"], row["following"]


# --- albums ----------------------------------------------------------------

def get_album(album_id):
    return db.query("SELECT * FROM albums WHERE id = ?", (album_id,), one=True)


def get_album_by_share_token(token):
    return db.query("SELECT * FROM albums WHERE share_token = ?", (token,), one=True)


def albums_for(owner_id):
    return db.query("SELECT * FROM albums WHERE owner_id = ? ORDER BY created_at DESC", (owner_id,))


def create_album(owner_id, title, description, is_private):
    return db.execute(
        "INSERT INTO albums (owner_id, title, description, is_private) VALUES (?, ?, ?, ?)",
        (owner_id, title, description, 1 if is_private else 0),
    )


def set_share_token(album_id, token):
    db.execute("UPDATE albums SET share_token = ? WHERE id = ?", (token, album_id))


def album_photos(album_id):
    return db.query(
        PHOTO_SELECT + " JOIN album_photos ap ON ap.photo_id = p.id WHERE ap.album_id = ? ORDER BY ap.position",
        (album_id,),
    )


def add_to_album(album_id, photo_id):
    db.execute(
        "INSERT OR IGNORE INTO album_photos (album_id, photo_id, position) "
        "VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM album_photos WHERE album_id = ?))",
        (album_id, photo_id, album_id),
    )
