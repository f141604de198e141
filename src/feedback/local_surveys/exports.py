"""Results as CSV: the same suppressed figures as the page, and free text as staff may see it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from feedback.local_surveys.results import VersionResults
from feedback.metrics.suppression import Hidden
from feedback.web.spreadsheet import spreadsheet_row

Cell = str | int | None
HIDDEN_WORDS = {
    Hidden.NO_RESPONSES: "no responses",
    Hidden.FEWER_THAN_5: "fewer than 5",
    Hidden.PROTECTS_ANOTHER: "hidden to protect a small number",
}


def _csv(rows: list[list[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(spreadsheet_row(row))
    return out.getvalue()


def _figure(count: int | None, hidden: Hidden | None) -> Cell:
    return HIDDEN_WORDS[hidden] if hidden is not None else count


def counts_csv(results: VersionResults) -> str:
    """One row per question and option: question, option, count (or why it is hidden)."""
    questionnaire = results.questionnaire
    rows: list[list[Cell]] = [
        ["questionnaire", "version", "question_id", "question", "option", "count"],
        [
            questionnaire.id,
            questionnaire.version,
            "",
            "Responses",
            "",
            _figure(results.responses, results.hidden),
        ],
    ]
    for result in results.questions:
        base = [
            questionnaire.id,
            questionnaire.version,
            result.question.id,
            result.question.title.value,
        ]
        rows.append([*base, "Answered this question", _figure(result.answered, result.hidden)])
        rows.extend(
            [*base, count.label, _figure(count.count, count.hidden)] for count in result.counts
        )
    return _csv(rows)


def texts_csv(results: VersionResults, shown_text: Callable[[str], str], all_texts: bool) -> str:
    """The free-text answers on the page, through `shown_text` (redaction for most staff);
    a question fewer than 5 answered only with `all_texts` (the patient experience team)."""
    questionnaire = results.questionnaire
    rows: list[list[Cell]] = [["questionnaire", "version", "question_id", "question", "answer"]]
    for result in results.questions:
        if result.hidden is not None and not all_texts:
            continue
        rows.extend(
            [
                questionnaire.id,
                questionnaire.version,
                result.question.id,
                result.question.title.value,
                shown_text(text),
            ]
            for text in result.texts
        )
    return _csv(rows)
