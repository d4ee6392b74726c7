"""Invitations to private boards."""
import datetime as dt

from forum.db import record_to_dict, records_to_dicts
from forum.security import tokens


async def create_invite(db, board_id, created_by, ttl_days, max_uses=1):
    code = tokens.new_invite_code()
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=ttl_days)
    await db.execute(
        """
        INSERT INTO invites (code, board_id, created_by, expires_at, uses_left)
        VALUES ($1, $2, $3, $4, $5)
        """,
        code,
        board_id,
        created_by,
        expires,
        max_uses,
    )
    return code


async def redeem(db, code):
    row = await db.fetchrow(
        """
        UPDATE invites SET uses_left = uses_left - 1
        WHERE code = $1 AND uses_left > 0 AND expires_at > now()
        RETURNING board_id
        """,
        code,
    )
    return record_to_dict(row)


async def list_for_board(db, board_id):
    rows = await db.fetch(
        "SELECT code, created_by, expires_at, uses_left FROM invites WHERE board_id = $1 ORDER BY expires_at DESC",
        board_id,
    )
    return records_to_dicts(rows)
