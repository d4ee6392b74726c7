from .. import db

_COLUMNS = "id, email, full_name, role, clinic_id, password_hash, phone, is_active, feed_token"


def get_by_id(user_id):
    return db.query(f"SELECT {_COLUMNS} FROM users WHERE id = %s", (user_id,), one=True)


def get_by_email(email):
    return db.query(
        f"SELECT {_COLUMNS} FROM users WHERE email = %s AND is_active = 1",
        (email.strip().lower(),),
        one=True,
    )


def get_by_feed_token(token):
    return db.query(f"SELECT {_COLUMNS} FROM users WHERE feed_token = %s", (token,), one=True)


def create(email, full_name, role, clinic_id, password_hash, phone=None):
    return db.execute(
        "INSERT INTO users (email, full_name, role, clinic_id, password_hash, phone, is_active) "
        "VALUES (%s, %s, %s, %s, %s, %s, 1)",
        (email.strip().lower(), full_name, role, clinic_id, password_hash, phone),
    )


def set_password_hash(user_id, password_hash):
    db.execute("UPDATE users SET password_hash = %s WHERE id = %s", (password_hash, user_id))


def set_feed_token(user_id, token):
    db.execute("UPDATE users SET feed_token = %s WHERE id = %s", (token, user_id))


def record_login(user_id, ip):
    db.execute(
        "UPDATE users SET last_login_at = NOW(), last_login_ip = %s WHERE id = %s",
        (ip, user_id),
    )


def save_login_code(user_id, code):
    db.execute(
        "UPDATE users SET login_code = %s, login_code_expires = NOW() + INTERVAL 10 MINUTE "
        "WHERE id = %s",
        (code, user_id),
    )
