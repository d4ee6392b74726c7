import pytest

from forum.security import passwords, tokens


def test_hash_and_verify():
    stored = passwords.hash_password("correct horse battery")
    ok, new_hash = passwords.verify_password("correct horse battery", stored)
    assert ok
    assert new_hash is None


def test_wrong_password():
    stored = passwords.hash_password("correct horse battery")
    ok, _ = passwords.verify_password("Tr0ub4dor&3", stored)
    assert not ok


def test_unknown_user_is_not_ok():
    assert passwords.verify_password("whatever-long", None) == (False, None)


@pytest.mark.parametrize("raw", ["short", "1234567890123", "ada_lovelace99"])
def test_policy_rejects(raw):
    with pytest.raises(passwords.PasswordPolicyError):
        passwords.check_policy(raw, username="ada_lovelace")


def test_api_key_digest_is_stable():
    raw, digest = tokens.new_api_key()
    assert raw.startswith("fk_")
    assert tokens.digest_api_key(raw) == digest
