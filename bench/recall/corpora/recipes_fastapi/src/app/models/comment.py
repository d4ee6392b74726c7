from datetime import datetime
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from app.models.common import PyObjectId


class CommentCreate(BaseModel):
    body: str = Field(min_length=1, max_length=2000)


class CommentOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: PyObjectId = Field(alias="_id")
    recipe_id: PyObjectId
    author_id: PyObjectId
    author_name: Optional[str] = None
    body: str
    body_html: str = ""
    created_at: datetime
    edited_at: Optional[datetime] = None
