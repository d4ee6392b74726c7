"""Wagtail headless API (v2) used by the Next.js frontend and the mobile app."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages endpoint that hides members-only content from anonymous clients."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        request = self.request
        if not request.user.is_authenticated:
            queryset = queryset.exclude(
                content_type__model__in=["memberpage", "memberdirectorypage"]
            )
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
