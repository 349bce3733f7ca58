#!/usr/bin/env python3
"""Measures the time from a Teams activity posted to /api/messages to the bot's card reaching the connector.

Usage: reply_latency.py BOT_URL [N]. Starts a local connector (the activity's serviceUrl), posts N activities per
question in fresh personal conversations, and prints median, p90 and max per question. Loopback only."""
import http.server, json, statistics, sys, threading, time, urllib.request, uuid

BOT = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3978/api/messages"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20
arrived = {}
cond = threading.Condition()

class Connector(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        activity = json.loads(body or b"{}")
        conv = urllib.parse.unquote(self.path.split("/")[3])
        if activity.get("type") == "message" and activity.get("attachments"):
            with cond:
                arrived.setdefault(conv, time.perf_counter())
                cond.notify_all()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id":"1"}')
    def log_message(self, *a):
        pass

import urllib.parse
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Connector)
threading.Thread(target=server.serve_forever, daemon=True).start()
service_url = "http://127.0.0.1:%d/" % server.server_address[1]

def activity(text, value=None):
    conv = "a:bench-" + str(uuid.uuid4())
    a = {"type": "message", "id": str(uuid.uuid4()), "timestamp": "2026-11-26T10:26:57.520Z",
         "serviceUrl": service_url, "channelId": "msteams", "text": text,
         "from": {"id": "user-id-0", "name": "Bench"}, "recipient": {"id": "bot", "name": "Bot"},
         "conversation": {"id": conv, "conversationType": "personal"}, "localTimezone": "UTC"}
    if value is not None:
        a["value"] = value
    return conv, a

def measure(make):
    conv, a = make()
    start = time.perf_counter()
    req = urllib.request.Request(BOT, data=json.dumps(a).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=60).read()
    with cond:
        cond.wait_for(lambda: conv in arrived, timeout=60)
    return (arrived[conv] - start) * 1000

def failing():
    return activity("what pipelines are failing?")

for _ in range(3):  # warm-up
    measure(failing)

results = {}
results["what pipelines are failing?"] = [measure(failing) for _ in range(N)]
results["why did <pipeline> fail?"] = [measure(lambda: activity("why did " + sys.argv[3] + " fail?"))
                                       for _ in range(N)] if len(sys.argv) > 3 else []
for q, xs in results.items():
    if xs:
        xs.sort()
        print("%-30s n=%d median=%.0f ms p90=%.0f ms max=%.0f ms" % (q, len(xs), statistics.median(xs),
              xs[int(0.9 * (len(xs) - 1))], xs[-1]))
server.shutdown()
