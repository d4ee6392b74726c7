"""Celery entry point: ``celery -A labtrack.worker worker -l info``."""
from labtrack.app import create_app

connexion_app = create_app()
celery = connexion_app.app.extensions["celery"]
