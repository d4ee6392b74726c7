from chalicelib.services.rides import format_address
from chalicelib.services.stations import StationService, etag_for


def test_etag_is_stable():
    payload = [{"station_id": "st-1", "name": "Dam"}]
    assert etag_for(payload) == etag_for(list(payload))


def test_map_embed_escapes_coordinates():
    station = {"lat": '52.37"><script>', "lng": "4.89"}
    embed = StationService(repo=object()).map_embed(station)
    assert "<script>" not in embed


def test_address_lines_are_escaped():
    address = format_address({"name": "<b>Dam</b>", "street": "Damrak 1", "city": "Amsterdam"})
    assert "&lt;b&gt;" in address
    assert address.count("<br>") == 2


def test_station_list_is_public(client, aws):
    aws.Table("bikeshare-stations-dev").put_item(
        Item={"pk": "STATION#st-1", "sk": "META", "station_id": "st-1", "name": "Dam",
              "city": "Amsterdam", "zone": "centrum", "lat": 52, "lng": 4, "capacity": 20,
              "bikes_available": 5}
    )
    response = client.http.get("/stations")
    assert response.status_code == 200
    assert response.json_body["stations"][0]["station_id"] == "st-1"
    assert "ETag" in response.headers
