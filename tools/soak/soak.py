#!/usr/bin/env python3
"""A soak of the packaged API (bin/soak runs this): ingest at a steady rate with reads beside it for a number of
minutes, and a table a minute of what happened -- captures stored, reads answered, p50/p99 of each, errors, the API's
resident size -- then whether it held: zero errors, resident size flat (last minute within 10 % of the second),
p99 stable (last minute within 2x of the second). Usage: soak.py API_PID PORT TOKEN MINUTES RATE"""
import http.client
import json
import random
import sys
import threading
import time

pid, port, token, minutes, rate = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
BATCH = 10
lock = threading.Lock()
samples = []  # (minute, kind, millis, ok)
failures = []  # (minute, kind, what)
rss = []  # (minute, MB)
articles = []
stop = threading.Event()
start = time.time()


def minute():
    return int((time.time() - start) // 60)


def call(kind, method, path, body=None, content_type=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + token}
    if content_type:
        headers["Content-Type"] = content_type
    t = time.perf_counter()
    what = None
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        ok = response.status < 400
        what = f"{method} {path[:60]} -> {response.status} {data[:200]!r}"
        if kind == "batch" and ok:
            bad = [line for line in data.decode().splitlines() if json.loads(line)["status"] not in (200, 201)]
            ok = not bad
            what = f"batch lines {bad[:2]}"
    except OSError as e:
        ok, data, what = False, b"", f"{method} {path[:60]} -> {e}"
    finally:
        conn.close()
    with lock:
        samples.append((minute(), kind, (time.perf_counter() - t) * 1000, ok))
        if not ok:
            failures.append((minute(), kind, what))
    return data


def writer():
    i = 0
    interval = BATCH / rate
    next_at = time.time()
    while not stop.is_set():
        lines = []
        for _ in range(BATCH):
            source = f"soak-{i % 20}"
            words = " ".join(f"w{random.randrange(50000)}" for _ in range(80))
            lines.append(json.dumps({"source": source, "url": f"https://soak.example/{source}/{i // 3}",
                                     "capturedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1.7e9 + i)),
                                     "contentType": "text/plain",
                                     "content": f"Story {i // 3} of {source}\n\n{words}.\n\nSecond paragraph {i}."}))
            i += 1
        call("batch", "POST", "/api/captures/batch", "\n".join(lines).encode(), "application/x-ndjson")
        next_at += interval
        time.sleep(max(0.0, next_at - time.time()))


def reader():
    while not stop.is_set():
        if not articles:
            data = call("list", "GET", "/api/articles?size=100")
            try:
                articles.extend(item["articleId"] for item in json.loads(data)["items"])
            except (ValueError, KeyError):
                pass
            time.sleep(0.5)
            continue
        article = random.choice(articles)
        kind = random.choice(["article", "asof", "search", "list"])
        if kind == "article":
            call(kind, "GET", f"/api/articles/{article}")
        elif kind == "asof":
            call(kind, "GET", f"/api/articles/{article}/as-of/2025-01-01T00:00:00Z")
        elif kind == "search":
            call(kind, "GET", f"/api/search?q=w{random.randrange(50000)}")
        else:
            data = call(kind, "GET", f"/api/articles?size=100&page={random.randrange(5)}")
            try:
                fresh = [item["articleId"] for item in json.loads(data)["items"]]
                with lock:
                    articles[:] = (articles + fresh)[-2000:]
            except (ValueError, KeyError):
                pass
        time.sleep(0.02)


def sampler():
    while not stop.is_set():
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss.append((minute(), int(line.split()[1]) / 1024))
        time.sleep(5)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0


threads = [threading.Thread(target=writer), threading.Thread(target=reader), threading.Thread(target=reader),
           threading.Thread(target=sampler)]
for t in threads:
    t.start()
time.sleep(minutes * 60)
stop.set()
for t in threads:
    t.join()

total_minutes = int(minutes)
print("| minute | captures stored | reads | batch p50 / p99 (ms) | read p50 / p99 (ms) | errors | API RSS max (MB) |")
print("|---|---|---|---|---|---|---|")
rows = []
for m in range(total_minutes):
    batch = [s[2] for s in samples if s[0] == m and s[1] == "batch"]
    reads = [s[2] for s in samples if s[0] == m and s[1] != "batch"]
    errors = sum(1 for s in samples if s[0] == m and not s[3])
    mem = max([r[1] for r in rss if r[0] == m] or [0])
    rows.append({"minute": m + 1, "captures": len(batch) * BATCH, "reads": len(reads),
                 "batchP50": percentile(batch, 50), "batchP99": percentile(batch, 99),
                 "readP50": percentile(reads, 50), "readP99": percentile(reads, 99), "errors": errors, "rssMb": mem})
    r = rows[-1]
    print(f"| {r['minute']} | {r['captures']} | {r['reads']} | {r['batchP50']:.0f} / {r['batchP99']:.0f} |"
          f" {r['readP50']:.1f} / {r['readP99']:.1f} | {r['errors']} | {r['rssMb']:.0f} |")
errors = sum(r["errors"] for r in rows)
for m, kind, what in failures[:20]:
    print(f"error in minute {m + 1} ({kind}): {what}")
second, last = rows[1] if len(rows) > 1 else rows[0], rows[-1]
held = {
    "zeroErrors": errors == 0,
    "rssFlat": last["rssMb"] <= second["rssMb"] * 1.10,
    "p99Stable": last["readP99"] <= max(2 * second["readP99"], 20) and last["batchP99"] <= max(2 * second["batchP99"], 200),
}
print(json.dumps({"minutes": minutes, "ratePerSecond": rate, "errors": errors, "held": held,
                  "rssSecondMinute": round(second["rssMb"]), "rssLastMinute": round(last["rssMb"])}))
sys.exit(0 if all(held.values()) else 1)
