from django.urls import path

from . import views

app_name = "circulation"

urlpatterns = [
    path("loans/", views.LoanListView.as_view(), name="loans"),
    path("loans/<int:pk>/renew/", views.RenewLoanView.as_view(), name="renew"),
    path("holds/", views.HoldListView.as_view(), name="holds"),
    path("holds/new/<int:title_pk>/", views.PlaceHoldView.as_view(), name="place-hold"),
    path("holds/<int:pk>/cancel/", views.HoldCancelView.as_view(), name="cancel-hold"),
    path("fines/", views.FinesView.as_view(), name="fines"),
    path("staff/checkin/", views.CheckinView.as_view(), name="checkin"),
    path("staff/overdue/", views.OverdueReportView.as_view(), name="overdue-report"),
]
