"""Shared code for the TableBook reservation backend.

Packaged as a Lambda layer (``layer/python``) so every function can
``import tablebook`` without vendoring it into each handler bundle.
"""

__version__ = "1.8.2"
