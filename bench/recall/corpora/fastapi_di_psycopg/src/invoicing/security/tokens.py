"""Access, refresh and invoice-share tokens (python-jose)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from jose import ExpiredSignatureError, JWTError, jwt

from invoicing.errors import AuthenticationFailed

ACCESS = "access"
REFRESH = "refresh"


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"


class TokenService:
    def __init__(
        self,
        secret: str,
        algorithm: str,
        access_ttl_minutes: int,
        refresh_ttl_days: int,
        share_audience: str,
    ) -> None:
        self._secret = secret
        self._algorithm = algorithm
        self._access_ttl = timedelta(minutes=access_ttl_minutes)
        self._refresh_ttl = timedelta(days=refresh_ttl_days)
        self._share_audience = share_audience

    def _encode(self, claims: dict) -> str:
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def issue_pair(self, user_id: UUID, tenant_id: UUID, role: str) -> TokenPair:
        now = datetime.now(UTC)
        access = self._encode(
            {
                "sub": str(user_id),
                "tid": str(tenant_id),
                "role": role,
                "type": ACCESS,
                "iat": now,
                "exp": now + self._access_ttl,
            }
        )
        refresh = self._encode(
            {
                "sub": str(user_id),
                "tid": str(tenant_id),
                "type": REFRESH,
                "jti": uuid4().hex,
                "iat": now,
                "exp": now + self._refresh_ttl,
            }
        )
        return TokenPair(access, refresh, int(self._access_ttl.total_seconds()))

    def decode_access(self, token: str) -> dict:
        try:
            claims = jwt.decode(token, self._secret, algorithms=[self._algorithm])
        except ExpiredSignatureError as exc:
            raise AuthenticationFailed("Token expired") from exc
        except JWTError as exc:
            raise AuthenticationFailed("Invalid token") from exc
        if claims.get("type") != ACCESS:
            raise AuthenticationFailed("Invalid token type")
        return claims

    def decode_refresh(self, token: str) -> dict:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[self._algorithm],
                options={"verify_exp": False},
            )
        except JWTError as exc:
            raise AuthenticationFailed("Invalid refresh token") from exc
        if claims.get("type") != REFRESH or "jti" not in claims:
            raise AuthenticationFailed("Invalid token type")
        return claims

    def issue_share_token(self, invoice_id: UUID, customer_id: UUID) -> str:
        claims = {"inv": str(invoice_id), "cus": str(customer_id), "aud": self._share_audience}
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def decode_share_token(self, token: str) -> tuple[UUID, UUID]:
        try:
            claims = jwt.decode(
                token, self._secret, algorithms=[self._algorithm], audience=self._share_audience
            )
        except JWTError as exc:
            raise AuthenticationFailed("Invalid share link") from exc
        return UUID(claims["inv"]), UUID(claims["cus"])
