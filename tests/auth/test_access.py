"""Every route, with every role and with no sign-in, gets exactly what it should."""

from __future__ import annotations

import re

import pytest

from feedback.auth.access import PUBLIC
from feedback.auth.models import Role
from feedback.complaints.models import CategoryList
from feedback.kiosks.services import kiosk_token
from tests.factories import make_kiosk, make_location, make_response, make_user, sign_in

A, PX, SM, PC = Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER, Role.PEOPLES_COUNCIL
PI = Role.PEER_INTERVIEWER  # not staff: their own page and the assisted PROM, nothing else
FEEDBACK_STAFF = {A, PX, SM}
EVERYONE = None  # public: no sign-in needed

# (method, url template, who may use it). {loc}, {other}, {kiosk}, {token}, {user}, {service},
# {response} and {month} are filled from data the test makes. The service manager manages
# {loc}'s service only, so {other} and its responses are hidden from them (404).
ROUTES = [
    ("GET", "/", EVERYONE),
    ("GET", "/feedback/{loc}/", EVERYONE),
    ("GET", "/kiosk/{token}/", EVERYONE),
    ("GET", "/auth/sign-in", EVERYONE),
    ("GET", "/staff/", {A, PX, SM, PC}),
    ("GET", "/staff/summary", {A, PX, SM, PC}),
    ("GET", "/responses/", FEEDBACK_STAFF),
    ("GET", "/responses/{loc}/{month}", FEEDBACK_STAFF),
    ("GET", "/responses/view/{response}", FEEDBACK_STAFF),
    ("GET", "/responses/paper/new", FEEDBACK_STAFF),
    ("GET", "/kiosks/", FEEDBACK_STAFF),
    ("GET", "/kiosks/{kiosk}", FEEDBACK_STAFF),
    ("GET", "/locations/", FEEDBACK_STAFF),
    ("GET", "/locations/{loc}/poster", FEEDBACK_STAFF),
    ("GET", "/admin/organisation/", {A}),
    ("GET", "/admin/organisation/services/new", {A}),
    ("GET", "/admin/organisation/services/{service}", {A}),
    ("GET", "/admin/organisation/locations/new", {A}),
    ("GET", "/admin/organisation/locations/{loc}", {A}),
    ("GET", "/admin/users/", {A}),
    ("GET", "/admin/users/invite", {A}),
    ("GET", "/admin/users/{user}", {A}),
    ("POST", "/admin/users/{user}/enabled", {A}),
    ("POST", "/admin/users/{user}/unlock", {A}),
    # Two-step sign-in: each admin's and px team member's own pages (set-up is started for
    # them in the world, so its page renders; the others redirect while it is off).
    ("GET", "/auth/account/security/", {A, PX}),
    ("GET", "/auth/account/security/set-up", {A, PX}),
    ("POST", "/auth/account/security/set-up", {A, PX}),
    ("POST", "/auth/account/security/start", {A, PX}),
    ("GET", "/auth/account/security/recovery-codes", {A, PX}),
    ("POST", "/auth/account/security/recovery-codes", {A, PX}),
    ("GET", "/auth/account/security/turn-off", {A, PX}),
    ("POST", "/auth/account/security/turn-off", {A, PX}),
    ("GET", "/admin/users/{user}/second-factor/reset", {A}),
    ("POST", "/admin/users/{user}/second-factor/reset", {A}),
    ("POST", "/admin/organisation/services/{service}/retired", {A}),
    ("POST", "/admin/organisation/locations/{loc}/retired", {A}),
    ("POST", "/kiosks/{kiosk}/revoke", FEEDBACK_STAFF),
    ("GET", "/forms/complaint/", EVERYONE),
    ("GET", "/complaints/", FEEDBACK_STAFF),
    ("GET", "/complaints/?list=overdue", FEEDBACK_STAFF),
    ("GET", "/complaints/new", FEEDBACK_STAFF),
    ("GET", "/complaints/case/{case}", FEEDBACK_STAFF),
    ("GET", "/complaints/case/{case}/close", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/move", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/note", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/extension", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/assign", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/escalate", FEEDBACK_STAFF),
    ("POST", "/complaints/case/{case}/close", FEEDBACK_STAFF),
    ("GET", "/complaints/compliments/", FEEDBACK_STAFF),
    ("GET", "/complaints/compliments/new", FEEDBACK_STAFF),
    ("GET", "/complaints/figures/", {A, PX}),
    ("GET", "/complaints/figures/?period=quarter&year=2024&quarter=3", {A, PX}),
    ("GET", "/complaints/figures/ko41a.csv?year=2024", {A, PX}),
    ("GET", "/complaints/review-packs/", {A, PX}),
    ("GET", "/complaints/review-packs/{pack}", {A, PX}),
    ("GET", "/peer-review/", {A, PX, PC}),
    ("GET", "/peer-review/{pack}", {A, PX, PC}),
    ("GET", "/admin/complaints/ko41a", {A}),
    ("GET", "/admin/audit/", {A}),
    ("GET", "/admin/audit/export.csv", {A}),
    ("GET", "/admin/retention/", {A}),
    ("POST", "/admin/retention/dry-run", {A}),
    ("POST", "/admin/retention/apply", {A}),
    ("POST", "/admin/complaints/ko41a/{category}/active", {A}),
    ("POST", "/complaints/review-packs/{pack}/closed", {A, PX}),
    ("GET", "/outbox/", {A, PX}),
    ("GET", "/outbox/{message}", {A, PX}),
    ("GET", "/metrics/imports/", {A, PX}),
    ("GET", "/metrics/imports/eligible/sample.csv", {A, PX}),
    ("GET", "/metrics/imports/legacy/sample.csv", {A, PX}),
    ("GET", "/metrics/imports/eligible/upload", {A, PX}),
    ("GET", "/metrics/imports/legacy/upload", {A, PX}),
    ("POST", "/metrics/imports/eligible/upload", {A, PX}),
    ("POST", "/metrics/imports/legacy/upload", {A, PX}),
    ("POST", "/metrics/imports/eligible/confirm", {A, PX}),
    ("POST", "/metrics/imports/legacy/confirm", {A, PX}),
    ("GET", "/admin/api-clients/", {A}),
    ("GET", "/admin/api-clients/new", {A}),
    ("GET", "/admin/api-clients/{api_client}/revoke", {A}),
    ("POST", "/admin/api-clients/new", {A}),
    ("POST", "/admin/api-clients/{api_client}/revoke", {A}),
    ("GET", "/targets/", {A, PX}),
    ("GET", "/targets/{target}", {A, PX}),
    ("GET", "/targets/{target}/edit", {A}),
    ("GET", "/targets/{target}/baselines", {A}),
    ("POST", "/targets/{target}/edit", {A}),
    ("POST", "/targets/{target}/baselines", {A}),
    ("GET", "/reports/fft-return/", {A, PX}),
    ("GET", "/reports/fft-return/{month}/{setting}.csv", {A, PX}),
    ("POST", "/reports/fft-return/{month}/{setting}/sent", {A, PX}),
    ("GET", "/themes/", {A, PX}),
    ("GET", "/themes/review", {A, PX}),
    ("GET", "/themes/comments/{comment}", {A, PX}),
    ("POST", "/themes/comments/{comment}", {A, PX}),
    ("POST", "/themes/comments/{comment}/reviewed", {A, PX}),
    ("POST", "/themes/comments/{comment}/urgent", {A, PX}),
    ("GET", "/themes/urgent/", {A, PX}),
    ("GET", "/themes/urgent/{alert}", {A, PX}),
    ("POST", "/themes/urgent/{alert}", {A, PX}),
    ("GET", "/admin/themes/", {A}),
    ("GET", "/admin/themes/new", {A}),
    ("POST", "/admin/themes/new", {A}),
    ("GET", "/admin/themes/{theme}", {A}),
    ("POST", "/admin/themes/{theme}", {A}),
    ("GET", "/admin/themes/models", {A}),
    ("GET", "/admin/themes/models/{model}", {A}),
    ("POST", "/admin/themes/models/{model}/activate", {A}),
    ("POST", "/admin/themes/models/train", {A}),
    ("GET", "/admin/themes/training", {A}),
    ("POST", "/admin/themes/training", {A}),
    ("GET", "/dashboard/", {A, PX, SM}),
    ("GET", "/dashboard/trust", {A, PX}),
    ("GET", "/dashboard/{directorate_level}/{directorate}", {A, PX}),
    ("GET", "/dashboard/{service_level}/{service}", {A, PX, SM}),
    ("GET", "/dashboard/location/{loc_id}", {A, PX, SM}),
    ("GET", "/dashboard/{service_level}/{service}/{export_name}.{export_kind}", {A, PX, SM}),
    ("GET", "/dashboard/service/{service}/trend.xlsx", {A, PX, SM}),
    ("GET", "/dashboard/trust/{trust}/breakdown.csv", {A, PX}),
    ("GET", "/dashboard/warnings/", {A, PX}),
    ("GET", "/dashboard/warnings/{warning}", {A, PX}),
    ("POST", "/dashboard/warnings/{warning}", {A, PX}),
    ("GET", "/council/", {A, PX, PC}),
    ("GET", "/council/?easy_read=no", {A, PX, PC}),
    ("GET", "/council/print", {A, PX, PC}),
    ("GET", "/council/quotes", {A, PX}),
    ("GET", "/council/quotes/comment/{comment}", {A, PX}),
    ("POST", "/council/quotes/comment/{comment}", {A, PX}),
    ("POST", "/council/quotes/{quote}/remove", {A, PX}),
    ("GET", "/actions/", {A, PX, SM}),
    ("GET", "/actions/new", {A, PX}),
    ("POST", "/actions/new", {A, PX}),
    ("GET", "/actions/{action}", {A, PX, SM}),
    ("POST", "/actions/{action}", {A, PX}),
    ("GET", "/actions/posters/{loc}", {A, PX, SM}),
    ("GET", "/sms/", {A, PX}),
    ("GET", "/sms/conversations/{sms_conversation}", {A, PX}),
    ("GET", "/sms/test-phone", {A, PX}),
    ("POST", "/sms/test-phone", {A, PX}),
    ("GET", "/sms/invites", {A, PX}),
    ("POST", "/sms/invites", {A, PX}),
    ("POST", "/sms/invites/confirm", {A, PX}),
    ("GET", "/sms/invites/sample.csv", {A, PX}),
    ("GET", "/local-surveys/", {A, PX}),
    ("GET", "/local-surveys/publish", {A, PX}),
    ("POST", "/local-surveys/publish", {A, PX}),
    ("POST", "/local-surveys/rescan", {A, PX}),
    ("GET", "/local-surveys/{local}", {A, PX}),
    ("GET", "/local-surveys/{local}/versions/{version}/questionnaire.toml", {A, PX}),
    ("GET", "/local-surveys/{local}/poster?location={loc}", {A, PX}),
    ("GET", "/forms/{local}/at/{loc}/", EVERYONE),
    ("GET", "/results/", FEEDBACK_STAFF),
    ("GET", "/results/fft/v1", FEEDBACK_STAFF),
    ("GET", "/results/{local}/v{version}", FEEDBACK_STAFF),
    ("GET", "/results/{local}/v{version}.csv", FEEDBACK_STAFF),
    ("GET", "/results/{local}/v{version}-answers.csv", FEEDBACK_STAFF),
    ("GET", "/exports/fhir/Questionnaire/{local}.json", {A, PX}),
    ("GET", "/exports/fhir/QuestionnaireResponse/{response}.json", {A, PX}),
    ("GET", "/admin/jobs/", {A}),
    ("GET", "/admin/jobs/{job}", {A}),
    ("POST", "/admin/jobs/{job}/run", {A}),
    ("GET", "/prom/", EVERYONE),
    ("GET", "/prom/code/{prom_code}", EVERYONE),
    ("GET", "/forms/care-plan-prom/?invite={prom_code}", EVERYONE),
    ("GET", "/prom/offers/", FEEDBACK_STAFF),
    ("GET", "/prom/offers/new", FEEDBACK_STAFF),
    ("POST", "/prom/offers/new", FEEDBACK_STAFF),
    ("GET", "/prom/offers/{prom_offer}", FEEDBACK_STAFF),
    ("POST", "/prom/offers/{prom_offer}/start", FEEDBACK_STAFF),
    ("GET", "/prom/offers/{prom_offer}/slip", FEEDBACK_STAFF),
    ("GET", "/prom/figures/", FEEDBACK_STAFF),
    ("GET", "/prom/figures/?by=service", FEEDBACK_STAFF),
    ("GET", "/prom/figures/export.csv", FEEDBACK_STAFF),
    ("GET", "/prom/peers/", {A}),
    ("GET", "/prom/peers/{peer_user}", {A}),
    ("POST", "/prom/peers/{peer_user}", {A}),
    ("GET", "/prom/peer/", {PI}),
    ("GET", "/prom/peer/wards/{loc_id}", {PI}),
    ("POST", "/prom/peer/wards/{loc_id}", {PI}),
    ("GET", "/staff-survey/", EVERYONE),
    ("GET", "/forms/staff-pulse/", EVERYONE),
    ("GET", "/staff-survey/results/", FEEDBACK_STAFF),
    ("GET", "/staff-survey/results/?window={staff_window}", FEEDBACK_STAFF),
    ("GET", "/staff-survey/results/{staff_window}/{staff_table}.csv", FEEDBACK_STAFF),
    ("GET", "/admin/staff-survey/", {A}),
    ("GET", "/admin/staff-survey/new", {A}),
    ("POST", "/admin/staff-survey/new", {A}),
    ("GET", "/admin/staff-survey/{staff_window}", {A}),
    ("POST", "/admin/staff-survey/{staff_window}", {A}),
]
HIDDEN_FROM_SERVICE_MANAGER = [
    "/responses/{other}/{month}",
    "/locations/{other}/poster",
    "/kiosks/{other_kiosk}",
    "/complaints/case/{other_case}",
    "/complaints/case/{other_case}/close",
    "/dashboard/service/{other_service}",
    "/dashboard/location/{other_loc_id}",
    "/dashboard/service/{other_service}/breakdown.csv",
    "/actions/{other_action}",
    "/actions/posters/{other}",
    "/prom/offers/{other_prom_offer}",
    "/prom/offers/{other_prom_offer}/slip",
]
# A peer interviewer is assigned to {loc}'s ward only.
HIDDEN_FROM_PEER_INTERVIEWER = ["/prom/peer/wards/{other_loc_id}"]


def build_route_world(secret_key: str) -> tuple[dict[Role, object], dict[str, object]]:
    """A user for each role and the data every URL template in ROUTES needs (also used by the
    browser walk of every staff page). The service manager manages {loc}'s service only."""
    from datetime import date

    from feedback.auth.api_clients import create_api_client
    from feedback.auth.second_factor import start_set_up
    from feedback.complaints import review
    from feedback.complaints.models import Outcome
    from feedback.complaints.services import list_categories
    from feedback.extensions import db
    from feedback.notifications.models import EmailMessage, MessageStatus
    from tests.complaints.test_case_work import make_case
    from tests.complaints.test_figures import _respond_and_close
    from tests.prom.helpers import prom_route_world

    location = make_location()
    other = make_location()
    px = make_user(Role.PX_TEAM)  # the subject of the user pages, not one who signs in
    kiosk = make_kiosk(location, px)
    other_kiosk = make_kiosk(other, px)
    response = make_response(location, comment="Kind staff")
    make_response(other)
    users = {role: make_user(role) for role in Role}
    users[Role.SERVICE_MANAGER].services = [location.service]
    case = make_case(location.service)
    other_case = make_case(other.service)
    closed = make_case(location.service, received_on=date(2024, 5, 1))
    _respond_and_close(
        closed, px, date(2024, 6, 5), Outcome.PARTLY_UPHELD, ["Communications"], "18 to 64"
    )
    pack = review.create_pack("Discharge complaints", by=px)
    review.add_case(pack, closed)
    review.record_learning(pack, "Families want to hear sooner", by=users[Role.PEOPLES_COUNCIL])
    message = EmailMessage(
        to="a@example.com", subject="s", body="b", reference="r", status=MessageStatus.OUTBOX
    )
    db.session.add(message)
    api_client, _key = create_api_client("Patient record system", px.email)
    for setting_up in (px, users[Role.ADMIN], users[Role.PX_TEAM]):
        start_set_up(setting_up)  # a QR code to show; signing in still needs only a password
    db.session.commit()
    comment, alert, theme, model = _themes_world()
    warning, quote = _dashboard_world(location, comment, px)
    action, other_action = _actions_world(location, other, px)
    prom = prom_route_world(location, other, px, users[Role.PEER_INTERVIEWER])
    values = {
        "loc": location.code,
        "other": other.code,
        "kiosk": kiosk.id,
        "other_kiosk": other_kiosk.id,
        "token": kiosk_token(kiosk, secret_key),
        "user": px.id,
        "service": location.service_id,
        "response": response.id,
        "month": response.submitted_month.strftime("%Y-%m"),
        "case": case.reference,
        "other_case": other_case.reference,
        "message": message.id,
        "pack": pack.id,
        "category": list_categories(CategoryList.SUBJECT)[0].id,
        "api_client": api_client.id,
        "target": "fft-response-rate",
        "setting": "inpatient",
        "job": "journey-sweep",
        "comment": comment,
        "alert": alert,
        "theme": theme,
        "model": model,
        "loc_id": location.id,
        "other_loc_id": other.id,
        "other_service": other.service_id,
        "directorate": location.service.directorate_id,
        "trust": location.service.directorate.trust_id,
        "directorate_level": "directorate",
        "service_level": "service",
        "export_name": "breakdown",
        "export_kind": "csv",
        "warning": warning,
        "quote": quote,
        "action": action,
        "other_action": other_action,
        "sms_conversation": _sms_world(location),
        "local": _local_surveys_world(),
        "version": 1,
        **prom,
        "staff_window": _staff_survey_world(location),
        "staff_table": "directorate",
    }
    return users, values


def _staff_survey_world(location) -> int:  # type: ignore[no-untyped-def]
    """A staff survey window whose results are final, with answers and a comment."""
    from datetime import date

    from feedback.extensions import db
    from feedback.staff_survey.models import (
        StaffPulseComment,
        StaffPulseResponse,
        StaffSurveyWindow,
    )

    window = StaffSurveyWindow(
        name="Q1 2026/27", opens_on=date(2026, 4, 6), closes_on=date(2026, 4, 26)
    )
    db.session.add(window)
    db.session.flush()
    directorate = location.service.directorate_id
    for n in range(24):
        db.session.add(
            StaffPulseResponse(
                window_id=window.id,
                item_1=1 + n % 5,
                item_8=1 + n % 5,
                item_9=5,
                directorate_id=directorate if n < 20 else None,
                staff_group="nursing",
                ethnicity="white" if n < 16 else "asian",
                disability="no",
            )
        )
    db.session.add(
        StaffPulseComment(id=4242, window_id=window.id, text="Short of staff.", language="en")
    )
    db.session.commit()
    return window.id


def _themes_world() -> tuple[int, int, int, int]:
    """A tagged comment with an open urgent alert, a theme, and a stored model version."""
    from sqlalchemy import select

    from feedback.extensions import db
    from feedback.themes.models import Comment, ModelVersion, Theme, UrgentAlert
    from feedback.themes.tagging import collect_and_tag

    collect_and_tag()
    comment = db.session.scalars(select(Comment).order_by(Comment.id)).first()
    alert = UrgentAlert(comment_id=comment.id, concerns=["self-harm"], phrases=["test"])
    # A stored version that no page loads: choosing it only marks it active.
    model = ModelVersion(
        trigger="test",
        training_comments=0,
        evaluation={"per_theme": {}, "n_train": 0, "n_test": 0},
        macro_f1=0,
        micro_f1=0,
        sentiment_accuracy=0,
        decision="",
        payload=b"",
        size_bytes=0,
    )
    db.session.add_all([alert, model])
    db.session.commit()
    theme = db.session.scalar(select(Theme.id).order_by(Theme.position).limit(1))
    return comment.id, alert.id, theme, model.id


def _sms_world(location) -> int:  # type: ignore[no-untyped-def]
    """A text conversation on {loc}'s ward, started through the real invite job."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from feedback.db import trust_today
    from feedback.extensions import db
    from feedback.sms.invites import InviteRow, check_rows, save_invites, send_waiting_invites
    from feedback.sms.models import SmsConversation

    rows = [InviteRow("Row 1", location.code, "07700 900999", trust_today().isoformat())]
    check_rows(rows, trust_today())
    save_invites(rows, "access test")
    send_waiting_invites(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))  # inside the window
    db.session.commit()
    return db.session.scalars(select(SmsConversation.id).order_by(SmsConversation.id)).first()


def _local_surveys_world() -> str:
    """A published team survey, open now, about one ward or team at a time."""
    from tests.local_surveys.helpers import publish_example

    return publish_example("ward-environment").questionnaire_id


def _actions_world(location, other, by) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A done action on {loc}'s ward (the service manager's service) and one on {other}'s."""
    from feedback.actions.models import ActionStatus
    from feedback.actions.services import ActionInput, create_action
    from feedback.db import trust_today
    from feedback.extensions import db

    def on(where):  # type: ignore[no-untyped-def]
        return create_action(
            ActionInput(
                said="The food was cold.",
                did="We bought heated trolleys.",
                by_whom="Ward manager",
                status=ActionStatus.DONE,
                action_on=trust_today(),
                location_id=where.id,
            ),
            by=by,
            today=trust_today(),
        )

    mine, theirs = on(location), on(other)
    db.session.commit()
    return mine.id, theirs.id


def _dashboard_world(location, comment: int, px) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """An open early warning on {loc}, and a quote approved for the People's Council."""
    from feedback.dashboard.council import CouncilQuote
    from feedback.dashboard.periods import quarter_from_args
    from feedback.dashboard.warnings import EarlyWarning
    from feedback.db import trust_today
    from feedback.extensions import db

    warning = EarlyWarning(
        measure="fft_percent_positive",
        level="location",
        unit_id=location.id,
        month=trust_today().replace(day=1),
        value=40.0,
        rules="shift",
    )
    quarter = quarter_from_args(None, trust_today())
    quote = CouncilQuote(
        quarter_start=quarter.first, comment_id=comment, text="Kind staff", approved_by_id=px.id
    )
    db.session.add_all([warning, quote])
    db.session.commit()
    return warning.id, quote.id


@pytest.fixture
def world(app):
    return build_route_world(app.config["SECRET_KEY"])


def _shape(path: str) -> str:
    return re.sub(r"<[^>]+>|\{[^}]+\}", "{}", path.split("?")[0])


def test_every_route_is_public_by_intent_or_in_the_table(app):
    tabled = {_shape(url) for _, url, _ in ROUTES}
    for rule in app.url_map.iter_rules():
        blueprint = (
            app.blueprints.get(rule.endpoint.rsplit(".", 1)[0]) if "." in rule.endpoint else None
        )
        access = getattr(
            blueprint, "access", PUBLIC if rule.endpoint in ("static", "assets") else None
        )
        assert access is not None, f"{rule.rule} declares no access rule"
        if access != PUBLIC:
            assert _shape(rule.rule) in tabled, f"{rule.rule} needs a row in ROUTES"


@pytest.mark.parametrize("role", [None, *Role])
def test_each_role_gets_exactly_what_it_should(client, world, role):
    users, values = world
    if role is not None:
        sign_in(client, users[role])
    for method, template, allowed in ROUTES:
        url = template.format(**values)
        response = client.open(url, method=method)
        if allowed is EVERYONE or (role is not None and role in allowed):
            # An empty POST to a case form is refused as incomplete (400), not as forbidden.
            allowed_codes = (200, 302, 400) if method == "POST" else (200, 302)
            assert response.status_code in allowed_codes, (
                f"{role} {method} {url}: {response.status_code}"
            )
            if response.status_code == 302:
                assert "/auth/sign-in" not in response.headers["Location"], f"{role} {url}"
        elif role is None:
            assert response.status_code == 302, f"anonymous {url}: {response.status_code}"
            assert "/auth/sign-in" in response.headers["Location"]
        else:
            assert response.status_code == 403, f"{role} {method} {url}: {response.status_code}"


def test_a_service_manager_sees_only_their_own_services(client, world):
    users, values = world
    sign_in(client, users[Role.SERVICE_MANAGER])
    for template in HIDDEN_FROM_SERVICE_MANAGER:
        assert client.get(template.format(**values)).status_code == 404, template
    listing = client.get("/responses/?month=" + values["month"]).get_data(as_text=True)
    assert values["loc"] in listing and values["other"] not in listing


def test_a_peer_interviewer_reaches_only_their_own_wards(client, world):
    users, values = world
    sign_in(client, users[Role.PEER_INTERVIEWER])
    for template in HIDDEN_FROM_PEER_INTERVIEWER:
        assert client.get(template.format(**values)).status_code == 404, template
    assert client.get("/prom/peer/wards/{loc_id}".format(**values)).status_code == 200
