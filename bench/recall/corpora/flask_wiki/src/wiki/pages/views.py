from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import escape
from sqlalchemy import text

from ..api.tokens import issue_share_token, read_share_token
from ..extensions import csrf, db
from ..models import Comment, Invitation, Page, Revision
from ..repository import pages as page_repo
from ..security import content_etag, make_invite_code

pages_bp = Blueprint("pages", __name__)

SEARCH_ORDERINGS = {
    "recent": "p.updated_at DESC",
    "title": "p.title ASC",
}


@pages_bp.route("/")
def index():
    recent = Page.query.order_by(Page.updated_at.desc()).limit(20).all()
    return render_template("pages/index.html", pages=recent)


@pages_bp.route("/w/<slug>")
def view_page(slug):
    page = Page.query.filter_by(slug=slug).first_or_404()
    etag = content_etag(page.body)
    if request.if_none_match and etag in request.if_none_match:
        return "", 304
    resp = render_template("pages/page.html", page=page)
    return resp, 200, {"ETag": etag}


@pages_bp.route("/w/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_page(slug):
    page = Page.query.filter_by(slug=slug).first()
    if request.method == "POST":
        if page is None:
            page = Page(slug=slug, owner_id=current_user.id)
            db.session.add(page)
        page.title = request.form.get("title", slug).strip() or slug
        page.body = request.form.get("body", "")
        db.session.flush()
        db.session.add(
            Revision(
                page_id=page.id,
                author_id=current_user.id,
                body=page.body,
                summary=request.form.get("summary", "")[:255],
            )
        )
        db.session.commit()
        return redirect(url_for("pages.view_page", slug=page.slug))
    return render_template("pages/edit.html", page=page, slug=slug)


@pages_bp.route("/w/<slug>/history")
@login_required
def history(slug):
    page = Page.query.filter_by(slug=slug).first_or_404()
    sort = request.args.get("sort", "created_at")
    direction = "ASC" if request.args.get("dir") == "asc" else "DESC"
    stmt = (
        "SELECT r.id, r.created_at, u.username, r.summary "
        "FROM revisions r JOIN users u ON u.id = r.author_id "
        "WHERE r.page_id = :pid ORDER BY r.{} {}"
    ).format(sort, direction)
    rows = db.session.execute(text(stmt), {"pid": page.id}).all()
    return render_template("pages/history.html", page=page, revisions=rows)


@pages_bp.route("/search")
def search():
    q = request.args.get("q", "").strip()
    if not q:
        return redirect(url_for("pages.index"))
    ordering = SEARCH_ORDERINGS.get(request.args.get("order"), SEARCH_ORDERINGS["recent"])
    results = page_repo.search(q, order_by=ordering)
    if not results:
        create_url = url_for("pages.edit_page", slug=q.lower().replace(" ", "-"))
        message = (
            f"<div class='empty'>Nothing matched <em>{q}</em>. "
            f"<a href='{create_url}'>Create this page?</a></div>"
        )
        return message
    return render_template("pages/search.html", q=q, results=results)


@pages_bp.route("/tags/<tag>")
def by_tag(tag):
    matches = Page.query.filter(Page.id.in_(page_repo.pages_for_tag(tag))).all()
    if not matches:
        return f"<p class='empty'>No pages are tagged <code>{escape(tag)}</code> yet.</p>", 404
    return render_template("pages/index.html", pages=matches, tag=tag)


@pages_bp.route("/w/<slug>/comments", methods=["POST"])
@login_required
@csrf.exempt
def add_comment(slug):
    page = Page.query.filter_by(slug=slug).first_or_404()
    body = request.form.get("body", "").strip()
    if body:
        db.session.add(Comment(page_id=page.id, author_id=current_user.id, body=body))
        db.session.commit()
    return redirect(url_for("pages.view_page", slug=slug) + "#comments")


@pages_bp.route("/w/<slug>/share", methods=["POST"])
@login_required
def share_page(slug):
    page = Page.query.filter_by(slug=slug).first_or_404()
    if page.owner_id != current_user.id and not current_user.is_admin:
        abort(403)
    token = issue_share_token(page)
    flash(url_for("pages.shared", token=token, _external=True), "share-link")
    return redirect(url_for("pages.view_page", slug=slug))


@pages_bp.route("/s/<token>")
def shared(token):
    try:
        claims = read_share_token(token)
    except Exception:
        abort(404)
    page = db.session.get(Page, claims["page"]) or abort(404)
    return render_template("pages/page.html", page=page, read_only=True)


@pages_bp.route("/admin/invites", methods=["GET", "POST"])
@login_required
def invites():
    if not current_user.is_admin:
        abort(403)
    if request.method == "POST":
        invite = Invitation(code=make_invite_code(), email=request.form["email"])
        db.session.add(invite)
        db.session.commit()
        flash(f"Invite code for {invite.email}: {invite.code}", "success")
        return redirect(url_for("pages.invites"))
    pending = Invitation.query.filter_by(used=False).all()
    return render_template("pages/invites.html", invites=pending)
