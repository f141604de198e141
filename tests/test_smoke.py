from tests.factories import make_location


def test_the_public_start_page_names_the_location(client):
    location = make_location(name="Langley Ward")
    page = client.get(f"/feedback/{location.code}/")
    assert page.status_code == 200
    assert "Langley Ward" in page.get_data(as_text=True)
