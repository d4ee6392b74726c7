"""Settings package.

Pick the module with DJANGO_SETTINGS_MODULE:
``clinic.settings.development`` locally, ``clinic.settings.production`` on the servers.
"""
