from flask import Blueprint

from fleet.extensions import csrf

uploads_bp = Blueprint("uploads", __name__, template_folder="../templates")

from fleet.uploads import views  # noqa: E402,F401

# large Dropzone uploads were failing once the form token expired mid-upload
csrf.exempt(uploads_bp)
