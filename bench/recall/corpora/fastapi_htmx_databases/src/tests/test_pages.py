async def test_login_page_has_csrf_field(client):
    response = await client.get("/login")
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.text


async def test_post_without_csrf_is_rejected(client):
    response = await client.post("/account/profile", data={"display_name": "x"})
    assert response.status_code == 403
