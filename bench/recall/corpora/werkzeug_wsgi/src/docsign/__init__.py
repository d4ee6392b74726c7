"""DocSign: internal document signing service."""

__version__ = "1.4.2"


def create_app(config=None):
    from docsign.app import DocSignApp
    from docsign.config import load_config

    return DocSignApp(config or load_config())
