from django.conf import settings
from django.db import models
from django.urls import reverse


class Department(models.Model):
    name = models.CharField(max_length=120, unique=True)
    code = models.SlugField(max_length=20, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    head = models.ForeignKey(
        "Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="headed_departments"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def ancestors(self):
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class EmployeeManager(models.Manager):
    def active(self):
        return self.filter(is_active=True)

    def in_department_tree(self, department_id):
        """Employees of a department and of all departments below it."""
        sql = """
            WITH RECURSIVE tree AS (
                SELECT id FROM directory_department WHERE id = %s
                UNION ALL
                SELECT d.id FROM directory_department d JOIN tree t ON d.parent_id = t.id
            )
            SELECT e.* FROM directory_employee e
            JOIN tree t ON e.department_id = t.id
            WHERE e.is_active
            ORDER BY e.last_name, e.first_name
        """
        return self.raw(sql, [department_id])


class Employee(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="employee"
    )
    employee_number = models.CharField(max_length=12, unique=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(unique=True)
    job_title = models.CharField(max_length=120, blank=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="employees")
    manager = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    phone = models.CharField(max_length=30, blank=True)
    office = models.CharField(max_length=60, blank=True)
    hire_date = models.DateField()
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="photos/", blank=True)
    is_active = models.BooleanField(default=True)

    objects = EmployeeManager()

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("directory:employee-detail", args=[self.pk])
