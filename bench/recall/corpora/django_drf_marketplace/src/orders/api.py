import secrets

from django.db.models import F
from django.shortcuts import get_object_or_404
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from catalog.models import Listing

from .checkout import CheckoutError, create_order_from_cart, start_checkout_session
from .models import Cart, CartItem, Order, OrderItem

CART_COOKIE = "hm_cart"
CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30


class CartItemSerializer(serializers.ModelSerializer):
    listing = serializers.PrimaryKeyRelatedField(queryset=Listing.objects.filter(status=Listing.Status.ACTIVE))
    title = serializers.CharField(source="listing.title", read_only=True)
    price_cents = serializers.IntegerField(source="listing.price_cents", read_only=True)

    class Meta:
        model = CartItem
        fields = ("id", "listing", "title", "price_cents", "quantity")


class CartSerializer(serializers.ModelSerializer):
    items = CartItemSerializer(many=True, read_only=True)
    total_cents = serializers.IntegerField(read_only=True)

    class Meta:
        model = Cart
        fields = ("items", "total_cents")


class OrderItemSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="listing.title", read_only=True)

    class Meta:
        model = OrderItem
        fields = ("title", "quantity", "unit_price_cents", "tracking_number", "carrier_status", "shipped_at")


class OrderSerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ("public_id", "status", "currency", "total_cents", "items", "paid_at", "created_at")


class CheckoutSerializer(serializers.Serializer):
    email = serializers.EmailField(required=False)
    success_url = serializers.URLField()
    cancel_url = serializers.URLField()


def _new_cart_token():
    return secrets.token_urlsafe(24)


class CartViewSet(viewsets.ViewSet):
    """Guest-friendly cart: identified by a cookie, adopted by the user after login."""

    permission_classes = [permissions.AllowAny]
    throttle_scope = "checkout"

    def _get_cart(self, request):
        if request.user.is_authenticated:
            cart, _ = Cart.objects.get_or_create(user=request.user, defaults={"token": _new_cart_token()})
            return cart
        token = request.COOKIES.get(CART_COOKIE)
        cart = Cart.objects.filter(token=token, user__isnull=True).first() if token else None
        return cart or Cart.objects.create(token=_new_cart_token())

    def _respond(self, request, cart, status_code=status.HTTP_200_OK):
        cart.total_cents = cart.total_cents()
        response = Response(CartSerializer(cart).data, status=status_code)
        if not request.user.is_authenticated:
            response.set_cookie(
                CART_COOKIE, cart.token, max_age=CART_COOKIE_MAX_AGE, secure=True, httponly=True, samesite="Lax"
            )
        return response

    def list(self, request):
        return self._respond(request, self._get_cart(request))

    @action(detail=False, methods=["post"])
    def add(self, request):
        cart = self._get_cart(request)
        serializer = CartItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item, created = CartItem.objects.get_or_create(
            cart=cart, listing=serializer.validated_data["listing"],
            defaults={"quantity": serializer.validated_data.get("quantity", 1)},
        )
        if not created:
            CartItem.objects.filter(pk=item.pk).update(quantity=F("quantity") + serializer.validated_data.get("quantity", 1))
        return self._respond(request, cart, status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"], url_path=r"remove/(?P<item_id>\d+)")
    def remove(self, request, item_id=None):
        cart = self._get_cart(request)
        CartItem.objects.filter(cart=cart, pk=item_id).delete()
        return self._respond(request, cart)

    @action(detail=False, methods=["post"], throttle_classes=[ScopedRateThrottle])
    def checkout(self, request):
        serializer = CheckoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cart = self._get_cart(request)
        buyer = request.user if request.user.is_authenticated else None
        email = buyer.email if buyer else serializer.validated_data.get("email")
        if not email:
            return Response({"email": ["An email address is required for guest checkout."]}, status=400)
        try:
            order = create_order_from_cart(cart, email, buyer=buyer)
        except CheckoutError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        url = start_checkout_session(
            order, serializer.validated_data["success_url"], serializer.validated_data["cancel_url"]
        )
        return Response({"checkout_url": url}, status=status.HTTP_201_CREATED)


class OrderViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "public_id"

    def get_queryset(self):
        return Order.objects.filter(buyer=self.request.user).prefetch_related("items__listing")

    @action(detail=True, methods=["post"])
    def cancel(self, request, public_id=None):
        order = get_object_or_404(self.get_queryset(), public_id=public_id, status=Order.Status.PENDING)
        order.status = Order.Status.CANCELLED
        order.save(update_fields=["status"])
        return Response(self.get_serializer(order).data)
