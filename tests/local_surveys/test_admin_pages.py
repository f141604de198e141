"""The local surveys pages: upload, the instance folder, refused files, links and posters."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.local_surveys.models import LocalQuestionnaire, RefusedDefinition
from feedback.local_surveys.publishing import scan_questionnaire_folder
from tests.factories import make_location, make_user, sign_in
from tests.local_surveys.helpers import open_now, walk


def _upload(client, files: dict[str, str]):  # type: ignore[no-untyped-def]
    data = {"files": [(io.BytesIO(text.encode()), name) for name, text in files.items()]}
    return client.post("/local-surveys/publish", data=data, content_type="multipart/form-data")


def test_px_team_publishes_by_upload_and_sees_links_and_posters(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    response = _upload(client, open_now())
    assert response.headers["Location"].endswith("/local-surveys/ward-environment")
    page = client.get("/local-surveys/ward-environment").get_data(as_text=True)
    assert "Published ward-environment, version 1." in page
    assert f"/forms/ward-environment/at/{location.code}/" in page
    poster = client.get(f"/local-surveys/ward-environment/poster?location={location.code}")
    assert poster.status_code == 200 and "<svg" in poster.get_data(as_text=True)
    stored = client.get("/local-surveys/ward-environment/versions/1/questionnaire.toml")
    assert 'id = "ward-environment"' in stored.get_data(as_text=True)
    assert db.session.get(LocalQuestionnaire, "ward-environment").current.published_by_id


def test_a_refused_upload_says_which_line_and_publishes_nothing(client):
    sign_in(client, make_user(Role.PX_TEAM))
    files = open_now()
    files["questionnaire.toml"] = files["questionnaire.toml"].replace("version = 1", "version = ")
    line = files["questionnaire.toml"].splitlines().index("version = ") + 1
    response = _upload(client, files)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page
    assert f"questionnaire.toml, line {line}, column 11: Invalid value" in page
    assert db.session.scalar(select(LocalQuestionnaire)) is None


def test_an_upload_may_not_replace_a_built_in_questionnaire(client):
    sign_in(client, make_user(Role.ADMIN))
    page = _upload(client, open_now(**{'id = "ward-environment"': 'id = "fft"'})).get_data(
        as_text=True
    )
    assert "cannot be replaced" in page


def _drop(app, name: str, files: dict[str, str]) -> Path:  # type: ignore[no-untyped-def]
    folder = Path(app.instance_path) / "questionnaires" / name
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text)
    return folder


def test_a_bad_folder_is_listed_as_refused_and_the_others_keep_running(app, client, make_app):
    location = make_location()
    _drop(app, "ward-environment", open_now())
    bad = open_now("carers-event")
    bad["questionnaire.toml"] = bad["questionnaire.toml"].replace(
        'type = "single_choice"', 'type = "single_choice', 1
    )
    _drop(app, "carers-event", bad)
    line = bad["questionnaire.toml"].splitlines().index('type = "single_choice') + 1
    assert scan_questionnaire_folder() == 1
    db.session.commit()
    refusal = db.session.scalar(select(RefusedDefinition))
    assert refusal.folder == "carers-event" and refusal.message.startswith(
        f"questionnaire.toml, line {line}, column "
    )
    # A new process starts and serves the good questionnaire; the bad one is not there.
    fresh = make_app().test_client()
    walk(fresh, f"/forms/ward-environment/at/{location.code}", [("sleep", "always")])
    assert fresh.get("/forms/carers-event/").status_code == 404
    sign_in(client, make_user(Role.PX_TEAM))
    overview = client.get("/local-surveys/").get_data(as_text=True)
    assert "Refused folders" in overview and "carers-event" in overview
    assert f"line {line}, column" in overview


def test_fixing_the_file_publishes_it_and_clears_the_refusal(app, client):
    folder = _drop(app, "carers-event", {"questionnaire.toml": "id = \n"})
    sign_in(client, make_user(Role.PX_TEAM))
    client.post("/local-surveys/rescan")
    assert db.session.scalar(select(RefusedDefinition)) is not None
    (folder / "questionnaire.toml").write_text(open_now("carers-event")["questionnaire.toml"])
    page = client.post("/local-surveys/rescan", follow_redirects=True).get_data(as_text=True)
    assert "1 published or updated, 0 refused" in page
    assert db.session.scalar(select(RefusedDefinition)) is None
    assert client.get("/forms/carers-event/").status_code == 200


def test_a_folder_must_be_named_after_its_id(app):
    _drop(app, "my-survey", open_now())
    scan_questionnaire_folder()
    assert "name the folder after the id" in db.session.scalar(select(RefusedDefinition.message))


def test_a_folder_that_is_gone_is_no_longer_listed(app):
    folder = _drop(app, "broken", {"questionnaire.toml": "["})
    scan_questionnaire_folder()
    (folder / "questionnaire.toml").unlink()
    folder.rmdir()
    scan_questionnaire_folder()
    assert db.session.scalar(select(RefusedDefinition)) is None


def test_the_scan_command_publishes_and_lists_refusals(app, runner):
    _drop(app, "ward-environment", open_now())
    _drop(app, "broken", {"questionnaire.toml": "id = 'broken'\nversion = 1\n"})
    result = runner.invoke(args=["local-surveys", "scan"])
    assert "Published 1 new or changed questionnaire versions." in result.output
    assert "Refused broken: questionnaire.toml: kind must be one of" in result.output
