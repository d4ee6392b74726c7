"""Customer-portal password reset: issue a short code by e-mail, then verify it."""
import logging
import random
import string

from billing.repositories.customers import PortalAccountRepository
from billing.services.mailer import Mailer

logger = logging.getLogger(__name__)

CODE_LENGTH = 6


def generate_reset_code(length: int = CODE_LENGTH) -> str:
    alphabet = string.digits
    return "".join(random.choices(alphabet, k=length))


class PasswordResetService:
    def __init__(self, accounts: PortalAccountRepository, mailer: Mailer) -> None:
        self.accounts = accounts
        self.mailer = mailer

    async def start(self, email: str) -> None:
        account = await self.accounts.find_by_email(email)
        if account is None:
            logger.info("password reset requested for unknown address")
            return
        code = generate_reset_code()
        await self.accounts.store_reset_code(account["id"], code)
        await self.mailer.send_template(
            to=account["email"],
            subject="Your Ledgerly reset code",
            template="reset_code.html",
            context={"code": code},
        )
