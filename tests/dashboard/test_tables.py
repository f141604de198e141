import csv
import io

from openpyxl import load_workbook

from feedback.dashboard.tables import Table, to_csv, to_xlsx

DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\uff1d1+1"]


def _table() -> Table:
    table = Table("t", "Test", ["Name", "Count", "Change"], numeric=frozenset({1, 2}))
    for text in DANGEROUS:
        table.add(text, 3, -4)
    table.add("Ward 5", None, 0)
    return table


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_numbers_stay_numbers():
    rows = list(csv.reader(io.StringIO(to_csv(_table()))))
    assert rows[0] == ["Name", "Count", "Change"]
    for row, text in zip(rows[1:], DANGEROUS, strict=False):
        assert row == ["'" + text, "3", "-4"]
    assert rows[-1] == ["Ward 5", "", "0"]


def test_excel_cells_are_text_never_formulas():
    book = load_workbook(io.BytesIO(to_xlsx(_table(), "Ward 5, November 2026")))
    sheet = book.active
    assert sheet["A1"].value == "Test: Ward 5, November 2026"
    assert [c.value for c in sheet[2]] == ["Name", "Count", "Change"]
    for index, text in enumerate(DANGEROUS, start=3):
        name, count, change = sheet[index]
        assert name.data_type == "s" and name.value == "'" + text
        assert count.value == 3 and change.value == -4 and change.data_type == "n"


def test_a_control_character_in_a_name_is_left_out_of_the_xlsx_not_a_500() -> None:
    table = Table("wards", "Wards", ["Ward", "Responses"], numeric=frozenset({1}))
    table.add("Ash\x1bWard\x00", 12)
    book = load_workbook(io.BytesIO(to_xlsx(table, "Ash\x07 Ward, November 2026")))
    sheet = book.active
    assert sheet["A1"].value == "Wards: Ash Ward, November 2026"
    assert [c.value for c in sheet[3]] == ["AshWard", 12]
