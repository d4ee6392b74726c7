import pytest

from kiosk import passwords


def test_round_trip():
    stored = passwords.hash_password("correct horse 42")
    assert stored.startswith("pbkdf2_sha256$")
    assert passwords.verify_password("correct horse 42", stored)
    assert not passwords.verify_password("correct horse 43", stored)


def test_salts_differ():
    assert passwords.hash_password("same password 1") != passwords.hash_password("same password 1")


def test_garbage_hash_rejected():
    assert not passwords.verify_password("anything", "")
    assert not passwords.verify_password("anything", "md5$abc")


def test_rehash_when_iterations_raised():
    stored = passwords.hash_password("correct horse 42", iterations=1000)
    assert passwords.needs_rehash(stored)


@pytest.mark.parametrize("pw", ["short1", "onlyletterslong", "12345678901"])
def test_weak_passwords(pw):
    with pytest.raises(passwords.WeakPassword):
        passwords.check_strength(pw)
