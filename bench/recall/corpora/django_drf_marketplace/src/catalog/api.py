from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from .filters import ListingFilter
from .models import Listing, Shop
from .serializers import (
    APIKeyCreateSerializer,
    ListingSerializer,
    ShopInviteSerializer,
    ShopSerializer,
    StorefrontPasswordSerializer,
)
from .services import create_invite, issue_api_key, set_storefront_password


class IsShopOwnerOrReadOnly(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        shop = obj if isinstance(obj, Shop) else obj.shop
        return shop.owner_id == request.user.pk


class ShopViewSet(viewsets.ModelViewSet):
    serializer_class = ShopSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsShopOwnerOrReadOnly]
    lookup_field = "slug"
    http_method_names = ["get", "patch", "post", "head", "options"]
    search_fields = ["name", "tagline"]

    def get_queryset(self):
        return (
            Shop.objects.filter(is_private=False)
            .select_related("owner")
            .annotate(listing_count=Count("listings", filter=Q(listings__status=Listing.Status.ACTIVE)))
        )

    def create(self, request, *args, **kwargs):
        # Shops are created by the post_save signal when a seller registers.
        return Response(status=status.HTTP_405_METHOD_NOT_ALLOWED)

    def _own_shop(self, request):
        shop = getattr(request.user, "shop", None)
        if shop is None:
            raise PermissionDenied("Only sellers have a shop.")
        return shop

    @action(detail=False, methods=["get", "patch"], permission_classes=[permissions.IsAuthenticated])
    def mine(self, request):
        shop = self._own_shop(request)
        if request.method == "PATCH":
            serializer = self.get_serializer(shop, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            serializer.save()
            return Response(serializer.data)
        return Response(self.get_serializer(shop).data)

    @action(detail=False, methods=["post"], url_path="mine/invites", permission_classes=[permissions.IsAuthenticated])
    def invite(self, request):
        shop = self._own_shop(request)
        serializer = ShopInviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invite = create_invite(shop, serializer.validated_data["email"])
        return Response(ShopInviteSerializer(invite).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"], url_path="mine/storefront-password",
            permission_classes=[permissions.IsAuthenticated])
    def storefront_password(self, request):
        shop = self._own_shop(request)
        serializer = StorefrontPasswordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        set_storefront_password(shop, serializer.validated_data["password"])
        return Response({"is_private": shop.is_private})

    @action(detail=False, methods=["post"], url_path="mine/api-keys", permission_classes=[permissions.IsAuthenticated])
    def api_keys(self, request):
        shop = self._own_shop(request)
        serializer = APIKeyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        raw_key = issue_api_key(shop, serializer.validated_data["name"])
        # Shown once; only the hash is kept.
        return Response({"key": raw_key}, status=status.HTTP_201_CREATED)


class ListingViewSet(viewsets.ModelViewSet):
    serializer_class = ListingSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsShopOwnerOrReadOnly]
    filterset_class = ListingFilter
    ordering_fields = ["price_cents", "created_at", "title"]

    def get_queryset(self):
        qs = Listing.objects.select_related("shop").prefetch_related("images")
        if self.action in ("list", "retrieve"):
            qs = qs.filter(status=Listing.Status.ACTIVE, shop__is_private=False, shop__vacation_mode=False)
        term = self.request.query_params.get("q", "").strip()
        if term:
            qs = (
                qs.annotate(score=RawSQL("similarity(catalog_listing.title, %s)", (term,)))
                .filter(score__gt=0.2)
                .order_by("-score")
            )
        return qs

    def perform_create(self, serializer):
        shop = getattr(self.request.user, "shop", None)
        if shop is None:
            raise PermissionDenied("Only sellers can create listings.")
        serializer.save(shop=shop)

    @action(detail=False, methods=["get"])
    def featured(self, request):
        qs = self.get_queryset().filter(featured=True)[:12]
        return Response(self.get_serializer(qs, many=True).data)

    @action(detail=True, methods=["post"], url_path="publish")
    def publish(self, request, pk=None):
        listing = get_object_or_404(Listing, pk=pk, shop__owner=request.user)
        listing.status = Listing.Status.ACTIVE
        listing.save(update_fields=["status", "updated_at"])
        return Response(self.get_serializer(listing).data)
