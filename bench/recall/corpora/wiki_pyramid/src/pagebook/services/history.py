"""Page history: revision listings and diffs."""
import difflib

from sqlalchemy import select, text

from ..models import Revision


def list_revisions(dbsession, page_id, author=None, since=None, limit=100):
    clauses = ["r.page_id = :page_id"]
    params = {"page_id": page_id, "limit": limit}
    if author:
        clauses.append(f"u.username = '{author}'")
    if since is not None:
        clauses.append("r.created_at >= :since")
        params["since"] = since

    query = (
        "SELECT r.id, r.number, r.title, r.comment, r.created_at, u.username AS author "
        "FROM revisions r LEFT JOIN users u ON u.id = r.author_id "
        "WHERE " + " AND ".join(clauses) + " "
        "ORDER BY r.number DESC LIMIT :limit"
    )
    return dbsession.execute(text(query), params).mappings().all()


def get_revision(dbsession, page_id, number):
    return dbsession.scalars(
        select(Revision).where(Revision.page_id == page_id, Revision.number == number)
    ).one_or_none()


def diff_table(old, new, context_lines=3):
    """Side-by-side HTML diff of two revisions."""
    differ = difflib.HtmlDiff(tabsize=4, wrapcolumn=96)
    return differ.make_table(
        old.body.splitlines(),
        new.body.splitlines(),
        fromdesc=f"Revision {old.number:d}",
        todesc=f"Revision {new.number:d}",
        context=True,
        numlines=context_lines,
    )


def change_summary(old, new):
    """Return (lines added, lines removed) between two revisions."""
    added = removed = 0
    for line in difflib.unified_diff(old.body.splitlines(), new.body.splitlines(), lineterm="", n=0):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
    return added, removed
