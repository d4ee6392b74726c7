"""JWT callbacks for the scanner API."""
from flask import jsonify

from app.extensions import db, jwt_manager
from app.models import ScannerOperator, TokenBlocklist


@jwt_manager.user_lookup_loader
def load_operator(_jwt_header, jwt_data):
    operator = db.session.get(ScannerOperator, int(jwt_data["sub"]))
    if operator is None or not operator.active:
        return None
    return operator


@jwt_manager.token_in_blocklist_loader
def is_token_revoked(_jwt_header, jwt_payload):
    jti = jwt_payload["jti"]
    return db.session.query(TokenBlocklist.id).filter_by(jti=jti).scalar() is not None


@jwt_manager.expired_token_loader
def expired_token(_jwt_header, _jwt_payload):
    return jsonify(error="token_expired"), 401


@jwt_manager.invalid_token_loader
def invalid_token(reason):
    return jsonify(error="invalid_token"), 401


@jwt_manager.unauthorized_loader
def missing_token(reason):
    return jsonify(error="authorization_required"), 401


@jwt_manager.user_lookup_error_loader
def unknown_operator(_jwt_header, _jwt_data):
    return jsonify(error="operator_inactive"), 401
