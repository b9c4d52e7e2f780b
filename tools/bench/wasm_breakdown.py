#!/usr/bin/env python3
"""The wasm's code and data by crate, from twiggy's list of items (shallow bytes): where the bytes
of the app are, for the byte budget. Names are kept by a release build before wasm-bindgen and
wasm-opt, so the figures are of the unoptimized module; their shares are what to compare.

    cargo build --release --target wasm32-unknown-unknown --bin ospo-guide
    python3 tools/bench/wasm_breakdown.py target/wasm32-unknown-unknown/release/ospo-guide.wasm
"""
import csv
import io
import re
import subprocess
import sys
from collections import Counter

path = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/release/ospo-guide.wasm"
out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", path], check=True, capture_output=True, text=True).stdout
sizes = Counter()
for row in csv.DictReader(io.StringIO(out)):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith('"function names"') or "__wasm_bindgen_unstable" in name or name.startswith("custom section"):
        continue  # stripped or removed before shipping
    if name.startswith("data segment"):
        sizes["(data: strings and embedded content)"] += size
        continue
    # The first path segment of the item, inside any <…as …> or &mut.
    m = re.search(r"([a-z_][a-z0-9_]*)::", name.lstrip("<&* ").replace("mut ", "").replace("dyn ", ""))
    crate = m.group(1) if m else "(other)"
    sizes[crate] += size
total = sum(sizes.values())
print(f"{'crate':40} {'bytes':>9} {'share':>7}")
for crate, size in sizes.most_common(25):
    print(f"{crate:40} {size:9d} {100 * size / total:6.1f}%")
print(f"{'total (code and data shipped)':40} {total:9d}")
