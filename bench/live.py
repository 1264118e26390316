#!/usr/bin/env python3
"""Live latency: from an activity POST to the server-sent event at a connected client.

Usage: live.py BASE MANAGER_EMAIL REP_TOKEN TEAM_ID SAMPLES PASSWORD

Signs in as the manager in a browser-like session, opens /live?scope=team:TEAM_ID and, SAMPLES times with a pause of
0.5 s in between (so each sample is its own burst), POSTs an activity as a rep of that team and measures the time
until the stream says 'changed'. Prints one sample per line: that latency and, as the reference, the POST's own round
trip (until its 201 answer), in milliseconds."""
import http.client
import http.cookiejar
import json
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

base, manager, token, team, samples, password = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
url = urllib.parse.urlparse(base)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(base + "/login").read().decode()
csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
opener.open(base + "/login", urllib.parse.urlencode({"username": manager, "password": password, "_csrf": csrf}).encode()).read()
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

events = []
heard = threading.Event()


def listen():
    stream = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    stream.request("GET", f"/live?scope=team:{team}", headers={"Cookie": cookie, "Accept": "text/event-stream"})
    response = stream.getresponse()
    if response.status != 200:
        raise SystemExit(f"/live answered {response.status}")
    while True:
        line = response.fp.readline()
        if not line:
            return
        if line.startswith(b"event:") and b"changed" in line:
            events.append(time.perf_counter())
            heard.set()


threading.Thread(target=listen, daemon=True).start()
time.sleep(1.0)
api = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
body = json.dumps({"type": "CALL", "subject": "Live latency probe", "durationMinutes": 5})
for _ in range(samples):
    heard.clear()
    sent = time.perf_counter()
    api.request("POST", "/api/v1/activities", body=body,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    answer = api.getresponse()
    answer.read()
    answered = time.perf_counter()
    if answer.status != 201:
        raise SystemExit(f"POST answered {answer.status}")
    if not heard.wait(5):
        raise SystemExit("no event within 5 s")
    print(f"{(events[-1] - sent) * 1000:.1f} {(answered - sent) * 1000:.1f}", flush=True)
    time.sleep(0.5)
