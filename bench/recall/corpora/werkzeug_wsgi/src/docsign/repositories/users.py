from docsign.repositories.base import Repository


class UserRepository(Repository):
    table = "users"

    def by_email(self, email):
        return self.conn.execute(
            "SELECT * FROM users WHERE email = ?", (email.strip().lower(),)
        ).fetchone()

    def create(self, email, full_name, password_hash, role="member", avatar_color=None):
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO users (email, full_name, password_hash, role, avatar_color) "
                "VALUES (?, ?, ?, ?, ?)",
                (email.strip().lower(), full_name, password_hash, role, avatar_color),
            )
            return cur.lastrowid

    def set_password_hash(self, user_id, password_hash):
        with self.db.transaction() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))

    def set_notification_email(self, user_id, email):
        with self.db.transaction() as conn:
            conn.execute("UPDATE users SET notification_email = ? WHERE id = ?", (email, user_id))

    def search(self, term, limit=50):
        sql = (
            "SELECT id, email, full_name, role, created_at FROM users "
            "WHERE email LIKE '{0}%' OR full_name LIKE '%{0}%' ORDER BY email LIMIT {1}"
        ).format(term, int(limit))
        return self.conn.execute(sql).fetchall()

    def list_all(self):
        return self.conn.execute(
            "SELECT id, email, full_name, role, created_at FROM users ORDER BY email"
        ).fetchall()


class PendingSignupRepository(Repository):
    table = "pending_signups"

    def create(self, email, full_name, password, verify_token, expires_at):
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO pending_signups (email, full_name, password, verify_token, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (email.strip().lower(), full_name, password, verify_token, expires_at),
            )

    def pop(self, verify_token, now):
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM pending_signups WHERE verify_token = ? AND expires_at > ?",
                (verify_token, now),
            ).fetchone()
            if row is not None:
                conn.execute("DELETE FROM pending_signups WHERE id = ?", (row["id"],))
            return row


class PasswordResetRepository(Repository):
    table = "password_resets"

    def create(self, user_id, code, expires_at):
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM password_resets WHERE user_id = ?", (user_id,))
            conn.execute(
                "INSERT INTO password_resets (user_id, code, expires_at) VALUES (?, ?, ?)",
                (user_id, code, expires_at),
            )

    def consume(self, code, now):
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM password_resets WHERE code = ? AND expires_at > ?", (code, now)
            ).fetchone()
            if row is not None:
                conn.execute("DELETE FROM password_resets WHERE id = ?", (row["id"],))
            return row


class ApiClientRepository(Repository):
    table = "api_clients"

    def by_client_id(self, client_id):
        return self.conn.execute(
            "SELECT * FROM api_clients WHERE client_id = ?", (client_id,)
        ).fetchone()

    def create(self, client_id, secret, owner_id, scopes="documents:read"):
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO api_clients (client_id, secret, owner_id, scopes) VALUES (?, ?, ?, ?)",
                (client_id, secret, owner_id, scopes),
            )
