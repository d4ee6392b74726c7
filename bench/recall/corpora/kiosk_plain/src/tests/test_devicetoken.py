import pytest

from kiosk import devicetoken


def test_issue_and_verify():
    token = devicetoken.issue(7, "foyer", scopes=("print",))
    claims = devicetoken.verify(token)
    assert claims["dev"] == 7
    assert devicetoken.has_scope(claims, "print")
    assert not devicetoken.has_scope(claims, "sell")


def test_tampered_payload_rejected():
    token = devicetoken.issue(7, "foyer")
    body, sig = token.split(".")
    other = devicetoken.issue(8, "foyer").split(".")[0]
    with pytest.raises(devicetoken.InvalidToken):
        devicetoken.verify(other + "." + sig)


def test_other_key_rejected(monkeypatch):
    token = devicetoken.issue(7, "foyer")
    monkeypatch.setattr(devicetoken.config, "DEVICE_TOKEN_KEY", "another-key")
    with pytest.raises(devicetoken.InvalidToken):
        devicetoken.verify(token)


def test_malformed():
    with pytest.raises(devicetoken.InvalidToken):
        devicetoken.verify("not-a-token")
