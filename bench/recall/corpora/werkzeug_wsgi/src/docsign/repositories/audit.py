from docsign.repositories.base import Repository

KNOWN_ACTIONS = (
    "login",
    "logout",
    "document.create",
    "document.delete",
    "document.share",
    "signer.invite",
    "signer.sign",
    "password.reset",
)


class AuditRepository(Repository):
    table = "audit_events"

    def record(self, actor_id, action, document_id=None, detail=""):
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO audit_events (actor_id, action, document_id, detail) VALUES (?, ?, ?, ?)",
                (actor_id, action, document_id, detail),
            )

    def recent(self, actions=None, limit=200):
        sql = "SELECT * FROM audit_events"
        if actions:
            quoted = ", ".join(f"'{action}'" for action in actions)
            sql += f" WHERE action IN ({quoted})"
        sql += " ORDER BY created_at DESC LIMIT ?"
        return self.conn.execute(sql, (limit,)).fetchall()
