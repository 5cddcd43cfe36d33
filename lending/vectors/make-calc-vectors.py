#!/usr/bin/env python3
"""Writes calc-vectors.fods: independent test vectors computed by LibreOffice Calc's own functions
(PMT, IPMT, PPMT, RATE, XIRR, YEARFRAC, DATE arithmetic). Re-run:

  python3 lending/vectors/make-calc-vectors.py
  cd lending/vectors && soffice --headless --convert-to csv calc-vectors.fods

then compare calc-vectors.csv with the numbers quoted in lending/vectors.test.ts (each test names its id).
Python only writes the formulas; every number in the CSV is Calc's.
"""
from pathlib import Path

from fods import formula_cell, text_cell, write_fods

# (id, description, formula, aux values, aux dates) — aux cells feed range functions such as XIRR.
V = [
    ("pmt-18-12", "PMT 100000 at 18%/12 over 12", "PMT(0.18/12;12;-100000)", None, None),
    ("pmt-12-24", "PMT 50000 at 12%/12 over 24", "PMT(0.12/12;24;-50000)", None, None),
    ("pmt-95-360", "PMT 250000 at 9.5%/12 over 360", "PMT(0.095/12;360;-250000)", None, None),
    ("pmt-52w-26", "PMT 10000 at 52%/52 over 26 weeks", "PMT(0.52/52;26;-10000)", None, None),
    ("pmt-36-24-mxn", "PMT 30000 at 36%/12 over 24", "PMT(0.36/12;24;-30000)", None, None),
    ("pmt-zero", "PMT 1200 at 0% over 12", "PMT(0;12;-1200)", None, None),
    ("ipmt-12-24-p1", "IPMT 50000 12%/12 24 period 1", "IPMT(0.12/12;1;24;-50000)", None, None),
    ("ppmt-12-24-p1", "PPMT 50000 12%/12 24 period 1", "PPMT(0.12/12;1;24;-50000)", None, None),
    ("ipmt-12-24-p12", "IPMT 50000 12%/12 24 period 12", "IPMT(0.12/12;12;24;-50000)", None, None),
    ("ppmt-12-24-p12", "PPMT 50000 12%/12 24 period 12", "PPMT(0.12/12;12;24;-50000)", None, None),
    ("ipmt-95-360-p2", "IPMT 250000 9.5%/12 360 period 2", "IPMT(0.095/12;2;360;-250000)", None, None),
    ("cumipmt-18-12", "total interest 100000 18%/12 12 (CUMIPMT)", "-CUMIPMT(0.18/12;12;100000;1;12;0)", None, None),
    ("xirr-doc", "XIRR of a five-flow example", "XIRR([.D{r}:.H{r}];[.D{n}:.H{n}])",
     [-10000, 2750, 4250, 3250, 2750], ["2024;1;1", "2024;3;1", "2024;10;30", "2025;2;15", "2025;4;1"]),
    ("xirr-monthly", "XIRR -10000 then 12 x 950 monthly from 2024-01-10",
     "XIRR([.D{r}:.P{r}];[.D{n}:.P{n}])",
     [-10000] + [950] * 12, ["2024;1;10"] + [f"2024;{m};10" for m in range(2, 13)] + ["2025;1;10"]),
    ("yf0-jan31-feb29", "YEARFRAC basis 0 2024-01-31..2024-02-29", "YEARFRAC(DATE(2024;1;31);DATE(2024;2;29);0)", None, None),
    ("yf0-feb29-mar31", "YEARFRAC basis 0 2024-02-29..2024-03-31", "YEARFRAC(DATE(2024;2;29);DATE(2024;3;31);0)", None, None),
    ("yf0-jan15-jul31", "YEARFRAC basis 0 2024-01-15..2024-07-31", "YEARFRAC(DATE(2024;1;15);DATE(2024;7;31);0)", None, None),
    ("yf0-mar30-may31", "YEARFRAC basis 0 2023-03-30..2023-05-31", "YEARFRAC(DATE(2023;3;30);DATE(2023;5;31);0)", None, None),
    ("yf4-jan31-mar31", "YEARFRAC basis 4 2024-01-31..2024-03-31", "YEARFRAC(DATE(2024;1;31);DATE(2024;3;31);4)", None, None),
    ("yf4-feb29-aug31", "YEARFRAC basis 4 2024-02-29..2024-08-31", "YEARFRAC(DATE(2024;2;29);DATE(2024;8;31);4)", None, None),
    ("yf2-jan1-jul1", "YEARFRAC basis 2 2024-01-01..2024-07-01", "YEARFRAC(DATE(2024;1;1);DATE(2024;7;1);2)", None, None),
    ("yf3-jan1-jul1", "YEARFRAC basis 3 2024-01-01..2024-07-01", "YEARFRAC(DATE(2024;1;1);DATE(2024;7;1);3)", None, None),
    ("act364-jan1-jul1", "actual/364 2024-01-01..2024-07-01 by DATE difference", "(DATE(2024;7;1)-DATE(2024;1;1))/364", None, None),
    ("isda-dec15-jan15", "Act/Act ISDA 2023-12-15..2024-01-15: [start,end) split by year",
     "(DATE(2024;1;1)-DATE(2023;12;15))/365+(DATE(2024;1;15)-DATE(2024;1;1))/366", None, None),
    ("ru-dec15-jan15", "Act/Act RU 2023-12-15..2024-01-15: (start,end] split by year",
     "(DATE(2023;12;31)-DATE(2023;12;15))/365+(DATE(2024;1;15)-DATE(2023;12;31))/366", None, None),
    ("isda-2024-06-2025-06", "Act/Act ISDA 2024-06-10..2025-06-10",
     "(DATE(2025;1;1)-DATE(2024;6;10))/366+(DATE(2025;6;10)-DATE(2025;1;1))/365", None, None),
    ("ru-daily-row1", "100000 x 18% x 31/366 rounded to 0.01 (RU daily interest, Jan-Feb 2024)", "ROUND(100000*0.18*31/366;2)", None, None),
    ("single-30d-psk", "single payment 10000 + 0.8%/day x 30 days: PSK = i x 365/30 x 100",
     "ROUND((10000*(1+0.008*30)/10000-1)*365/30*100;3)", None, None),
    ("psk-monthly-annuity", "PSK of -99500 then 11 x 9168 and a last 9143.76 monthly: RATE x 12 x 100",
     "ROUND(RATE(12;9168;-99500;9143.76-9168)*12*100;3)", None, None),
    ("cat-monthly-periods", "CAT: -10000 then 12 x 950 by period, 12 per year: (1+RATE)^12-1",
     "ROUND(((1+RATE(12;950;-10000))^12-1)*100;1)", None, None),
    ("cat-weekly-periods", "CAT: -10000 then 52 x 230 by week: (1+RATE)^52-1",
     "ROUND(((1+RATE(52;230;-10000))^52-1)*100;1)", None, None),
    ("cat-dated-monthly", "CAT from dated flows = XIRR x 100 rounded to 1 decimal (same flows as xirr-monthly)",
     "ROUND(XIRR([.D{r}:.P{r}];[.D{n}:.P{n}])*100;1)",
     [-10000] + [950] * 12, ["2024;1;10"] + [f"2024;{m};10" for m in range(2, 13)] + ["2025;1;10"]),
    ("equal-principal-interest", "equal principal 120000, 1%/month, 12 months: total interest",
     "SUMPRODUCT((120000-10000*(ROW(1:12)-1))*0.01)", None, None),
    ("prepay-pmt-10", "PMT over the 10 remaining months after prepaying 300 of 1009.81 at 1 %/month", "PMT(0.01;10;-709.81)", None, None),
    ("prepay-nper", "NPER to repay 709.81 at 1 %/month with 106.62 a month", "NPER(0.01;106.62;-709.81)", None, None),
    ("pmt-annual-40-4q", "PMT 40000 at 10% a year, quarterly (10%/4) over 8", "PMT(0.1/4;8;-40000)", None, None),
]

rows = []
r = 1
for vid, desc, formula, vals, dates in V:
    n = r + 1
    f = formula.replace("{r}", str(r)).replace("{n}", str(n))
    cells = [text_cell(vid), text_cell(desc), formula_cell(f)]
    if vals:
        cells += [f'<table:table-cell office:value-type="float" office:value="{v}"/>' for v in vals]
    rows.append(cells)
    r += 1
    if dates:
        dcells = [text_cell("aux"), text_cell("dates"), '<table:table-cell/>']
        dcells += [f'<table:table-cell table:formula="of:=DATE({d})"/>' for d in dates]
        rows.append(dcells)
        r += 1

write_fods(Path(__file__).with_name("calc-vectors.fods"), "vectors", rows)
