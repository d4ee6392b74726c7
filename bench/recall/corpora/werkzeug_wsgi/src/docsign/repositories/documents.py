from docsign.repositories.base import Repository

SORT_COLUMNS = {
    "created": "created_at",
    "title": "title",
    "status": "status",
}


class DocumentRepository(Repository):
    table = "documents"

    def create(self, owner_id, title, description, notes, storage_key, content_sha256):
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO documents (owner_id, title, description, notes, storage_key, content_sha256) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (owner_id, title, description, notes, storage_key, content_sha256),
            )
            return cur.lastrowid

    def for_owner(self, owner_id, sort="created", descending=True):
        column = SORT_COLUMNS.get(sort, "created_at")
        direction = "DESC" if descending else "ASC"
        sql = f"SELECT * FROM documents WHERE owner_id = ? ORDER BY {column} {direction}"
        return self.conn.execute(sql, (owner_id,)).fetchall()

    def search(self, owner_id, term, status=None):
        sql = "SELECT * FROM documents WHERE owner_id = ?"
        params = [owner_id]
        if status:
            sql += " AND status = ?"
            params.append(status)
        if term:
            sql += f" AND (title LIKE '%{term}%' OR description LIKE '%{term}%')"
        sql += " ORDER BY created_at DESC LIMIT 100"
        return self.conn.execute(sql, params).fetchall()

    def by_ids(self, ids):
        ids = list(ids)
        if not ids:
            return []
        placeholders = ", ".join("?" for _ in ids)
        return self.conn.execute(
            f"SELECT * FROM documents WHERE id IN ({placeholders}) ORDER BY id", ids
        ).fetchall()

    def by_share_token(self, token):
        return self.conn.execute(
            "SELECT * FROM documents WHERE share_token = ?", (token,)
        ).fetchone()

    def set_share_token(self, doc_id, token):
        with self.db.transaction() as conn:
            conn.execute("UPDATE documents SET share_token = ? WHERE id = ?", (token, doc_id))

    def set_status(self, doc_id, status):
        with self.db.transaction() as conn:
            conn.execute("UPDATE documents SET status = ? WHERE id = ?", (status, doc_id))


class SignerRepository(Repository):
    table = "signers"

    def add(self, document_id, email, name, invite_token):
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO signers (document_id, email, name, invite_token) VALUES (?, ?, ?, ?)",
                (document_id, email, name, invite_token),
            )
            return cur.lastrowid

    def by_invite_token(self, token):
        return self.conn.execute(
            "SELECT * FROM signers WHERE invite_token = ?", (token,)
        ).fetchone()

    def for_document(self, document_id):
        return self.conn.execute(
            "SELECT * FROM signers WHERE document_id = ? ORDER BY id", (document_id,)
        ).fetchall()

    def by_fingerprint(self, fingerprint):
        return self.conn.execute(
            "SELECT s.name, s.signed_at, d.title FROM signers s "
            "JOIN documents d ON d.id = s.document_id WHERE s.fingerprint = ?",
            (fingerprint,),
        ).fetchone()

    def mark_signed(self, signer_id, signed_at, fingerprint):
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE signers SET signed_at = ?, fingerprint = ? WHERE id = ?",
                (signed_at, fingerprint, signer_id),
            )

    def pending_count(self, document_id):
        row = self.conn.execute(
            "SELECT COUNT(*) FROM signers WHERE document_id = ? AND signed_at IS NULL",
            (document_id,),
        ).fetchone()
        return row[0]
