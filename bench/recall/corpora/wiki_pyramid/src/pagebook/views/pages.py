import logging
import random

from pyramid.httpexceptions import HTTPFound, HTTPNotFound, HTTPSeeOther
from pyramid.response import Response
from pyramid.view import view_config, view_defaults
from sqlalchemy import select

from ..models import AuditEntry, Comment, Membership, Page, Space, User
from ..resources import PageResource, SpaceResource
from ..services import mailer
from ..services.pages import (
    create_page,
    parse_tags,
    recent_changes,
    related_pages,
    save_revision,
    space_statistics,
    visible_space_ids,
)
from ..services.rendering import plain_excerpt, render_comment, render_page, slugify

log = logging.getLogger(__name__)

HOME_TEMPLATE = "pagebook:templates/home.jinja2"
PAGE_TEMPLATE = "pagebook:templates/page_view.jinja2"
EDIT_TEMPLATE = "pagebook:templates/page_edit.jinja2"


@view_config(route_name="home", renderer=HOME_TEMPLATE, permission="view")
def home(request):
    space_ids = visible_space_ids(request.dbsession, request.identity)
    spaces = request.dbsession.scalars(
        select(Space).where(Space.id.in_(space_ids)).order_by(Space.name)
    ).all()
    return {
        "space": None,
        "spaces": spaces,
        "changes": recent_changes(request.dbsession, space_ids),
    }


@view_config(route_name="space", context=SpaceResource, renderer=HOME_TEMPLATE, permission="view")
def space_index(context, request):
    pages = request.dbsession.scalars(
        select(Page)
        .where(Page.space_id == context.space.id, Page.is_deleted.is_(False))
        .order_by(Page.title)
    ).all()
    return {
        "space": context.space,
        "pages": [(page, plain_excerpt(page.body, 140)) for page in pages],
        "stats": space_statistics(request.dbsession, context.space.id),
        "changes": recent_changes(request.dbsession, [context.space.id], limit=10),
    }


@view_config(route_name="random_page", permission="view")
def random_page(request):
    space_ids = visible_space_ids(request.dbsession, request.identity)
    candidates = request.dbsession.execute(
        select(Space.key, Page.slug)
        .join(Page, Page.space_id == Space.id)
        .where(Space.id.in_(space_ids), Page.is_deleted.is_(False))
    ).all()
    if not candidates:
        return HTTPFound(request.route_url("home"))
    space_key, slug = random.choice(candidates)
    return HTTPFound(request.route_url("page", space=space_key, slug=slug))


def _missing_page(request, space, slug):
    create_url = request.route_url("page_new", space=space.key, _query={"slug": slug})
    body = (
        f"<h1>{space.name}</h1>"
        f"<p>There is no page called <em>{slug}</em> in this space yet.</p>"
        f'<p><a href="{create_url}">Create it</a> or go back to the '
        f'<a href="{request.route_url("space", space=space.key)}">space index</a>.</p>'
    )
    return Response(body, status=404, content_type="text/html")


def _watchers(dbsession, page, exclude):
    """Space owners get a mail when a page changes."""
    stmt = (
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.space_id == page.space_id, Membership.role == "owner", User.is_active.is_(True))
    )
    return [user for user in dbsession.scalars(stmt) if user.id != exclude.id]


@view_defaults(context=PageResource)
class PageViews:
    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.space = context.space
        self.page = context.page

    def _link_for(self, slug):
        return self.request.route_url("page", space=self.space.key, slug=slug)

    def _edit_context(self, title, body, tags, error=None):
        return {
            "space": self.space,
            "page": self.page,
            "title": title,
            "body": body,
            "tags": tags,
            "error": error,
            "base_revision": self.page.current_revision if self.page else 0,
        }

    @view_config(route_name="page", request_method="GET", renderer=PAGE_TEMPLATE, permission="view")
    def show(self):
        if self.page is None:
            return _missing_page(self.request, self.space, self.context.slug)
        return {
            "space": self.space,
            "page": self.page,
            "content": render_page(self.page.body, self._link_for),
            "comments": [(comment, render_comment(comment.body)) for comment in self.page.comments],
            "related": related_pages(self.request.dbsession, self.page),
            "can_edit": bool(self.request.has_permission("edit", self.context)),
            "can_delete": bool(self.request.has_permission("delete", self.context)),
        }

    @view_config(route_name="page_edit", request_method="GET", renderer=EDIT_TEMPLATE, permission="edit")
    def edit_form(self):
        if self.page is None:
            raise HTTPNotFound()
        tags = ", ".join(tag.name for tag in self.page.tags)
        return self._edit_context(self.page.title, self.page.body, tags)

    @view_config(route_name="page_edit", request_method="POST", renderer=EDIT_TEMPLATE, permission="edit")
    def save(self):
        if self.page is None:
            raise HTTPNotFound()
        post = self.request.POST
        title = post.get("title", "").strip()
        body = post.get("body", "")
        tags = post.get("tags", "")
        if not title:
            return self._edit_context(title, body, tags, error="A page needs a title.")

        # optimistic locking: refuse to overwrite somebody else's edit
        if post.get("base_revision") != str(self.page.current_revision):
            return self._edit_context(
                title, body, tags, error="Someone else changed this page while you were editing."
            )

        user = self.request.identity
        revision = save_revision(
            self.request.dbsession, self.page, title, body, user,
            comment=post.get("comment", ""), tags=parse_tags(tags),
        )
        mailer.send_page_changed(
            self.request, self.page, revision, _watchers(self.request.dbsession, self.page, user)
        )
        return HTTPSeeOther(self._link_for(self.page.slug))

    @view_config(route_name="page_comment", request_method="POST", permission="comment")
    def add_comment(self):
        if self.page is None:
            raise HTTPNotFound()
        body = self.request.POST.get("body", "").strip()
        if body:
            self.request.dbsession.add(Comment(page=self.page, author=self.request.identity, body=body[:10000]))
        return HTTPSeeOther(self._link_for(self.page.slug) + "#comments")

    @view_config(route_name="page_delete", request_method="POST", permission="delete")
    def delete(self):
        if self.page is None:
            raise HTTPNotFound()
        self.page.is_deleted = True
        AuditEntry.record(self.request, "page.delete", f"{self.space.key}/{self.page.slug}")
        self.request.session.flash(f"Deleted \u201c{self.page.title}\u201d.")
        return HTTPSeeOther(self.request.route_url("space", space=self.space.key))


@view_config(
    route_name="page_new",
    context=SpaceResource,
    request_method=("GET", "POST"),
    renderer=EDIT_TEMPLATE,
    permission="edit",
)
def new_page(context, request):
    space = context.space
    if request.method == "GET":
        slug = request.params.get("slug", "")
        title = slug.replace("-", " ").capitalize()
        return {"space": space, "page": None, "title": title, "body": "", "tags": "", "error": None, "base_revision": 0}

    title = request.POST.get("title", "").strip()
    body = request.POST.get("body", "")
    tags = request.POST.get("tags", "")
    slug = slugify(title)
    error = None
    if not slug:
        error = "A page needs a title."
    elif request.dbsession.scalar(
        select(Page.id).where(Page.space_id == space.id, Page.slug == slug)
    ):
        error = "A page with that title already exists."
    if error:
        return {"space": space, "page": None, "title": title, "body": body, "tags": tags, "error": error, "base_revision": 0}

    page = create_page(request.dbsession, space, slug, title, body, request.identity, tags=parse_tags(tags))
    return HTTPSeeOther(request.route_url("page", space=space.key, slug=page.slug))
