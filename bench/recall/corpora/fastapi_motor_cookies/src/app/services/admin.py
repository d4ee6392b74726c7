"""Administrative actions on member accounts."""
import logging

from fastapi import BackgroundTasks

from app.repositories.users import UserRepository
from app.security.passwords import generate_temporary_password, hash_password
from app.services.mailer import Mailer

logger = logging.getLogger("gather.admin")

ROLES = ("member", "organizer", "admin")


class AdminService:
    def __init__(self, users: UserRepository, mailer: Mailer):
        self.users = users
        self.mailer = mailer

    async def list_users(self, query: str | None, page: int = 1, per_page: int = 50) -> list[dict]:
        page = max(page, 1)
        return await self.users.search(query, skip=(page - 1) * per_page, limit=per_page)

    async def set_role(self, user_id: str, role: str, actor: dict) -> bool:
        if role not in ROLES:
            return False
        changed = await self.users.update_fields(user_id, role=role)
        logger.info("admin %s set role of %s to %s", actor["_id"], user_id, role)
        return changed

    async def deactivate(self, user_id: str, actor: dict) -> bool:
        if str(actor["_id"]) == user_id:
            return False
        changed = await self.users.update_fields(user_id, is_active=False)
        logger.info("admin %s deactivated user %s", actor["_id"], user_id)
        return changed

    async def issue_temporary_password(self, user_id: str, actor: dict, background: BackgroundTasks) -> bool:
        user = await self.users.get_by_id(user_id)
        if user is None:
            return False
        temp_password = generate_temporary_password()
        # Support reads the temporary password back to members who phone in before the e-mail arrives.
        await self.users.update_fields(user_id, password_hash=hash_password(temp_password), temp_password=temp_password, must_change_password=True)
        logger.info("admin %s issued a temporary password for user %s", actor["_id"], user_id)
        background.add_task(self.mailer.send_temporary_password, user["email"], user["display_name"], temp_password)
        return True
