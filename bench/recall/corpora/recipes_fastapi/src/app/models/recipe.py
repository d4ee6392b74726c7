from datetime import datetime
from typing import List, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.models.common import PyObjectId


class Ingredient(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    quantity: Optional[float] = Field(default=None, ge=0)
    unit: Optional[str] = Field(default=None, max_length=20)
    note: Optional[str] = Field(default=None, max_length=200)


class RecipeBase(BaseModel):
    title: str = Field(min_length=3, max_length=140)
    summary: Optional[str] = Field(default=None, max_length=500)
    ingredients: List[Ingredient] = Field(default_factory=list)
    instructions: str = Field(min_length=1, max_length=20000)
    tags: List[str] = Field(default_factory=list, max_length=12)
    prep_minutes: Optional[int] = Field(default=None, ge=0, le=24 * 60)
    cook_minutes: Optional[int] = Field(default=None, ge=0, le=7 * 24 * 60)
    servings: Optional[int] = Field(default=None, ge=1, le=100)
    image_url: Optional[str] = Field(default=None, max_length=500)
    is_public: bool = True

    @field_validator("tags")
    @classmethod
    def normalise_tags(cls, tags: List[str]) -> List[str]:
        seen = []
        for tag in tags:
            tag = tag.strip().lower()
            if tag and tag not in seen:
                seen.append(tag[:30])
        return seen


class RecipeCreate(RecipeBase):
    pass


class RecipeUpdate(BaseModel):
    title: Optional[str] = Field(default=None, min_length=3, max_length=140)
    summary: Optional[str] = Field(default=None, max_length=500)
    ingredients: Optional[List[Ingredient]] = None
    instructions: Optional[str] = Field(default=None, min_length=1, max_length=20000)
    tags: Optional[List[str]] = None
    prep_minutes: Optional[int] = Field(default=None, ge=0)
    cook_minutes: Optional[int] = Field(default=None, ge=0)
    servings: Optional[int] = Field(default=None, ge=1, le=100)
    image_url: Optional[str] = Field(default=None, max_length=500)
    is_public: Optional[bool] = None


class RecipeOut(RecipeBase):
    model_config = ConfigDict(populate_by_name=True)

    id: PyObjectId = Field(alias="_id")
    slug: str
    author_id: PyObjectId
    author_name: Optional[str] = None
    instructions_html: str = ""
    favourite_count: int = 0
    comment_count: int = 0
    created_at: datetime
    updated_at: Optional[datetime] = None


class RecipeList(BaseModel):
    items: List[RecipeOut]
    total: int
    page: int
    per_page: int


class ShareLinkOut(BaseModel):
    url: str
    token: str
