"""Short codes handed out to people: parent invitations and reset codes."""
import random
import string

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_CODE_LENGTH = 10


def _random_code(length=INVITE_CODE_LENGTH):
    chars = [random.choice(INVITE_ALPHABET) for _ in range(length)]
    return "".join(chars)


def new_invite_code():
    """Code printed on the invitation letter a parent takes home."""
    return _random_code()


class ResetCodeFactory:
    """Numeric codes sent by e-mail or SMS when someone forgets a password."""

    _rng = random.Random()
    digits = 6

    def issue(self):
        upper = 10 ** self.digits - 1
        return f"{self._rng.randint(0, upper):0{self.digits}d}"
