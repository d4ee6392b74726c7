# Settings are split per environment:
#   libnet.settings.dev   - local development (manage.py default)
#   libnet.settings.prod  - containers / production (asgi.py, wsgi.py default)
# Select one with DJANGO_SETTINGS_MODULE.
