from typing import Any

from bson import ObjectId
from pydantic import BeforeValidator
from typing_extensions import Annotated


def _stringify_object_id(value: Any) -> Any:
    if isinstance(value, ObjectId):
        return str(value)
    return value


PyObjectId = Annotated[str, BeforeValidator(_stringify_object_id)]


def parse_object_id(value: str) -> ObjectId:
    """Raises bson.errors.InvalidId for malformed ids; callers turn that into a 404."""
    return ObjectId(value)
