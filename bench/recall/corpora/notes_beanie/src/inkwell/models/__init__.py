from inkwell.models.notes import Comment, Member, Note, Notebook, NotebookInvite, ShareLink
from inkwell.models.user import PasswordReset, RefreshToken, User

DOCUMENT_MODELS = [User, RefreshToken, PasswordReset, Note, Notebook, ShareLink, Comment]

__all__ = [
    "Comment",
    "DOCUMENT_MODELS",
    "Member",
    "Note",
    "Notebook",
    "NotebookInvite",
    "PasswordReset",
    "RefreshToken",
    "ShareLink",
    "User",
]
