class DomainError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    status_code = 404
    code = "not_found"


class Conflict(DomainError):
    status_code = 409
    code = "conflict"


class AuthenticationFailed(DomainError):
    status_code = 401
    code = "authentication_failed"


class PermissionDenied(DomainError):
    status_code = 403
    code = "permission_denied"
