class Repository:
    table = None

    def __init__(self, db):
        self.db = db

    @property
    def conn(self):
        return self.db.connect()

    def get(self, pk):
        return self.conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (pk,)).fetchone()

    def delete(self, pk):
        with self.db.transaction() as conn:
            conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (pk,))
