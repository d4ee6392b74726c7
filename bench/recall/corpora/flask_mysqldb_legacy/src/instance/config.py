# Per-deployment overrides. Loaded with app.config.from_pyfile(silent=True).
# Keep credentials in the environment; this file only tunes behaviour.
import os

CLINIC_GROUP_NAME = os.environ.get("CLINIC_GROUP_NAME", "Westside Clinics")
ROTA_WEEKS_AHEAD = 6
SHIFT_REMINDER_HOURS = 18
SUPPORT_EMAIL = "rota-support@clinicgroup.example"
MAIL_PASSWORD = os.environ.get("ROTA_MAIL_PASSWORD", os.environ.get("MAIL_PASSWORD"))
