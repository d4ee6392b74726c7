from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("students/", include("students.urls")),
    path("teachers/", include("teachers.urls")),
    path("grades/", include("grades.urls")),
    path("timetable/", include("timetable.urls")),
    path("parents/", include("parents.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("api.urls")),
]
