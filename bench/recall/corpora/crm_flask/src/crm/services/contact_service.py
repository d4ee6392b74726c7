"""Contact list, search and bulk operations."""
from flask import current_app

from ..db import queries
from ..extensions import db
from ..models import Contact, Note

DEFAULT_SORT = "last_name"


def page(owner_id, sort=None, direction=None, page_no=1):
    per_page = current_app.config["CONTACTS_PER_PAGE"]
    sort = sort or DEFAULT_SORT
    direction = (direction or "asc").upper()
    offset = max(page_no - 1, 0) * per_page
    with db.engine.connect() as conn:
        rows = queries.contacts_page(conn, owner_id, sort, direction, offset, per_page)
        total = queries.count_contacts(conn, owner_id)
    return rows, total


def search(owner_id, term):
    term = (term or "").strip()
    with db.engine.connect() as conn:
        return queries.search_contacts(conn, owner_id, term)


def by_tag(owner_id, tag):
    pattern = f"%{tag}%"
    return (Contact.query
            .filter(Contact.owner_id == owner_id, Contact.tags.ilike(pattern))
            .order_by(Contact.last_name)
            .all())


def add_note(contact, author, body):
    note = Note(contact_id=contact.id, author_id=author.id, body=body.strip())
    db.session.add(note)
    db.session.commit()
    return note


def bulk_delete(owner_id, contact_ids):
    ids = [cid for cid in contact_ids if str(cid).isdigit()]
    if not ids:
        return 0
    with db.engine.begin() as conn:
        queries.delete_contacts(conn, owner_id, ids)
    return len(ids)
