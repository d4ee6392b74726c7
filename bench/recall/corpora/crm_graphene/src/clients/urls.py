from django.urls import path

from . import views, webhooks

app_name = "clients"

urlpatterns = [
    path("", views.ClientListView.as_view(), name="list"),
    path("search/", views.client_quick_search, name="quick-search"),
    path("webhooks/job-board/", webhooks.job_board_webhook, name="job-board-webhook"),
    path("api/partner/job-orders/", webhooks.partner_job_order, name="partner-job-order"),
    path("<slug:slug>/", views.ClientDetailView.as_view(), name="detail"),
    path("<slug:slug>/contacts/", views.add_contact, name="add-contact"),
    path("<slug:slug>/jobs/", views.add_job_order, name="add-job"),
    path("<slug:slug>/feed.json", views.client_feed, name="feed"),
    path("<slug:slug>/portal/", views.portal_dashboard, name="portal"),
    path("<slug:slug>/portal/login/", views.portal_login, name="portal-login"),
    path("<slug:slug>/portal/logout/", views.portal_logout, name="portal-logout"),
    path("<slug:slug>/portal/feedback/<int:placement_id>/", views.portal_feedback, name="portal-feedback"),
]
