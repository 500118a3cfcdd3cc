"""Opens a .xlsx or .docx the way Excel or Word would read it (openpyxl, python-docx) and
prints what a person would see as JSON: the browser suite asserts on it.

    python3 read_office_file.py FILE.xlsx   -> {"sheets": {name: [[cell, ...], ...]}, "formulas": n}
    python3 read_office_file.py FILE.docx   -> {"paragraphs": [...], "tables": [[[cell, ...], ...]], "page": {...}}
"""
import json
import sys


def read_xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path)  # formulas kept as written, not computed
    sheets = {}
    formulas = 0
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.data_type == "f":
                    formulas += 1
                cells.append(c.value)
            rows.append(cells)
        sheets[ws.title] = rows
    return {"sheets": sheets, "formulas": formulas}


def read_docx(path):
    import docx

    d = docx.Document(path)
    section = d.sections[0]
    return {
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        "page": {
            "width_mm": round(section.page_width.mm),
            "height_mm": round(section.page_height.mm),
            "left_mm": round(section.left_margin.mm),
            "right_mm": round(section.right_margin.mm),
        },
        "fonts": sorted({r.font.name for p in d.paragraphs for r in p.runs if r.font.name}),
    }


def main():
    path = sys.argv[1]
    out = read_xlsx(path) if path.endswith(".xlsx") else read_docx(path)
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
