from sqlalchemy import func, select, text

from crm.models import Customer, Note, Tag

# Dimensions offered on the pipeline widget, mapped to real column names.
GROUP_COLUMNS = {
    "status": "status",
    "owner": "owner_id",
    "source": "source",
}


class CustomerRepository:
    def __init__(self, dbsession):
        self.dbsession = dbsession

    def get(self, customer_id):
        return self.dbsession.get(Customer, customer_id)

    def count_for_owner(self, owner_id=None):
        query = select(func.count(Customer.id))
        if owner_id is not None:
            query = query.where(Customer.owner_id == owner_id)
        return self.dbsession.scalar(query)

    def list_for_owner(self, owner_id=None, sort="name", offset=0, limit=50):
        query = select(Customer)
        if owner_id is not None:
            query = query.where(Customer.owner_id == owner_id)
        query = query.order_by(text(sort)).offset(offset).limit(limit)
        return self.dbsession.scalars(query).all()

    def search(self, term, owner_id=None, limit=20):
        sql = (
            "SELECT id FROM customers "
            f"WHERE (name ILIKE '%{term}%' OR email ILIKE '%{term}%' OR company ILIKE '%{term}%')"
        )
        params = {"limit": limit}
        if owner_id is not None:
            sql += " AND owner_id = :owner_id"
            params["owner_id"] = owner_id
        sql += " ORDER BY name LIMIT :limit"
        ids = [row.id for row in self.dbsession.execute(text(sql), params)]
        if not ids:
            return []
        customers = self.dbsession.scalars(select(Customer).where(Customer.id.in_(ids))).all()
        by_id = {customer.id: customer for customer in customers}
        return [by_id[i] for i in ids if i in by_id]

    def pipeline_summary(self, dimension, owner_id=None):
        column = GROUP_COLUMNS[dimension]
        params = {}
        where = ""
        if owner_id is not None:
            where = "WHERE owner_id = :owner_id"
            params["owner_id"] = owner_id
        sql = f"SELECT {column} AS bucket, count(*) AS total FROM customers {where} GROUP BY {column} ORDER BY total DESC"
        return self.dbsession.execute(text(sql), params).all()

    def recent_notes(self, customer, limit=50):
        query = (
            select(Note)
            .where(Note.customer_id == customer.id)
            .order_by(Note.created_at.desc())
            .limit(limit)
        )
        return self.dbsession.scalars(query).all()

    def tags_by_name(self, names):
        names = sorted({name.strip().lower() for name in names if name.strip()})
        if not names:
            return []
        existing = {tag.name: tag for tag in self.dbsession.scalars(select(Tag).where(Tag.name.in_(names)))}
        for name in names:
            if name not in existing:
                existing[name] = Tag(name=name)
                self.dbsession.add(existing[name])
        return [existing[name] for name in names]
