#!/usr/bin/env python3
"""Load benchmark of a running bot (loopback only): closed loop and burst, with a fake Bot Connector that records
every reply. Not a test: it prints figures for BENCHMARKS.md.

Usage: load.py BOT_URL [--users 50] [--seconds 20] [--warmup 5] [--burst-convs 200] [--burst-msgs 10]
                       [--failing NAME] [--busy NAME]

closed loop: N users, each in its own personal chat, ask, wait for the answer, ask again (questions rotate: the
failing list, why a failing pipeline failed, the status of a busy pipeline). burst: C conversations post M messages
each at once. Every question's answer is matched by its replyToId: none = lost, more than one = duplicated, an
answer arriving before the previous question's answer in the same conversation = out of order; "busy" replies are
counted apart."""
import argparse, http.server, json, statistics, sys, threading, time, urllib.parse, urllib.request, uuid

ap = argparse.ArgumentParser()
ap.add_argument("bot")
ap.add_argument("--users", type=int, default=50)
ap.add_argument("--seconds", type=float, default=20)
ap.add_argument("--warmup", type=float, default=5)
ap.add_argument("--burst-convs", type=int, default=200)
ap.add_argument("--burst-msgs", type=int, default=10)
ap.add_argument("--failing", default="pl_ingest_sales_orders")
ap.add_argument("--busy", default="pl_stream_telemetry_to_lake")
ap.add_argument("--timeout", type=float, default=180)
args = ap.parse_args()

QUESTIONS = ["what pipelines are failing?", "why did %s fail?" % args.failing, "status of %s" % args.busy]
lock = threading.Condition()
answers = {}      # question id -> list of (time, is_busy)
arrival = {}      # conversation -> list of question ids in the order their answers arrived

class Connector(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(n) or b"{}")
        parts = self.path.split("/")
        conv = urllib.parse.unquote(parts[3]) if len(parts) > 3 else ""
        reply_to = urllib.parse.unquote(parts[5]) if len(parts) > 5 else body.get("replyToId", "")
        now = time.perf_counter()
        if body.get("type") == "message":
            busy = "busy" in (body.get("text") or "")
            with lock:
                answers.setdefault(reply_to, []).append((now, busy))
                arrival.setdefault(conv, []).append(reply_to)
                lock.notify_all()
        out = b'{"id":"%s"}' % uuid.uuid4().hex.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *a):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Connector)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
SERVICE = "http://127.0.0.1:%d/" % server.server_address[1]

def post(conv, text):
    qid = str(uuid.uuid4())
    a = {"type": "message", "id": qid, "timestamp": "2026-11-26T10:26:57.520Z", "serviceUrl": SERVICE,
         "channelId": "msteams", "text": text, "from": {"id": "u-" + conv, "name": "Bench"},
         "recipient": {"id": "bot"}, "conversation": {"id": conv, "conversationType": "personal"}}
    req = urllib.request.Request(args.bot, data=json.dumps(a).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=60).read()
    return qid

def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else float("nan")

def closed_loop():
    lat, stop, counted = [], [False], [0]
    t_start = time.perf_counter()
    measure_from = t_start + args.warmup
    def user(i):
        conv = "a:load-%d-%s" % (i, uuid.uuid4().hex[:6])
        k = i
        while not stop[0]:
            text = QUESTIONS[k % len(QUESTIONS)]
            k += 1
            t0 = time.perf_counter()
            qid = post(conv, text)
            with lock:
                if not lock.wait_for(lambda: qid in answers, timeout=args.timeout):
                    continue
                t1 = answers[qid][0][0]
            if t0 >= measure_from and not stop[0]:
                lat.append((t1 - t0) * 1000)
    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(args.users)]
    [t.start() for t in threads]
    time.sleep(args.warmup + args.seconds)
    stop[0] = True
    [t.join(timeout=args.timeout) for t in threads]
    n = len(lat)
    print("closed loop: %d users, %.0f s measured after %.0f s warm-up: %d turns, %.0f turns/s, "
          "median %.0f ms, p90 %.0f ms, p99 %.0f ms" % (args.users, args.seconds, args.warmup, n, n / args.seconds,
          statistics.median(lat) if lat else float("nan"), pct(lat, 0.90), pct(lat, 0.99)))

def burst():
    sent = {}  # conv -> [qid...]
    t0 = time.perf_counter()
    barrier = threading.Barrier(args.burst_convs)
    def conv_worker(i):
        conv = "a:burst-%d-%s" % (i, uuid.uuid4().hex[:6])
        barrier.wait()
        ids = []
        for m in range(args.burst_msgs):
            ids.append(post(conv, QUESTIONS[(i + m) % len(QUESTIONS)]))
        sent[conv] = ids
    threads = [threading.Thread(target=conv_worker, args=(i,), daemon=True) for i in range(args.burst_convs)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    all_ids = [q for ids in sent.values() for q in ids]
    with lock:
        lock.wait_for(lambda: all(q in answers for q in all_ids), timeout=args.timeout)
        lost = sum(1 for q in all_ids if q not in answers)
        dup = sum(1 for q in all_ids if len(answers.get(q, [])) > 1)
        busy = sum(1 for q in all_ids if any(b for _, b in answers.get(q, [])))
        ooo = 0
        for conv, ids in sent.items():
            order = [q for q in arrival.get(conv, []) if q in ids]
            firsts = list(dict.fromkeys(order))
            ooo += sum(1 for a, b in zip(firsts, firsts[1:]) if ids.index(a) > ids.index(b))
        lat = [(answers[q][0][0] - t0) * 1000 for q in all_ids if q in answers]
    print("burst: %d conversations x %d messages = %d turns: %d lost, %d duplicated, %d out of order, %d busy; "
          "all answered after %.1f s (p50 %.0f ms, p99 %.0f ms from the burst's start)" % (
          args.burst_convs, args.burst_msgs, len(all_ids), lost, dup, ooo, busy,
          max(lat) / 1000 if lat else float("nan"), pct(lat, 0.5), pct(lat, 0.99)))

if args.users > 0:
    closed_loop()
if args.burst_convs > 0:
    burst()
server.shutdown()
