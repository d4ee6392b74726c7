from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

import strawberry
import structlog
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON
from strawberry.types import Info

from ..config import get_settings
from ..models import Organization as OrganizationModel
from ..models import ShiftSignup
from ..repositories import shifts as shifts_repo
from ..services import accounts, invites
from ..services import shifts as shift_service
from .context import Context, IsAuthenticated, IsCoordinator, IsOrgAdmin, UserFacingError
from .types import (
    InviteResult,
    Organization,
    ProfileInput,
    Shift,
    ShiftInput,
    ShiftPatch,
    Signup,
    Volunteer,
)

settings = get_settings()
log = structlog.get_logger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ATTACHMENT_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg"}
ORG_SETTING_KEYS = {"signup_retention_days", "reminder_lead_hours", "standby_auto_fill"}


def _shift_or_error(info: Info[Context, None], shift_id: strawberry.ID):
    shift = shifts_repo.get_for_org(info.context.db, info.context.org_id, int(shift_id))
    if shift is None:
        raise UserFacingError("Shift not found")
    return shift


async def _read_upload(file: Upload) -> bytes:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UserFacingError("File is larger than 5 MB.")
    return data


@strawberry.type
class Mutation:
    # --- volunteers ---------------------------------------------------------

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def sign_up_for_shift(self, info: Info[Context, None], shift_id: strawberry.ID) -> Signup:
        shift = _shift_or_error(info, shift_id)
        try:
            signup = shift_service.sign_up(info.context.db, shift, info.context.require_user())
        except shift_service.ShiftError as exc:
            raise UserFacingError(str(exc)) from exc
        return Signup.from_model(signup)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def cancel_signup(self, info: Info[Context, None], signup_id: strawberry.ID) -> Signup:
        db = info.context.db
        signup = db.get(ShiftSignup, int(signup_id))
        user = info.context.require_user()
        if signup is None or (signup.user_id != user.id and not user.is_coordinator):
            raise UserFacingError("Sign-up not found")
        shift = _shift_or_error(info, strawberry.ID(str(signup.shift_id)))
        signup = shift_service.cancel_signup(db, signup, shift)
        await info.context.arq.enqueue_job("promote_standby", shift.id)
        return Signup.from_model(signup)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def update_profile(self, info: Info[Context, None], input: ProfileInput) -> Volunteer:
        try:
            user = accounts.update_profile(
                info.context.db,
                info.context.require_user(),
                display_name=input.display_name,
                bio=input.bio,
                skills=input.skills,
                phone=input.phone,
            )
        except accounts.AccountError as exc:
            raise UserFacingError(str(exc)) from exc
        return Volunteer.from_model(user)

    # --- coordinators -------------------------------------------------------

    @strawberry.mutation(permission_classes=[IsCoordinator])
    def create_shift(self, info: Info[Context, None], input: ShiftInput) -> Shift:
        user = info.context.require_user()
        try:
            shift = shift_service.create_shift(
                info.context.db,
                org_id=user.org_id,
                created_by=user.id,
                title=input.title.strip(),
                starts_at=input.starts_at,
                ends_at=input.ends_at,
                capacity=input.capacity,
                location=input.location,
                notes=input.notes,
            )
        except shift_service.ShiftError as exc:
            raise UserFacingError(str(exc)) from exc
        return Shift.from_model(shift)

    @strawberry.mutation(permission_classes=[IsCoordinator])
    def update_shift(self, info: Info[Context, None], id: strawberry.ID, patch: ShiftPatch) -> Shift:
        shift = _shift_or_error(info, id)
        try:
            shift = shift_service.update_shift(info.context.db, shift, **strawberry.asdict(patch))
        except shift_service.ShiftError as exc:
            raise UserFacingError(str(exc)) from exc
        return Shift.from_model(shift)

    @strawberry.mutation(permission_classes=[IsCoordinator])
    async def upload_shift_attachment(
        self, info: Info[Context, None], shift_id: strawberry.ID, file: Upload
    ) -> Shift:
        shift = _shift_or_error(info, shift_id)
        suffix = Path(file.filename or "").suffix.lower()
        if suffix not in ATTACHMENT_SUFFIXES:
            raise UserFacingError("Attachments must be PDF or image files.")
        data = await _read_upload(file)
        relative = Path("attachments") / str(shift.org_id) / f"{secrets.token_hex(16)}{suffix}"
        target = settings.media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        shift.attachment_path = relative.as_posix()
        info.context.db.add(shift)
        info.context.db.commit()
        return Shift.from_model(shift)

    @strawberry.mutation(permission_classes=[IsCoordinator])
    async def invite_volunteers(
        self, info: Info[Context, None], emails: list[str], role: str = "volunteer"
    ) -> list[InviteResult]:
        user = info.context.require_user()
        if len(emails) > 100:
            raise UserFacingError("Invite at most 100 people at a time; use a roster upload for more.")
        try:
            created, skipped = invites.create_invites(info.context.db, user.org_id, emails, role, user.id)
        except ValueError as exc:
            raise UserFacingError(str(exc)) from exc
        for invite in created:
            await info.context.arq.enqueue_job("send_invite_email", invite.id)
        results = [InviteResult(email=i.email, invite_link=invites.invite_link(i)) for i in created]
        results += [InviteResult(email=e, skipped_reason=reason) for e, reason in skipped.items()]
        return results

    @strawberry.mutation(permission_classes=[IsCoordinator])
    async def upload_roster(self, info: Info[Context, None], file: Upload) -> bool:
        user = info.context.require_user()
        if not (file.filename or "").lower().endswith(".csv"):
            raise UserFacingError("Upload the roster as a CSV file.")
        data = await _read_upload(file)
        target = settings.media_root / "rosters" / f"{user.org_id}-{secrets.token_hex(8)}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        await info.context.arq.enqueue_job("import_roster", user.org_id, str(target), user.id)
        log.info("roster.uploaded", org_id=user.org_id, size=len(data))
        return True

    @strawberry.mutation(permission_classes=[IsCoordinator])
    async def request_hours_export(self, info: Info[Context, None], start: date, end: date) -> str:
        user = info.context.require_user()
        job = await info.context.arq.enqueue_job("generate_hours_export", user.org_id, start, end, user.id)
        if job is None:
            raise UserFacingError("An identical export is already running.")
        return job.job_id

    # --- org admins ---------------------------------------------------------

    @strawberry.mutation(permission_classes=[IsOrgAdmin])
    def update_organization(
        self,
        info: Info[Context, None],
        announcement: str | None = None,
        settings: JSON | None = None,
    ) -> Organization:
        db = info.context.db
        org = db.get(OrganizationModel, info.context.org_id)
        if org is None:
            raise UserFacingError("Organisation not found")
        if announcement is not None:
            org.announcement = announcement.strip() or None
        if settings:
            unknown = set(settings) - ORG_SETTING_KEYS
            if unknown:
                raise UserFacingError(f"Unknown setting(s): {', '.join(sorted(unknown))}")
            org.settings = {**org.settings, **settings}
        db.add(org)
        db.commit()
        db.refresh(org)
        return Organization.from_model(org)
