"""Route factories.  Each one loads the object a URL points at and exposes
an ``__acl__`` that the security policy checks permissions against."""
from pyramid.authorization import ALL_PERMISSIONS, DENY_ALL, Allow, Authenticated
from pyramid.httpexceptions import HTTPNotFound
from sqlalchemy import select

from .models import Attachment, Page, Space

ROLE_PERMISSIONS = {
    "reader": ("view", "comment"),
    "editor": ("view", "comment", "edit", "attach"),
    "owner": ("view", "comment", "edit", "attach", "delete", "manage"),
}


def space_acl(space):
    acl = [(Allow, "group:admin", ALL_PERMISSIONS)]
    for role, permissions in ROLE_PERMISSIONS.items():
        acl.append((Allow, f"space:{space.id}:{role}", permissions))
    if space.is_public:
        acl.append((Allow, Authenticated, ("view", "comment")))
    acl.append(DENY_ALL)
    return acl


class RootFactory:
    __acl__ = [
        (Allow, "group:admin", ALL_PERMISSIONS),
        (Allow, Authenticated, "view"),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class SpaceResource:
    def __init__(self, request):
        self.request = request
        key = request.matchdict["space"]
        self.space = request.dbsession.scalars(
            select(Space).where(Space.key == key)
        ).one_or_none()
        if self.space is None:
            raise HTTPNotFound()

    def __acl__(self):
        return space_acl(self.space)


class PageResource(SpaceResource):
    """Context for ``/s/{space}/{slug}``.

    ``page`` is None when the page does not exist yet; the page view offers
    to create it in that case.
    """

    def __init__(self, request):
        super().__init__(request)
        self.slug = request.matchdict["slug"]
        self.page = request.dbsession.scalars(
            select(Page).where(
                Page.space_id == self.space.id,
                Page.slug == self.slug,
                Page.is_deleted.is_(False),
            )
        ).one_or_none()


class AttachmentResource:
    def __init__(self, request):
        self.request = request
        try:
            attachment_id = int(request.matchdict["id"])
        except ValueError:
            raise HTTPNotFound()
        self.attachment = request.dbsession.get(Attachment, attachment_id)
        if self.attachment is None or self.attachment.page.is_deleted:
            raise HTTPNotFound()
        self.space = self.attachment.page.space

    def __acl__(self):
        return space_acl(self.space)


class AdminResource:
    __acl__ = [
        (Allow, "group:admin", ALL_PERMISSIONS),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request
