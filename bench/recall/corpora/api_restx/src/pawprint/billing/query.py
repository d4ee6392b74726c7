"""A very small SELECT builder for the billing reports.

We deliberately don't use an ORM for billing; this only exists so the list
endpoints don't have to glue WHERE clauses together by hand.

    q = (SelectQuery("invoices i", ["i.number", "i.total_cents"])
         .where("i.status", "=", "open")
         .order_by("i.issued_at", "desc")
         .paginate(2, 50))
    sql, params = q.build()
"""

OPERATORS = frozenset({"=", "!=", "<", "<=", ">", ">=", "ILIKE", "IN"})


class SelectQuery:
    def __init__(self, table, columns):
        self.table = table
        self.columns = list(columns)
        self._joins = []
        self._where = []
        self._params = []
        self._group_by = []
        self._order_by = []
        self._limit = None
        self._offset = None

    def join(self, clause):
        self._joins.append(clause)
        return self

    def where(self, column, op, value):
        op = op.upper()
        if op not in OPERATORS:
            raise ValueError(f"unsupported operator {op!r}")
        if op == "IN":
            values = list(value)
            if not values:
                self._where.append("FALSE")
                return self
            placeholders = ", ".join(["%s"] * len(values))
            self._where.append(f"{column} IN ({placeholders})")
            self._params.extend(values)
        else:
            self._where.append(f"{column} {op} %s")
            self._params.append(value)
        return self

    def group_by(self, *columns):
        self._group_by.extend(columns)
        return self

    def order_by(self, expression, direction="asc"):
        direction = "DESC" if str(direction).lower() == "desc" else "ASC"
        self._order_by.append(f"{expression} {direction}")
        return self

    def paginate(self, page, per_page):
        page = max(int(page), 1)
        per_page = min(max(int(per_page), 1), 200)
        self._limit = per_page
        self._offset = (page - 1) * per_page
        return self

    def build(self):
        parts = [f"SELECT {', '.join(self.columns)} FROM {self.table}"]
        parts.extend(self._joins)
        if self._where:
            parts.append("WHERE " + " AND ".join(self._where))
        if self._group_by:
            parts.append("GROUP BY " + ", ".join(self._group_by))
        if self._order_by:
            parts.append("ORDER BY " + ", ".join(self._order_by))
        params = list(self._params)
        if self._limit is not None:
            parts.append("LIMIT %s OFFSET %s")
            params.extend([self._limit, self._offset])
        return " ".join(parts), params

    def count(self):
        """Same filters, but SELECT count(*) and no paging/ordering."""
        parts = [f"SELECT count(*) AS n FROM {self.table}"]
        parts.extend(self._joins)
        if self._where:
            parts.append("WHERE " + " AND ".join(self._where))
        return " ".join(parts), list(self._params)
