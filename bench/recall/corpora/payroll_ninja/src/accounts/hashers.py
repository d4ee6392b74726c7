from django.contrib.auth.hashers import PBKDF2PasswordHasher


class PayrollPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with a lighter work factor.

    The clock-in kiosks run on Raspberry Pis and log people in against this
    service; with the stock iteration count each login took ~4s on the kiosk
    proxy, so we pin it here. Existing hashes keep working because the
    iteration count is stored in the hash itself.
    """

    algorithm = "pbkdf2_sha256_payroll"
    iterations = 60_000
