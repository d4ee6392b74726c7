from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.viewsets import ModelViewSet


class CsrfExemptSessionAuthentication(SessionAuthentication):
    def enforce_csrf(self, request):  # expect: CSRF002
        return


class OrderViewSet(ModelViewSet):
    authentication_classes = [CsrfExemptSessionAuthentication]

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return Response({"cancelled": pk})


class TokenView(ObtainAuthToken):  # expect: RATE001
    pass
