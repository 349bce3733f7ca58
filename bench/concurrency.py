#!/usr/bin/env python3
"""Time to first response (typing) and to the answer (card) under N concurrent conversations (loopback only).

Usage: concurrency.py BOT_URL [N] [ROUNDS]. Each of N conversations posts "what pipelines are failing?" at the same
moment, ROUNDS times; prints median and p99 of both times."""
import http.server, json, statistics, sys, threading, time, urllib.parse, urllib.request, uuid

BOT = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 50
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
lock = threading.Condition()
typing, answered = {}, {}

class Connector(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        conv = urllib.parse.unquote(self.path.split("/")[3])
        now = time.perf_counter()
        with lock:
            if body.get("type") == "typing":
                typing.setdefault(conv, now)
            elif body.get("attachments"):
                answered.setdefault(conv, now)
            lock.notify_all()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(b'{"id":"1"}')
    def log_message(self, *a):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Connector)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
service = "http://127.0.0.1:%d/" % server.server_address[1]

def one(conv, starts, barrier):
    a = {"type": "message", "id": str(uuid.uuid4()), "timestamp": "2026-11-26T10:26:57.520Z", "serviceUrl": service,
         "channelId": "msteams", "text": "what pipelines are failing?", "from": {"id": "u", "name": "Bench"},
         "recipient": {"id": "bot"}, "conversation": {"id": conv, "conversationType": "personal"}}
    data = json.dumps(a).encode()
    barrier.wait()
    starts[conv] = time.perf_counter()
    urllib.request.urlopen(urllib.request.Request(BOT, data=data, headers={"Content-Type": "application/json"}), timeout=120).read()

t_typing, t_answer = [], []
for r in range(ROUNDS + 1):  # the first round warms up
    convs = ["a:conc-%d-%d-%s" % (r, i, uuid.uuid4().hex[:6]) for i in range(N)]
    starts, barrier = {}, threading.Barrier(N)
    threads = [threading.Thread(target=one, args=(c, starts, barrier)) for c in convs]
    [t.start() for t in threads]; [t.join() for t in threads]
    with lock:
        lock.wait_for(lambda: all(c in answered for c in convs), timeout=120)
    if r == 0:
        continue
    for c in convs:
        t_typing.append((typing[c] - starts[c]) * 1000)
        t_answer.append((answered[c] - starts[c]) * 1000)

def p(xs, q):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print("concurrent conversations: %d, rounds: %d (n=%d)" % (N, ROUNDS, len(t_answer)))
print("typing: median %.0f ms, p99 %.0f ms" % (statistics.median(t_typing), p(t_typing, 0.99)))
print("answer: median %.0f ms, p99 %.0f ms" % (statistics.median(t_answer), p(t_answer, 0.99)))
server.shutdown()
