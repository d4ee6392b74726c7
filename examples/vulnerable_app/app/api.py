"""JSON API: a token for e-mail and password, then notes with `Authorization: Bearer <token>`."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from app import auth, db

logger = logging.getLogger("notes.api")
router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer()


class Credentials(BaseModel):
    email: str
    password: str


class NoteIn(BaseModel):
    title: str
    body: str


class NoteOut(BaseModel):
    id: int
    title: str
    body: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


def api_user(credentials: HTTPAuthorizationCredentials = Depends(bearer)) -> sqlite3.Row:
    claims = auth.read_access_token(credentials.credentials)
    user = db.get_user(claims["sub"])
    if user is None:
        raise HTTPException(status_code=401, detail=f"No user {claims['sub']} for token {credentials.credentials}")
    return user


@router.post("/token", response_model=Token)
def issue_token(credentials: Credentials):
    user = db.find_user(credentials.email)
    if user is None or not auth.verify_password(credentials.password, user["password"]):
        raise HTTPException(status_code=401, detail="Invalid e-mail or password")
    token = auth.create_access_token(user["id"], user["email"])
    logger.info(f"Token issued for {credentials.email}: {token}")
    return Token(access_token=token)


@router.get("/notes", response_model=list[NoteOut])
def list_notes(user: sqlite3.Row = Depends(api_user)):
    return [NoteOut(id=row["id"], title=row["title"], body=row["body"]) for row in db.list_notes(user["id"])]


@router.post("/notes", response_model=NoteOut, status_code=201)
def create_note(note: NoteIn, user: sqlite3.Row = Depends(api_user)):
    note_id = db.add_note(user["id"], note.title, note.body)
    return NoteOut(id=note_id, title=note.title, body=note.body)
