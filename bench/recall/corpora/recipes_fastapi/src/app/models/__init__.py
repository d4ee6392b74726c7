from app.models.comment import CommentCreate, CommentOut
from app.models.recipe import RecipeCreate, RecipeOut, RecipeUpdate, ShareLinkOut
from app.models.token import Token
from app.models.user import UserCreate, UserOut, UserPublic, UserUpdate

__all__ = [
    "CommentCreate",
    "CommentOut",
    "RecipeCreate",
    "RecipeOut",
    "RecipeUpdate",
    "ShareLinkOut",
    "Token",
    "UserCreate",
    "UserOut",
    "UserPublic",
    "UserUpdate",
]
