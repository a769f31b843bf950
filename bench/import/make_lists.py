"""The benchmark's list: N resources and 2N ties, written as another program would (openpyxl's streaming writer for
XLSX, Python's csv module for CSV), in the template's Latvian form. Usage: make_lists.py FOLDER N"""
import csv
import datetime
import os
import random
import sys

import openpyxl

folder, n = sys.argv[1], int(sys.argv[2])
random.seed(17)
kinds = ["biedrība", "skola", "bērnudārzs", "dienas centrs", "sociālais dienests", "kultūras nams", "bibliotēka", "neformāla grupa", "brīvprātīgais"]
types = ["sadarbība", "dalība", "finansējums", "nosūtīšana", "kopīgs pasākums", "informācijas kanāls", "telpas"]
groups = ["seniors", "youth", "children", "families-of-children-with-disabilities", "unemployed"]
offers = ["venue", "transport", "computer skills", "volunteers", "meeting place", "funding"]
# Points inside the demo's areas (Daugavpils' Križi and Centrs, Cēsis), so that each row finds its area by geometry.
places = [(55.8770, 26.5850, 0.004), (55.8720, 26.5200, 0.006), (57.3100, 25.2700, 0.008)]

resource_header = ["ārējais id", "nosaukums", "veids", "apraksts", "platums", "garums", "mērķa grupas", "piedāvā", "vajadzības", "valodas"]
resources = []
for i in range(n):
    lat, lon, spread = random.choice(places)
    resources.append([f"B-{i}", f"Saraksta resurss {i}", random.choice(kinds), f"Rinda {i} no saraksta; darbojas kopš {2000 + i % 25}.",
                      round(lat + random.uniform(-spread, spread), 6), round(lon + random.uniform(-spread, spread), 6),
                      "; ".join(random.sample(groups, 2)), random.choice(offers), random.choice(offers), "lv; ru"])
tie_header = ["avots", "mērķis", "veids", "stiprums", "no"]
ties, seen = [], set()
while len(ties) < 2 * n:
    a, b, t = random.randrange(n), random.randrange(n), random.choice(types)
    if a == b or (min(a, b), max(a, b), t) in seen:
        continue
    seen.add((min(a, b), max(a, b), t))
    ties.append([f"B-{a}", f"B-{b}", t, random.randint(1, 5), datetime.date(2020 + a % 6, 1 + b % 12, 1 + (a + b) % 28)])

book = openpyxl.Workbook(write_only=True)
for name, header, rows in (("Resursi", resource_header, resources), ("Saites", tie_header, ties)):
    sheet = book.create_sheet(name)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
book.save(os.path.join(folder, "saraksts.xlsx"))

for name, header, rows in (("resursi.csv", resource_header, resources), ("saites.csv", tie_header, ties)):
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        writer.writerows([[c.isoformat() if isinstance(c, datetime.date) else c for c in row] for row in rows])
