"""Page repository: creating and revising pages, listings, related pages."""
import datetime as dt

from sqlalchemy import or_, select, text

from ..models import Membership, Page, Revision, Space, Tag

STAT_TABLES = ("pages", "revisions", "attachments")
MAX_TAGS = 10


def _utcnow():
    return dt.datetime.now(dt.timezone.utc)


def parse_tags(raw):
    seen = []
    for name in (raw or "").split(","):
        name = name.strip().lower()
        if name and name not in seen:
            seen.append(name[:64])
    return seen[:MAX_TAGS]


def get_or_create_tags(dbsession, names):
    if not names:
        return []
    existing = {t.name: t for t in dbsession.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            dbsession.add(tag)
        tags.append(tag)
    return tags


def visible_space_ids(dbsession, user):
    """Ids of the spaces ``user`` may read."""
    if user is None:
        return []
    stmt = select(Space.id)
    if not user.is_admin:
        member_of = select(Membership.space_id).where(Membership.user_id == user.id)
        stmt = stmt.where(or_(Space.is_public.is_(True), Space.id.in_(member_of)))
    return list(dbsession.scalars(stmt))


def create_page(dbsession, space, slug, title, body, author, tags=()):
    page = Page(space=space, slug=slug, title=title, body="", current_revision=0)
    dbsession.add(page)
    save_revision(dbsession, page, title, body, author, comment="Created page", tags=list(tags))
    return page


def save_revision(dbsession, page, title, body, author, comment="", tags=None):
    number = (page.current_revision or 0) + 1
    revision = Revision(
        page=page,
        space_id=page.space_id if page.space_id is not None else page.space.id,
        number=number,
        title=title,
        body=body,
        comment=(comment or "")[:255],
        author=author,
    )
    page.title = title
    page.body = body
    page.current_revision = number
    page.updated_at = _utcnow()
    page.updated_by = author
    if tags is not None:
        page.tags = get_or_create_tags(dbsession, tags)
    dbsession.add(revision)
    dbsession.flush()
    return revision


def recent_changes(dbsession, space_ids, limit=25):
    if not space_ids:
        return []
    stmt = (
        select(Revision, Page, Space)
        .join(Page, Revision.page_id == Page.id)
        .join(Space, Page.space_id == Space.id)
        .where(Page.space_id.in_(space_ids), Page.is_deleted.is_(False))
        .order_by(Revision.created_at.desc())
        .limit(limit)
    )
    return dbsession.execute(stmt).all()


def related_pages(dbsession, page, limit=5):
    """Other pages in the same space sharing at least one tag."""
    names = [tag.name for tag in page.tags]
    if not names:
        return []
    in_list = ", ".join(f"'{name}'" for name in names)
    sql = (
        "SELECT p.slug, p.title, count(*) AS shared "
        "FROM pages p "
        "JOIN page_tags pt ON pt.page_id = p.id "
        "JOIN tags t ON t.id = pt.tag_id "
        f"WHERE t.name IN ({in_list}) AND p.space_id = :space_id AND p.id != :page_id "
        "AND NOT p.is_deleted "
        "GROUP BY p.slug, p.title ORDER BY shared DESC, p.title LIMIT :limit"
    )
    params = {"space_id": page.space_id, "page_id": page.id, "limit": limit}
    return dbsession.execute(text(sql), params).mappings().all()


def space_statistics(dbsession, space_id):
    stats = {}
    for table in STAT_TABLES:
        query = text(f"SELECT count(*) FROM {table} WHERE space_id = :space_id")
        stats[table] = dbsession.execute(query, {"space_id": space_id}).scalar_one()
    return stats
