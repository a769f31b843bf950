"""Workbooks as another program writes and reads them, with openpyxl (Debian's python3-openpyxl).

  python3 workbook.py read FILE.xlsx         prints JSON: each sheet's name, state, rows of values, and its list validations
  python3 workbook.py write FILE.xlsx SPEC   writes the sheets of SPEC (JSON: [{"name": ..., "rows": [[...], ...]}]);
                                             a cell {"date": "2024-05-01"} is written as a real date, numbers as numbers
  python3 workbook.py edit FILE.xlsx SHEET CELL VALUE   changes one cell (B7) as a person would, and saves
"""
import datetime
import json
import sys

import openpyxl


def read(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        rows = [[cell if cell is None or isinstance(cell, (str, int, float)) else str(cell) for cell in row]
                for row in sheet.iter_rows(values_only=True)]
        validations = [{"type": v.type, "formula": v.formula1, "cells": str(v.sqref)} for v in sheet.data_validations.dataValidation]
        sheets.append({"name": sheet.title, "state": sheet.sheet_state, "rows": rows, "validations": validations,
                       "frozen": sheet.freeze_panes})
    print(json.dumps(sheets, ensure_ascii=False))


def value(cell):
    if isinstance(cell, dict) and "date" in cell:
        return datetime.date.fromisoformat(cell["date"])
    return cell


def write(path, spec):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in json.loads(spec):
        target = book.create_sheet(sheet["name"])
        for row in sheet["rows"]:
            target.append([value(cell) for cell in row])
    book.save(path)


def edit(path, sheet, cell, text):
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = text
    book.save(path)


if __name__ == "__main__":
    if sys.argv[1] == "read":
        read(sys.argv[2])
    elif sys.argv[1] == "edit":
        edit(*sys.argv[2:6])
    else:
        write(sys.argv[2], sys.argv[3])
