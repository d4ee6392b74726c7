from django.urls import path

from . import views

app_name = "booking"

urlpatterns = [
    path("", views.ResendLinkView.as_view(), name="start"),
    path("link/", views.ResendLinkView.as_view(), name="resend"),
    path("b/<str:token>/", views.OpenLinkView.as_view(), name="open"),
    path("choose/", views.ChooseSlotView.as_view(), name="choose"),
    path("choose/slots/", views.available_slots, name="slots"),
]
