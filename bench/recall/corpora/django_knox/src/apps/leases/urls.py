from django.urls import path

from .views import SharedDocumentView, SigningLinkView
from .webhooks import inksign_callback

app_name = "leases"

urlpatterns = [
    path("shared/<str:token>/", SharedDocumentView.as_view(), name="shared-document"),
    path("sign/<str:signing_token>/", SigningLinkView.as_view(), name="sign"),
    path("webhooks/inksign/", inksign_callback, name="inksign-callback"),
]
