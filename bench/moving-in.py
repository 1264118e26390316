#!/usr/bin/env python3
"""Drives bench/moving-in.sh: sets up an empty Tandem, imports a company's CRM export through the import API as an admin
would, and compares the team dashboards with the won revenue the generator wrote.

Usage: bench/moving-in.py BASE FILES_DIR SETUP_TOKEN
Prints one line per step with its seconds, then the dashboard comparison; exits 1 when a figure differs.
"""
import csv
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

base, files, setup_token = sys.argv[1], sys.argv[2], sys.argv[3]
token = None
steps = []


def call(method, path, body=None, headers=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            text = answer.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode()[:2000]}")


def step(name, action):
    t0 = time.monotonic()
    result = action()
    steps.append((name, time.monotonic() - t0))
    return result


def upload(path, kind):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return call("POST", "/api/v1/imports", raw=body, content_type="multipart/form-data; boundary=" + boundary)


def mapping(job, values=None, **choices):
    s = job["settings"]
    body = {"version": job["version"], "kind": s["kind"], "preset": s["preset"], "columns": s["columns"],
            "values": values if values is not None else s["values"], "dateOrder": s["dateOrder"],
            "decimalMark": s["decimalMark"], "duplicates": s["duplicates"]}
    body.update(choices)
    return call("PUT", f"/api/v1/imports/{job['id']}/mapping", body)


def check(job):
    return call("POST", f"/api/v1/imports/{job['id']}/check")


def run(job):
    call("POST", f"/api/v1/imports/{job['id']}/run")
    while True:
        now = call("GET", f"/api/v1/imports/{job['id']}")
        if now["status"] not in ("RUNNING", "CHECKED"):
            break
        time.sleep(0.25)
    if now["status"] != "DONE":
        sys.exit(f"import {job['fileName']} ended {now['status']}: {now.get('error')}")
    return now


def ready_or_exit(job):
    report = job["report"]
    if not report["ready"]:
        sys.exit(f"{job['fileName']} not ready: {json.dumps(report)[:3000]}")
    return job


def import_file(label, name, kind, choices=None, map_values=None, values=None, keep_extra=False):
    job = step(f"{label}: upload", lambda: upload(os.path.join(files, name), kind))
    if keep_extra:
        # Columns Tandem has no field for are kept as custom fields ("custom.<key>").
        mapped = set(job["settings"]["columns"].values())
        extra = {"custom." + h: h for h in job["headers"] if h not in mapped}
        job["settings"]["columns"] = {**job["settings"]["columns"], **extra}
        print(f"  {label}: keeps {', '.join(sorted(extra.values()))} as custom fields")
    if choices or values or keep_extra:
        job = mapping(job, values, **(choices or {}))
    job = step(f"{label}: dry run", lambda: check(job))
    if map_values and not job["report"]["ready"]:
        # What an admin does on the wizard's values step: each unmatched value gets its target.
        values = dict(job["settings"]["values"])
        for u in job["report"]["unmatched"]:
            target = map_values(u)
            if target is not None:
                values.setdefault(u["category"], {})[u["value"]] = target
        job = mapping(job, values, **(choices or {}))
        job = step(f"{label}: dry run after mapping values", lambda: check(job))
    ready_or_exit(job)
    for note in job["report"].get("notes", []):
        print(f"  {label}: {note['message']}")
    done = step(f"{label}: run", lambda: run(job))
    print(f"  {label}: {done['created']} created, {done['updated']} updated, {done['skipped']} skipped")
    return done


setup = {"organisationName": "Moving Company", "currency": "USD", "timeZone": "Europe/Amsterdam", "fiscalYearStartMonth": 1,
         "language": "en", "adminName": "Ada Admin", "adminEmail": "ada@moving.example",
         "adminPassword": "a long bench passphrase"}
step("setup (organisation and first admin)", lambda: call("POST", "/api/v1/setup", setup, {"X-Setup-Token": setup_token}))
token = step("sign in (API token)", lambda: call("POST", "/api/v1/auth/tokens", {
    "email": setup["adminEmail"], "password": setup["adminPassword"], "name": "moving in"}))["token"]

import_file("roster", "sales_teams.csv", "USERS", values={"roster": {"missingEmail": "PLACEHOLDER"}})
import_file("accounts", "accounts.csv", "ACCOUNTS", keep_extra=True)


def deal_value(u):
    # Engaging and Prospecting are stages the new playbook lacks: the admin lets the import create them.
    return "create" if u["category"] in ("stage", "product") else None


deal_rows = sum(1 for _ in open(os.path.join(files, "sales_pipeline.csv"))) - 1
import_file(f"deals ({deal_rows:,})", "sales_pipeline.csv", "DEALS", choices={"withoutAccount": "NONE"}, map_values=deal_value)

# The dashboards: won revenue per regional office and year, as the team page shows it.
teams = {t["name"]: t["id"] for t in call("GET", "/api/v1/teams?limit=200")["items"]}
expected = list(csv.DictReader(open(os.path.join(files, "expected.csv"))))
wrong = 0
t0 = time.monotonic()
for row in expected:
    summary = call("GET", f"/api/v1/insight/teams/{teams[row['regional_office']]}/summary?period={row['year']}")
    got = round(float(summary["wonRevenue"]))
    ok = got == int(row["won_revenue"])
    wrong += 0 if ok else 1
    print(f"  {row['regional_office']} {row['year']}: expected {row['won_revenue']}, dashboard {got} {'ok' if ok else 'DIFFERS'}")
steps.append(("dashboards (6 team-years)", time.monotonic() - t0))

total = sum(s for _, s in steps)
for name, seconds in steps:
    print(f"{name}: {seconds:.2f} s")
print(f"total: {total:.1f} s")
sys.exit(1 if wrong else 0)
