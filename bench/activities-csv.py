#!/usr/bin/env python3
"""Writes an activities CSV for the import benchmark: ROWS rows (default 1,000,000) over Bench Corp's 2,000 reps,
in Tandem's own column names; deterministic (fixed seed)."""
import csv
import random
import sys

rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
out = sys.argv[1]
random.seed(42)
types = ["CALL", "CALL", "EMAIL", "EMAIL", "MEETING", "SOCIAL", "DEMO", "NOTE"]
reps = [f"r{r:02d}{t:02d}{p:02d}@bench.test" for r in range(1, 21) for t in range(1, 11) for p in range(1, 11)]
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["type", "subject", "direction", "occurredAt", "done", "owner"])
    for i in range(rows):
        day = 1 + random.randrange(28)
        month = 1 + random.randrange(12)
        w.writerow([random.choice(types), f"Imported touch {i}", "OUTBOUND",
                    f"2024-{month:02d}-{day:02d}T{8 + random.randrange(10):02d}:{random.randrange(60):02d}:00Z", "true",
                    random.choice(reps)])
