"""The NHS England monthly FFT return: preview, download, and a record of what was sent."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics import fft_return
from feedback.metrics.calendar import add_months
from feedback.organisation.models import CareSetting
from feedback.web import parse_month

bp = restricted_to(
    Blueprint("fft_return", __name__, url_prefix="/reports/fft-return"),
    [Role.ADMIN, Role.PX_TEAM],
)
SETTINGS_BY_FILE = {name: setting for setting, name in fft_return.SETTING_FILES.items()}


def _months(today: date, count: int = 24) -> list[date]:
    return [add_months(today.replace(day=1), -n) for n in range(count)]


def _default_month(today: date) -> date:
    """Last month: the one a return is being made for."""
    return _months(today, 2)[1]


def _month_or_404(text: str) -> date:
    return parse_month(text) or abort(404)


@bp.app_template_global("fft_file_name")
def _file_name(month: date, setting: CareSetting) -> str:
    return fft_return.file_name(month, setting)


@bp.get("/")
def show_return() -> ResponseReturnValue:
    today = trust_today()
    month = parse_month(request.args.get("month")) or _default_month(today)
    rows = fft_return.return_rows(month)
    csvs = {s: fft_return.render_csv(month, s, rows[s]) for s in CareSetting}
    sent = fft_return.sent_returns(month)
    working_day = current_app.config["FFT_RETURN_DUE_WORKING_DAY"]
    return render_template(
        "metrics/fft-return.html",
        month=month,
        months=_months(today),
        rows=rows,
        labels=fft_return.SETTING_LABELS,
        files=fft_return.SETTING_FILES,
        sent=sent,
        changed={s: s.value in sent and sent[s.value].csv_text != csvs[s] for s in CareSetting},
        due=fft_return.due_date(month, working_day),
        modes=fft_return.MODE_HEADERS,
    )


@bp.get("/<month>/<setting>.csv")
def download(month: str, setting: str) -> ResponseReturnValue:
    first, care_setting = _month_or_404(month), SETTINGS_BY_FILE.get(setting) or abort(404)
    if request.args.get("copy") == "sent":
        sent = fft_return.sent_returns(first).get(care_setting.value) or abort(404)
        body = sent.csv_text
    else:
        rows = fft_return.return_rows(first)[care_setting]
        body = fft_return.render_csv(first, care_setting, rows)
    name = fft_return.file_name(first, care_setting)
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.post("/<month>/<setting>/sent")
def mark_sent(month: str, setting: str) -> ResponseReturnValue:
    first, care_setting = _month_or_404(month), SETTINGS_BY_FILE.get(setting) or abort(404)
    rows = fft_return.return_rows(first)[care_setting]
    csv_text = fft_return.render_csv(first, care_setting, rows)
    fft_return.record_sent(first, care_setting, csv_text, current_user.email)
    db.session.commit()
    flash(f"Recorded the {fft_return.SETTING_LABELS[care_setting].lower()} return as sent.")
    return redirect(url_for(".show_return", month=first.strftime("%Y-%m")))
