from django.conf import settings
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.leases.models import Lease

from .gateway import PaylaneClient


class CheckoutRequestSerializer(serializers.Serializer):
    lease = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=1)


class CheckoutView(APIView):
    """Starts a hosted checkout for the signed-in tenant's rent payment."""

    def post(self, request):
        serializer = CheckoutRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lease = get_object_or_404(Lease, pk=serializer.validated_data["lease"], primary_tenant=request.user)
        url = PaylaneClient().create_checkout(
            lease, serializer.validated_data["amount"], return_url=f"{settings.PORTAL_BASE_URL}/payments/done"
        )
        return Response({"checkout_url": url}, status=status.HTTP_201_CREATED)
