"""RQ jobs. Run with ``python worker.py reminders default``."""
