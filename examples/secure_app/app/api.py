"""JSON API: a 15-minute token for e-mail and password, then notes with `Authorization: Bearer <token>`."""

from __future__ import annotations

import sqlite3

import jwt
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from app import auth, db
from app.security import limiter

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False)
UNAUTHORIZED = HTTPException(status_code=401, detail="Invalid or expired token",
                             headers={"WWW-Authenticate": "Bearer"})


class Credentials(BaseModel):
    email: str
    password: str


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(max_length=10_000)


class NoteOut(BaseModel):
    id: int
    title: str
    body: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


def api_user(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> sqlite3.Row:
    if credentials is None:
        raise UNAUTHORIZED
    try:
        claims = auth.read_access_token(credentials.credentials)
        user = db.get_user(int(claims["sub"]))
    except (jwt.InvalidTokenError, ValueError):
        raise UNAUTHORIZED from None
    if user is None:
        raise UNAUTHORIZED
    return user


@router.post("/token", response_model=Token)
@limiter.limit("5/minute")
def issue_token(request: Request, credentials: Credentials):
    user = auth.authenticate(credentials.email, credentials.password)
    if user is None:
        raise HTTPException(status_code=401, detail="Invalid e-mail or password")
    return Token(access_token=auth.create_access_token(user["id"]))


@router.get("/notes", response_model=list[NoteOut])
def list_notes(user: sqlite3.Row = Depends(api_user)):
    return [NoteOut(id=row["id"], title=row["title"], body=row["body"]) for row in db.list_notes(user["id"])]


@router.post("/notes", response_model=NoteOut, status_code=201)
def create_note(note: NoteIn, user: sqlite3.Row = Depends(api_user)):
    note_id = db.add_note(user["id"], note.title, note.body)
    return NoteOut(id=note_id, title=note.title, body=note.body)
