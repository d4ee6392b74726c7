"""Acme HR portal: employee records, leave management and payroll exports."""

__version__ = "2.4.1"
