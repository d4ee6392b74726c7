"""Runtime settings that do not belong in the .ini files.

The .ini files describe the deployment (hosts, ports, feature switches).
Credentials are injected through the process environment by the container
platform and merged into the Pyramid settings before the Configurator is
created.
"""
import os

from pyramid.settings import asbool

WEBHOOK_SECRET_SETTING = "crm.stripe.webhook_secret"


def load_environment(settings):
    settings["auth.secret"] = os.environ["CRM_AUTH_SECRET"]
    settings["session.secret"] = os.environ["CRM_SESSION_SECRET"]
    settings["crm.jwt.secret"] = os.environ["CRM_JWT_SECRET"]
    settings[WEBHOOK_SECRET_SETTING] = os.environ.get("CRM_STRIPE_WEBHOOK_SECRET", "")

    settings["mail.username"] = os.environ.get("CRM_SMTP_USER", settings.get("mail.username", ""))
    settings["mail.password"] = os.environ.get("CRM_SMTP_PASSWORD", "Rel4y-crm-2023!")

    if "CRM_DATABASE_URL" in os.environ:
        settings["sqlalchemy.url"] = os.environ["CRM_DATABASE_URL"]

    settings["crm.production"] = asbool(os.environ.get("CRM_PRODUCTION", "false"))
    return settings
