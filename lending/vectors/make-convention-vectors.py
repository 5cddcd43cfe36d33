#!/usr/bin/env python3
"""Writes convention-vectors.fods: LibreOffice Calc's own arithmetic for the schedule conventions of
issue 13 (installment step on equal-principal and flat loans, fixed-amount repayment, CAT by periods
and by dates). Re-run:

  python3 lending/vectors/make-convention-vectors.py
  cd lending/vectors && soffice --headless --convert-to csv convention-vectors.fods

then compare convention-vectors.csv with lending/schedule/conventions.test.ts (each test names its ids).
Python only writes formulas; every number in the CSV is Calc's. A formula may name an earlier
vector as {id}: it becomes that vector's cell, so a schedule is laid out row by row.
"""
import re
from pathlib import Path

from fods import formula_cell, text_cell, write_fods

V = []


def v(vid, desc, formula):
    V.append((vid, desc, formula))


# Equal principal 10000 at 2 % a month over 6, installments in multiples of 10 (MROUND: half away from
# zero, i.e. half-up for positive amounts); the last installment closes the balance.
def stepped(prefix, interest_of):
    v(f"{prefix}-open1", "opening balance of row 1", "10000")
    for k in range(1, 7):
        v(f"{prefix}-int{k}", f"row {k} interest", interest_of(f"{{{prefix}-open{k}}}"))
        if k < 6:
            v(f"{prefix}-tot{k}", f"row {k} installment: MROUND(ROUND(10000/6;2)+interest;10)",
              f"MROUND(ROUND(10000/6;2)+{{{prefix}-int{k}}};10)")
            v(f"{prefix}-prin{k}", f"row {k} principal = installment - interest", f"{{{prefix}-tot{k}}}-{{{prefix}-int{k}}}")
            v(f"{prefix}-open{k + 1}", f"opening balance of row {k + 1}", f"{{{prefix}-open{k}}}-{{{prefix}-prin{k}}}")
        else:
            v(f"{prefix}-tot{k}", "last installment: the balance plus its interest", f"{{{prefix}-open{k}}}+{{{prefix}-int{k}}}")


stepped("ep-step10", lambda bal: f"ROUND({bal}*0.02;2)")
stepped("flat-step10", lambda bal: "ROUND(10000*0.02;2)")

# Fixed payment 2500 a month on 10000 at 2 % a month: NPER gives the term; the rows run until paid.
v("fixed-nper", "NPER(0.02;-2500;10000), rounded up = the number of installments", "ROUNDUP(NPER(0.02;-2500;10000);0)")
v("fixed-open1", "opening balance of row 1", "10000")
for k in range(1, 6):
    v(f"fixed-int{k}", f"row {k} interest", f"ROUND({{fixed-open{k}}}*0.02;2)")
    v(f"fixed-prin{k}", f"row {k} principal: 2500 - interest, at most the balance", f"MIN(2500-{{fixed-int{k}}};{{fixed-open{k}}})")
    v(f"fixed-open{k + 1}", f"balance after row {k}", f"{{fixed-open{k}}}-{{fixed-prin{k}}}")
v("fixed-last", "last installment = its principal + interest", "{fixed-prin5}+{fixed-int5}")

# CAT of one weekly schedule (10000 MXN at 120 %, 26 weeks: 25 x 515.76 and a last 515.78, first due
# 2024-01-08): by periods (Banxico, (1+RATE)^52 - 1) and by dates (days / 365 = XIRR).
v("cat-weekly-periods-schedule", "CAT by periods: (1+RATE(26;515.76;-10000;515.78-515.76))^52-1, percent, 1 decimal",
  "ROUND(((1+RATE(26;515.76;-10000;515.78-515.76))^52-1)*100;1)")
flows = ";".join(["-10000"] + ["515.76"] * 25 + ["515.78"])
# Calc's date serials (45292 = 2024-01-01; inline arrays take constants only), every 7 days.
dates = ";".join([str(45292 + 7 * k) for k in range(0, 27)])
v("cat-weekly-dates-schedule", "CAT by dates: XIRR of the same flows on their dates, percent, 1 decimal",
  f"ROUND(XIRR({{{flows}}};{{{dates}}})*100;1)")

row_of = {vid: i + 1 for i, (vid, _, _) in enumerate(V)}


def resolve(formula):
    return re.sub(r"\{([a-z0-9-]+)\}", lambda m: f"[.C{row_of[m.group(1)]}]" if m.group(1) in row_of else m.group(0), formula)


write_fods(
    Path(__file__).with_name("convention-vectors.fods"),
    "conventions",
    [[text_cell(vid), text_cell(desc), formula_cell(resolve(formula))] for vid, desc, formula in V],
)
