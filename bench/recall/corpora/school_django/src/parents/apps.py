from django.apps import AppConfig


class ParentsConfig(AppConfig):
    name = "parents"
