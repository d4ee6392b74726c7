from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.viewsets import ModelViewSet


class OrderViewSet(ModelViewSet):
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return Response({"cancelled": pk})


class TokenView(ObtainAuthToken):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"
