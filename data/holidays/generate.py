"""Generates data/holidays/<year>.json from the PyPI package `holidays` (Indonesia).

Run once per year range and commit the output; Loket embeds the files, it does not need
Python at run time:

    python3 -m venv /tmp/hv && /tmp/hv/bin/pip install 'holidays==0.109'
    /tmp/hv/bin/python data/holidays/generate.py 2024 2027

Category "public" -> kind "libur_nasional", category "government" (cuti bersama ASN)
-> kind "cuti_bersama". Names are the package's Indonesian ("id") names.
"""

import json
import pathlib
import sys

import holidays

KINDS = (("public", "libur_nasional"), ("government", "cuti_bersama"))


def year_file(year: int) -> list[dict]:
    rows = []
    for category, kind in KINDS:
        table = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="id"
        )
        for day, name in table.items():
            for part in name.split("; "):
                rows.append({"date": day.isoformat(), "name": part, "kind": kind})
    rows.sort(key=lambda r: (r["date"], r["kind"], r["name"]))
    return rows


def main() -> None:
    first, last = int(sys.argv[1]), int(sys.argv[2])
    out = pathlib.Path(__file__).resolve().parent
    for year in range(first, last + 1):
        rows = year_file(year)
        lines = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows)
        (out / f"{year}.json").write_text("[\n" + lines + "\n]\n", encoding="utf-8")
        print(f"{year}: {len(rows)} hari ({holidays.__version__})")


if __name__ == "__main__":
    main()
