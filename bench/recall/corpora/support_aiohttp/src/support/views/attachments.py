"""Uploading attachments to tickets and serving public share links."""
from aiohttp import web
from markupsafe import escape

from ..auth import login_required
from ..services.attachments import AttachmentTooLarge

routes = web.RouteTableDef()


@routes.post("/tickets/{ticket_id:\\d+}/attachments", name="attachment-upload")
@login_required
async def upload(request: web.Request):
    ticket_id = int(request.match_info["ticket_id"])
    reader = await request.multipart()
    stored = []
    async for part in reader:
        if part.name != "file" or not part.filename:
            continue
        data = await part.read(decode=False)
        try:
            meta = await request.app["attachment_service"].store(
                ticket_id, request["user_id"], part.filename, bytes(data),
                part.headers.get("Content-Type"),
            )
        except AttachmentTooLarge:
            raise web.HTTPRequestEntityTooLarge(
                max_size=request.app["max_upload"], actual_size=len(data)
            )
        stored.append({"id": meta["id"], "filename": meta["filename"], "url": meta["share_url"]})
    return web.json_response({"attachments": stored}, status=201)


@routes.get("/files/{share_token}", name="attachment-download")
async def download(request: web.Request):
    row = await request.app["attachments_repo"].by_share_token(request.match_info["share_token"])
    if row is None:
        raise web.HTTPNotFound()
    if request.headers.get("If-None-Match") == row["etag"]:
        return web.Response(status=304)
    data = await request.app["storage"].get(row["storage_key"])
    return web.Response(
        body=data,
        content_type=row["content_type"],
        headers={
            "ETag": row["etag"],
            "Content-Disposition": f'attachment; filename="{row["filename"]}"',
        },
    )


@routes.post("/attachments/{attachment_id:\\d+}/delete", name="attachment-delete")
@login_required
async def delete(request: web.Request):
    repo = request.app["attachments_repo"]
    row = await repo.by_id(int(request.match_info["attachment_id"]))
    if row is None:
        raise web.HTTPNotFound()
    await repo.soft_delete(row["id"])
    return web.Response(text=f"<p class='notice'>Removed <code>{escape(row['filename'])}</code>.</p>", content_type="text/html")
