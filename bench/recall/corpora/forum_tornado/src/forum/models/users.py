"""Member accounts."""
import datetime as dt
import hashlib
import time

from forum.db import record_to_dict, records_to_dicts
from forum.security import passwords

PUBLIC_COLUMNS = "id, username, email, role, about, location, website, created_at, last_seen_at, post_count"
AUTH_COLUMNS = PUBLIC_COLUMNS + ", password_hash, email_verified, banned_until"


class UserExists(Exception):
    pass


async def get_by_id(db, user_id):
    row = await db.fetchrow(f"SELECT {PUBLIC_COLUMNS} FROM users WHERE id = $1", user_id)
    return record_to_dict(row)


async def get_by_username(db, username):
    row = await db.fetchrow(
        f"SELECT {PUBLIC_COLUMNS} FROM users WHERE lower(username) = lower($1)", username
    )
    return record_to_dict(row)


async def get_for_login(db, login):
    column = "email" if "@" in login else "username"
    row = await db.fetchrow(
        f"SELECT {AUTH_COLUMNS} FROM users WHERE lower({column}) = lower($1)", login
    )
    return record_to_dict(row)


async def get_by_email(db, email):
    row = await db.fetchrow(f"SELECT {PUBLIC_COLUMNS} FROM users WHERE lower(email) = lower($1)", email)
    return record_to_dict(row)


async def create_user(db, username, email, raw_password):
    passwords.check_policy(raw_password, username=username)
    async with db.acquire() as conn:
        async with conn.transaction():
            taken = await conn.fetchval(
                "SELECT 1 FROM users WHERE lower(username) = lower($1) OR lower(email) = lower($2)",
                username,
                email,
            )
            if taken:
                raise UserExists(username)
            verify_token = hashlib.md5(f"{email}:{time.time()}".encode()).hexdigest()
            user_id = await conn.fetchval(
                """
                INSERT INTO users (username, email, password_hash, role, verify_token, created_at)
                VALUES ($1, $2, $3, 'member', $4, now())
                RETURNING id
                """,
                username,
                email,
                passwords.hash_password(raw_password),
                verify_token,
            )
    return user_id, verify_token


async def verify_email(db, token):
    return await db.fetchval(
        """
        UPDATE users SET email_verified = true, verify_token = NULL
        WHERE verify_token = $1 AND NOT email_verified
        RETURNING id
        """,
        token,
    )


async def set_password(db, user_id, raw_password):
    await db.execute(
        "UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2",
        passwords.hash_password(raw_password),
        user_id,
    )


async def update_password_hash(db, user_id, new_hash):
    await db.execute("UPDATE users SET password_hash = $1 WHERE id = $2", new_hash, user_id)


async def update_profile(db, user_id, about, location, website):
    await db.execute(
        "UPDATE users SET about = $1, location = $2, website = $3 WHERE id = $4",
        about,
        location,
        website,
        user_id,
    )


async def touch(db, user_id):
    await db.execute("UPDATE users SET last_seen_at = now() WHERE id = $1", user_id)


async def create_reset(db, user_id, token, ttl_seconds):
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=ttl_seconds)
    await db.execute(
        "INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)",
        user_id,
        hashlib.sha256(token.encode()).hexdigest(),
        expires,
    )


async def consume_reset(db, token):
    return await db.fetchval(
        """
        UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id
        """,
        hashlib.sha256(token.encode()).hexdigest(),
    )


async def ban(db, user_id, until, reason, moderator_id):
    await db.execute(
        "UPDATE users SET banned_until = $1, ban_reason = $2, banned_by = $3 WHERE id = $4",
        until,
        reason,
        moderator_id,
        user_id,
    )


async def recent_members(db, limit=10):
    rows = await db.fetch(
        f"SELECT {PUBLIC_COLUMNS} FROM users WHERE email_verified ORDER BY created_at DESC LIMIT $1",
        limit,
    )
    return records_to_dicts(rows)


def is_banned(user):
    until = user.get("banned_until")
    return until is not None and until > dt.datetime.now(dt.timezone.utc)
