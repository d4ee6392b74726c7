from django.urls import path

from . import views

app_name = "expenses"

urlpatterns = [
    path("", views.expense_queue, name="queue"),
    path("<int:pk>/", views.expense_detail, name="detail"),
    path("<int:pk>/approve/", views.approve_expense, name="approve"),
    path("<int:pk>/reject/", views.reject_expense, name="reject"),
]
