"""Shelf and bin labels printed from the browser on the label printers."""
import os
import time

import jwt
from flask import current_app
from jinja2 import Environment, FileSystemLoader

LABEL_TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "label_templates")

_label_env = Environment(loader=FileSystemLoader(LABEL_TEMPLATE_DIR), trim_blocks=True, lstrip_blocks=True)


def make_print_token(item_ids, user_id, copies=1):
    """Token embedded in the print link so the printer station does not need a login."""
    payload = {"items": [int(i) for i in item_ids], "uid": user_id, "copies": copies, "iat": int(time.time())}
    return jwt.encode(payload, current_app.config["SECRET_KEY"], algorithm="HS256")


def read_print_token(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])


def render_labels(items, copies=1, template="shelf_label.html", warehouse=None):
    tpl = _label_env.get_template(template)
    return tpl.render(items=items, copies=range(copies), warehouse=warehouse)
