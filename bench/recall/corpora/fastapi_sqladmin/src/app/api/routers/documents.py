from html import escape

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile, status
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_current_user
from app.db.session import get_session
from app.models import Document, Property, User
from app.services.storage import DocumentStorage, get_storage

router = APIRouter(prefix="/documents", tags=["documents"])

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED_TYPES = {"application/pdf", "image/jpeg", "image/png"}


async def _property_for(session: AsyncSession, property_id: int, user: User) -> Property:
    prop = await session.get(Property, property_id)
    if prop is None or prop.owner_id != user.id:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return prop


@router.post("/{property_id}", status_code=status.HTTP_201_CREATED)
async def upload_document(
    property_id: int,
    file: UploadFile = File(...),
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
    storage: DocumentStorage = Depends(get_storage),
):
    await _property_for(session, property_id, user)
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="Unsupported file type")
    data = await file.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(status_code=413, detail="File too large")
    stored = storage.upload(property_id, file.filename or "upload", data, file.content_type)
    doc = Document(
        property_id=property_id,
        uploaded_by=user.id,
        filename=file.filename or "upload",
        s3_key=stored.key,
        content_type=file.content_type,
        size_bytes=stored.size,
        sha256=stored.sha256,
    )
    session.add(doc)
    await session.commit()
    return {"id": doc.id, "sha256": stored.sha256}


@router.get("/{property_id}/list.html", response_class=HTMLResponse)
async def document_list_fragment(
    property_id: int,
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
):
    prop = await _property_for(session, property_id, user)
    result = await session.execute(select(Document).where(Document.property_id == property_id))
    docs = list(result.scalars())
    if not docs:
        return HTMLResponse(f"<p class='muted'>No documents uploaded for {escape(prop.name)} yet.</p>")
    items = "".join(f"<li data-id='{d.id}'>{escape(d.filename)}</li>" for d in docs)
    return HTMLResponse(f"<ul class='doc-list'>{items}</ul>")


@router.get("/download/{document_id}")
async def download_link(
    document_id: int,
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
    storage: DocumentStorage = Depends(get_storage),
):
    doc = await session.get(Document, document_id)
    if doc is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    await _property_for(session, doc.property_id, user)
    return {"url": storage.presigned_download(doc.s3_key, doc.filename)}
