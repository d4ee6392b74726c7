from django.contrib.auth.hashers import PBKDF2PasswordHasher


class TunedPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """
    PBKDF2 with an iteration count that suits the shop's single-vCPU droplet.

    With Django's default the login and checkout pages took close to a second
    under Saturday-morning load. Existing hashes are upgraded transparently on
    the next successful login because this hasher is listed first.
    """

    algorithm = "pbkdf2_sha256_tuned"
    iterations = 20_000
