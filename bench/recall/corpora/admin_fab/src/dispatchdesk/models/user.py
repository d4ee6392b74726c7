"""Custom FAB user model: dispatchers belong to a home depot."""
from flask_appbuilder.security.sqla.models import User
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import relationship


class DispatchUser(User):
    __tablename__ = "ab_user"

    depot_id = Column(Integer, ForeignKey("depot.id"), nullable=True)
    depot = relationship("Depot", foreign_keys=[depot_id])
    phone = Column(String(32))

    # Personal REST API key; only a digest is kept.
    api_key_digest = Column(String(64), unique=True, index=True)
    api_key_created_on = Column(DateTime)

    reset_token = Column(String(64), index=True)
    reset_token_expires = Column(DateTime)

    @property
    def has_api_key(self):
        return bool(self.api_key_digest)
