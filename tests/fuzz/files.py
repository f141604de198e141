"""CSV files, generated: the right columns or not, good cells or nasty ones, in every encoding
spreadsheets write, or a file that is no CSV at all."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from hypothesis import strategies as st

from tests.fuzz.strategies import csv_cells, encoded, not_csv_files


def _text(header: list[str], rows: list[list[str]], quoted: bool, line_end: str) -> str:
    if not quoted:  # joined by hand: quotes and commas in cells break the columns
        return line_end.join(",".join(cells) for cells in [header, *rows]) + line_end
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerows([header, *rows])
    return buffer.getvalue()


def csv_files(
    columns: Sequence[str], good_cells: dict[str, st.SearchStrategy[str]]
) -> st.SearchStrategy[bytes]:
    """Files with these columns (some missing, doubled or misnamed) and rows of good or nasty
    cells, encoded any way; or bytes that are not a CSV file."""
    header = st.one_of(
        st.just(list(columns)),
        st.permutations(list(columns)),
        st.lists(st.sampled_from([*columns, "Unknown", ""]), max_size=len(columns) + 2),
    )
    cell = {name: st.one_of(good_cells[name], good_cells[name], csv_cells) for name in columns}
    row = st.one_of(
        st.tuples(*cell.values()).map(list),
        st.lists(csv_cells, max_size=len(columns) + 2),
    )
    text = st.builds(
        _text,
        header,
        st.lists(row, max_size=6),
        st.booleans(),
        st.sampled_from(["\n", "\r\n", "\r"]),
    )
    return st.one_of(
        text.flatmap(encoded), text.flatmap(encoded), not_csv_files, st.binary(max_size=300)
    )


file_names = st.one_of(
    st.sampled_from(["counts.csv", "counts.CSV", "counts.xlsx", "counts", ".csv", "x" * 300]),
    st.text(max_size=30).filter(lambda name: name.strip() and "\x00" not in name),
)
