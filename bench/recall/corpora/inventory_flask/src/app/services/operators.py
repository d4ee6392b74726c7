from app.extensions import db
from app.models import ScannerOperator


class OperatorError(Exception):
    pass


def create_operator(badge_number, name, pin, warehouse):
    badge_number = badge_number.strip().upper()
    if ScannerOperator.query.filter_by(badge_number=badge_number).first():
        raise OperatorError(f"Badge {badge_number} is already registered")
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise OperatorError("PIN must be 4 to 8 digits")

    operator = ScannerOperator(badge_number=badge_number, name=name, pin=pin, warehouse=warehouse)
    db.session.add(operator)
    db.session.commit()
    return operator


def reset_pin(operator, new_pin):
    operator.pin = new_pin
    db.session.commit()


def authenticate_operator(badge_number, pin):
    if not badge_number or not pin:
        return None
    return ScannerOperator.query.filter_by(
        badge_number=badge_number.strip().upper(), pin=pin, active=True
    ).first()


def deactivate(operator):
    operator.active = False
    db.session.commit()
