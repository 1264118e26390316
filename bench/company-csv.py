#!/usr/bin/env python3
"""A real company's CRM export, as another CRM writes it: the files of bench/moving-in.sh.

Usage: bench/company-csv.py DIR [DEALS]   (default 10000 deals)

Writes, in the plain column names of a public "CRM sales opportunities" export:
  sales_teams.csv     sales_agent,manager,regional_office   (35 agents; managers named only in their column; no e-mail,
                      no start date)
  accounts.csv        account,sector,year_established,revenue,employees,office_location,subsidiary_of
  sales_pipeline.csv  opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
                      (two years of deals, 2024 and 2025: Won, Lost, Engaging, Prospecting; Prospecting deals have no
                      engage date and some no account; some rows spell GTX Pro as GTXPro)
and expected.csv with the won revenue per regional office and year, to compare with the dashboards.
Fixed seed: the same files every time.
"""
import csv
import datetime
import os
import random
import sys

out = sys.argv[1]
deals = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
os.makedirs(out, exist_ok=True)
rnd = random.Random(2016)

offices = {"Central": ["Dustin Brinkmann", "Melvin Marxen"], "East": ["Cara Losch", "Rocco Neubert"],
           "West": ["Celia Rouche", "Summer Sewald"]}
first = ["Anna", "Boris", "Carla", "Daniel", "Elke", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Lars", "Mara",
         "Niels", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara", "Ugo", "Vera", "Wim", "Xena", "Yann", "Zora", "Arne",
         "Bente", "Cas", "Dora", "Emil", "Fenna", "Gijs", "Hanna", "Ivo"]
last = ["Abels", "Bakker", "Claes", "Dekker", "Engel", "Fokker", "Goossens", "Hendriks", "Jacobs", "Kok", "Lambrecht",
        "Mertens", "Nijs", "Otten", "Peeters", "Quist", "Ruiters", "Smits", "Timmers", "Uyttendaele", "Verbeek", "Willems",
        "Xhonneux", "Yilmaz", "Zwart", "Aerts", "Bosman", "Coppens", "Dumont", "Evers", "Franssen", "Geerts", "Hermans",
        "Janssens", "Kuipers"]
managers = [m for ms in offices.values() for m in ms]
agents = []
with open(os.path.join(out, "sales_teams.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["sales_agent", "manager", "regional_office"])
    rows = []
    for i in range(35):
        manager = managers[i % len(managers)]
        office = next(o for o, ms in offices.items() if manager in ms)
        agent = f"{first[i]} {last[i]}"
        agents.append((agent, manager, office))
        rows.append([agent, manager, office])
    rnd.shuffle(rows)  # any row order
    w.writerows(rows)

sectors = ["technolgy", "medical", "retail", "software", "entertainment", "marketing", "finance", "services", "telecommunications"]
accounts = []
with open(os.path.join(out, "accounts.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of"])
    for i in range(85):
        name = f"{rnd.choice(['Acme', 'Blue', 'Cone', 'Dal', 'Ever', 'Fun', 'Gold', 'Hat', 'Iso', 'Jump', 'Kin', 'Lux'])}" \
               f"{rnd.choice(['tech', 'corp', 'lab', 'media', 'soft', 'data', 'line', 'ware'])} {i + 1}"
        accounts.append(name)
        w.writerow([name, rnd.choice(sectors), rnd.randint(1979, 2017), f"{rnd.uniform(5, 11000):.2f}",
                    rnd.randint(10, 20000), rnd.choice(["United States", "Belgium", "Netherlands", "Germany"]), ""])

products = [("GTX Basic", 550), ("GTX Pro", 4821), ("MG Special", 55), ("MG Advanced", 3393), ("GTX Plus Pro", 5482),
            ("GTX Plus Basic", 1096), ("GTK 500", 26768)]
start = datetime.date(2024, 1, 1)
end = datetime.date(2025, 12, 31)
span = (end - start).days
won = {}
with open(os.path.join(out, "sales_pipeline.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"])
    for i in range(deals):
        agent, manager, office = rnd.choice(agents)
        product, price = rnd.choice(products)
        if product == "GTX Pro" and rnd.random() < 0.3:
            product = "GTXPro"
        roll = rnd.random()
        stage = "Won" if roll < 0.48 else "Lost" if roll < 0.78 else "Engaging" if roll < 0.93 else "Prospecting"
        account = rnd.choice(accounts)
        engage = start + datetime.timedelta(days=rnd.randint(0, span - 120))
        close = engage + datetime.timedelta(days=rnd.randint(1, 120))
        engage_s, close_s, value = engage.isoformat(), "", ""
        if stage in ("Won", "Lost"):
            close_s = close.isoformat()
            value = str(round(price * rnd.uniform(0.9, 1.1))) if stage == "Won" else "0"
            if stage == "Won":
                key = (office, close.year)
                won[key] = won.get(key, 0) + int(value)
        elif stage == "Prospecting":
            engage_s = ""
            if rnd.random() < 0.6:
                account = ""
        w.writerow([f"OPP{i + 1:06d}", agent, product, account, stage, engage_s, close_s, value])

with open(os.path.join(out, "expected.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["regional_office", "year", "won_revenue"])
    for (office, year), value in sorted(won.items()):
        w.writerow([office, year, value])
