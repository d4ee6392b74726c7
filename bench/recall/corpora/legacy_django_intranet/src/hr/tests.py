from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from directory.models import Department, Employee

from .models import LeaveRequest
from .reports import absence_summary, employees_by_ids, headcount_by_department

TEST_PASSWORD = "correct-horse-battery-staple"


class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sales = Department.objects.create(name="Sales", code="sales")
        cls.ops = Department.objects.create(name="Operations", code="ops")
        cls.alice = Employee.objects.create(
            employee_number="E001", first_name="Alice", last_name="Archer", email="alice@corp.example.com",
            department=cls.sales, hire_date=date(2015, 3, 1),
        )
        cls.bob = Employee.objects.create(
            employee_number="E002", first_name="Bob", last_name="Baker", email="bob@corp.example.com",
            department=cls.ops, hire_date=date(2020, 9, 14),
        )
        LeaveRequest.objects.create(
            employee=cls.alice, leave_type=LeaveRequest.ANNUAL, status=LeaveRequest.APPROVED,
            start_date=date(2023, 7, 3), end_date=date(2023, 7, 7),
        )
        cls.hr_user = get_user_model().objects.create_user("hr.viewer", password=TEST_PASSWORD)
        cls.hr_user.user_permissions.add(Permission.objects.get(codename="view_reports"))

    def _backdate_hire(self, employee, new_date):
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE directory_employee SET hire_date = %s WHERE id = {employee.pk}", [new_date])

    def test_headcount_sorted_by_size(self):
        rows = headcount_by_department("headcount")
        self.assertEqual({r["name"] for r in rows}, {"Sales", "Operations"})

    def test_unknown_sort_falls_back_to_name(self):
        rows = headcount_by_department("name; DROP TABLE x")
        self.assertEqual([r["name"] for r in rows], ["Operations", "Sales"])

    def test_absence_summary_counts_overlapping_days(self):
        rows = absence_summary(date(2023, 7, 1), date(2023, 7, 5), LeaveRequest.ANNUAL)
        self.assertEqual(rows[0]["days"], 3)

    def test_employees_by_ids(self):
        self._backdate_hire(self.bob, date(2019, 1, 1))
        rows = employees_by_ids([self.alice.pk, self.bob.pk])
        self.assertEqual(len(rows), 2)

    def test_report_requires_permission(self):
        url = reverse("hr:headcount-report")
        self.assertEqual(self.client.get(url).status_code, 302)
        self.client.force_login(self.hr_user)
        self.assertEqual(self.client.get(url).status_code, 200)
