#!/usr/bin/env python3
"""Fault tests of the packaged API as real processes on loopback (bin/fault-tests runs this).

Each scenario does something an operator fears -- kill -9 in the middle of a batch or of an import, PostgreSQL
restarted under ingest, an import spool that is full -- and then checks what the archive kept against the database
itself: every capture exactly once, nothing half-written, and every client answer honest (a 503 problem during an
outage, never a 500). Prints a report (one line per check) and a JSON summary; exits 1 on a failed check.
"""
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import http.client
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = os.environ.get("FAULTS_DB", "palimpsest_faults")
ES_PORT = os.environ.get("FAULTS_ES_PORT", "9205")
PORT = int(os.environ.get("FAULTS_API_PORT", "8091"))
TOKEN = uuid.uuid4().hex + uuid.uuid4().hex
WORK = sys.argv[1]
results = []


def check(name, ok, detail=""):
    results.append({"check": name, "ok": bool(ok), "detail": detail})
    print(("ok   " if ok else "FAIL ") + name + (": " + detail if detail else ""), flush=True)


def sql(query, db=DB):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", os.environ.get("PALIMPSEST_PG_USER", "postgres"), "-d", db,
                          "-qtA", "-c", query], capture_output=True, text=True, check=True)
    return out.stdout.strip()


class Api:
    def __init__(self, spool, port=PORT, db=DB, es_hosts=f"127.0.0.1:{ES_PORT}", options=()):
        self.spool = spool
        self.port = port
        self.db = db
        self.es_hosts = es_hosts
        self.options = list(options)
        self.process = None

    def start(self):
        env = dict(os.environ, PALIMPSEST_DB_URL=f"jdbc:postgresql://127.0.0.1:5432/{self.db}",
                   PALIMPSEST_ES_HOSTS=self.es_hosts)
        log = open(os.path.join(WORK, "api.log"), "a")
        self.process = subprocess.Popen(
            [os.path.join(ROOT, "bin/api"), f"-Dquarkus.http.port={self.port}", "-Dquarkus.log.level=WARN",
             f"-Dpalimpsest.imports.spool-dir={self.spool}", f"-Dpalimpsest.blobs.directory={WORK}/blobs", f"-Dpalimpsest.auth.tokens.faults.secret={TOKEN}",
             "-Dpalimpsest.auth.tokens.faults.roles=archivist,admin", "-Dpalimpsest.imports.lease=5S",
             *self.options], cwd=ROOT, env=env, stdout=log,
            stderr=subprocess.STDOUT)
        for _ in range(240):
            if self.process.poll() is not None:
                raise SystemExit("the API exited at start; see " + os.path.join(WORK, "api.log"))
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{self.port}/q/health/live", timeout=1).status == 200:
                    return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise SystemExit("the API did not start")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def request(method, path, body=None, content_type=None, timeout=60, port=PORT):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Authorization": "Bearer " + TOKEN}
    if content_type:
        headers["Content-Type"] = content_type
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, dict(response.getheaders()), data


def captures(source):
    return int(sql(f"select count(*) from capture where source = '{source}'"))


def orphans():
    """Rows that no capture explains: blobs without a capture, versions without captures, articles without versions."""
    return {
        "blobs": int(sql("select count(*) from blob b where not exists"
                         " (select 1 from capture c where c.raw_sha256 = b.sha256)")),
        "versions": int(sql("select count(*) from version v where v.superseded_by is null and not exists"
                            " (select 1 from capture c where c.version_id = v.id)")),
        "articles": int(sql("select count(*) from article a where a.superseded_by is null and not exists"
                            " (select 1 from version v where v.article_id = a.id)")),
    }


def fixity():
    """Runs a fixity audit of every capture's bytes to its end; its report."""
    status, _, _ = request("POST", "/api/admin/fixity")
    if status != 202:
        raise SystemExit(f"POST /api/admin/fixity answered {status}")
    for _ in range(600):
        status, _, body = request("GET", "/api/admin/fixity")
        report = json.loads(body)
        if report["state"] != "RUNNING":
            return report
        time.sleep(0.5)
    raise SystemExit("the fixity audit did not finish in 5 minutes")


def page(source, i, words=60):
    body = " ".join(f"word{(i * 7919 + k) % 100003}" for k in range(words))
    return f"Report {i} of {source}\n\nThe first paragraph of report {i}: {body}.\n\nA second paragraph, number {i}."


def batch_lines(source, n):
    return [json.dumps({"source": source, "url": f"https://faults.example/{source}/{i}", "contentType": "text/plain",
                        "capturedAt": f"2025-05-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                        "content": page(source, i)}) for i in range(n)]


def kill_mid_batch(api):
    source = "kill-batch"
    lines = batch_lines(source, 2000)
    body = ("\n".join(lines) + "\n").encode()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    conn.request("POST", "/api/captures/batch", body=body, headers={
        "Authorization": "Bearer " + TOKEN, "Content-Type": "application/x-ndjson"})
    response = conn.getresponse()
    before = {}
    try:
        while len(before) < 400:
            raw = response.readline()
            if not raw:
                break
            answer = json.loads(raw)
            before[answer["line"]] = answer["status"]
    finally:
        api.kill9()
    conn.close()
    stored_at_kill = captures(source)
    api.start()
    status, _, data = request("POST", "/api/captures/batch", body, "application/x-ndjson", timeout=600)
    after = {a["line"]: a["status"] for a in map(json.loads, data.decode().splitlines())}
    created_before = [n for n, s in before.items() if s == 201]
    check("kill -9 mid-batch: answers read before the kill", len(before) >= 400 and set(before.values()) == {201},
          f"{len(before)} lines answered, {stored_at_kill} captures committed when it died")
    check("kill -9 mid-batch: the re-sent batch is answered line by line", status == 200 and len(after) == 2000
          and set(after.values()) <= {200, 201}, f"HTTP {status}, {len(after)} lines, statuses {sorted(set(after.values()))}")
    check("kill -9 mid-batch: what was stored before the kill is recognised, not stored twice",
          all(after[n] == 200 for n in created_before)
          and sum(1 for s in after.values() if s == 200) == stored_at_kill,
          f"{sum(1 for s in after.values() if s == 200)} answered 200 on re-send, {stored_at_kill} stored before")
    total = captures(source)
    distinct = int(sql(f"select count(distinct url) from capture where source = '{source}'"))
    check("kill -9 mid-batch: every capture exactly once", total == 2000 and distinct == 2000,
          f"{total} captures, {distinct} distinct URLs")
    return {"linesAnsweredBeforeKill": len(before), "committedAtKill": stored_at_kill, "captures": total}


def kill_with_captures_accepted(api, spool):
    """Captures sent with Prefer: respond-async are answered once they are in the inbox: kill -9 while they wait (the
    drain off), start a node that places them and kill -9 it mid-round, start again; every accepted capture is then
    stored once, under the id its 202 promised."""
    source = f"kill-inbox-{uuid.uuid4().hex[:6]}"
    api.stop()
    holding = Api(spool, options=["-Dpalimpsest.capture.inbox.drain-enabled=false"])
    holding.start()
    promised = []
    for i in range(600):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        conn.request("POST", f"/api/captures?source={source}&url=" + urllib.parse.quote(
            f"https://faults.example/{source}/{i}", safe="") + f"&capturedAt=2025-07-01T{i % 24:02d}:{i % 60:02d}:00Z",
            body=page(source, i).encode(), headers={"Authorization": "Bearer " + TOKEN,
                                                    "Content-Type": "text/plain", "Prefer": "respond-async"})
        response = conn.getresponse()
        answer = json.loads(response.read())
        conn.close()
        if response.status == 202:
            promised.append(answer["captureId"])
    holding.kill9()
    waiting = int(sql(f"select count(*) from capture_inbox where source = '{source}'"))
    api.start()
    deadline = time.time() + 60
    while captures(source) == 0 and time.time() < deadline:
        time.sleep(0.02)
    api.kill9()
    at_second_kill = captures(source)
    api.start()
    deadline = time.time() + 180
    while time.time() < deadline and int(sql(f"select count(*) from capture_inbox where source = '{source}'")) > 0:
        time.sleep(0.2)
    ids = ",".join(f"'{i}'" for i in promised)
    kept = int(sql(f"select count(*) from capture where source = '{source}' and id in ({ids})")) if promised else 0
    total = captures(source)
    left = int(sql(f"select count(*) from capture_inbox where source = '{source}'"))
    check("kill -9 with accepted captures waiting, and again mid-round: each accepted capture stored once, under the"
          " id it was promised", len(promised) == 600 and waiting == 600 and kept == 600 and total == 600 and left == 0,
          f"{len(promised)} answered 202, {waiting} in the inbox at the first kill, {at_second_kill} stored at the"
          f" second; then {total} captures, {kept} under their promised ids, {left} left in the inbox")
    return {"accepted": len(promised), "storedAtSecondKill": at_second_kill, "captures": total}


def warc(source, n):
    return warc_of([{"url": f"https://faults.example/{source}/{i}",
                     "capturedAt": f"2025-06-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                     "content": f"<html><head><title>Story {i}</title></head><body><h1>Story {i}</h1><p>"
                                + page(source, i, 40).replace("\n\n", "</p><p>") + "</p></body></html>"}
                    for i in range(n)])


def job(location):
    return json.loads(request("GET", location)[2])


def kill_mid_import(api, spool):
    """kill -9 of the node running an import: a second node on the same PostgreSQL and spool directory takes the job
    over once its lease runs out (palimpsest.imports.lease, 5 s here) and imports the file to its end."""
    source = f"kill-import-{uuid.uuid4().hex[:6]}"
    file = warc(source, 3000)
    second = Api(spool, port=PORT + 1)
    second.start()
    try:
        status, headers, data = request("POST", f"/api/imports?source={source}&name=crawl.warc", file,
                                        "application/warc")
        location = headers.get("Location") or headers.get("location")
        started = status == 202
        deadline = time.time() + 120
        seen = 0
        while time.time() < deadline:
            seen = job(location)["seen"]
            if seen >= 300:
                break
            time.sleep(0.05)
        api.kill9()
        killed_at = time.time()
        committed = captures(source)
        taken_over_after = None
        ended = None
        deadline = time.time() + 300
        while time.time() < deadline:
            ended = json.loads(request("GET", location, port=PORT + 1)[2])
            if taken_over_after is None and ended["takeovers"] > 0:
                taken_over_after = time.time() - killed_at
            if ended["status"] != "running":
                break
            time.sleep(0.2)
        total = captures(source)
        distinct = int(sql(f"select count(distinct (url, captured_at, raw_sha256)) from capture"
                           f" where source = '{source}'"))
        check("kill -9 mid-import: the other node takes the job over and imports it to its end, each capture once",
              started and ended["status"] == "completed" and ended["takeovers"] == 1 and ended["seen"] == 3000
              and ended["imported"] + ended["reasons"].get("already-archived", 0) == 3000
              and ended["reasons"].get("already-archived", 0) >= committed and total == 3000 and distinct == 3000,
              f"killed at record {seen} with {committed} captures committed; taken over after"
              f" {taken_over_after if taken_over_after is None else round(taken_over_after, 1)} s; ended"
              f" {ended['status']} with {ended['imported']} imported by the second node,"
              f" {ended['reasons'].get('already-archived', 0)} already archived; {total} captures")
        check("kill -9 mid-import: no spooled upload left behind", os.listdir(spool) == [], str(os.listdir(spool)))
    finally:
        second.stop()
        api.start()
    return {"seenAtKill": seen, "committedAtKill": committed, "takenOverAfterSeconds": taken_over_after,
            "captures": total}


def story(i, revision):
    """The HTML of story i as it reads at a revision: the same words for every source (sources are compared)."""
    words = " ".join(f"w{(i * 7919 + k) % 100003}" for k in range(50))
    return (f"<html><head><title>Story {i}</title></head><body><h1>Story {i}</h1><p>The first paragraph of story {i}:"
            f" {words}.</p><p>Story {i} as of its revision {revision}: w{(i * 31 + revision * 7) % 1009} moved on.</p>"
            f"<p>Read more of today's news.</p></body></html>")


def two_nodes_items(n=450, urls=90):
    """Captures of `urls` stories, each captured about five times, revised every other capture; a tenth without URL."""
    items = []
    for i in range(n):
        story_no = i % urls
        revision = (i // urls) // 2
        at = f"2025-07-{1 + i // 96:02d}T{(i // 4) % 24:02d}:{(i * 15) % 60:02d}:00Z"
        url = None if story_no % 10 == 9 else f"https://nodes.example/story/{story_no}"
        items.append({"url": url, "capturedAt": at, "content": story(story_no, revision)})
    return items


def batch_body(source, items):
    return "\n".join(json.dumps({"source": source, "url": it["url"], "contentType": "text/html", "capturedAt":
                                  it["capturedAt"], "content": it["content"]}) for it in items).encode()


def warc_of(items):
    out = bytearray()
    for it in items:
        html = it["content"].encode()
        http_block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                      + str(len(html)).encode() + b"\r\n\r\n" + html)
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
                f"WARC-Date: {it['capturedAt']}\r\nWARC-Target-URI: {it['url']}\r\n"
                f"Content-Type: application/http;msgtype=response\r\nContent-Length: {len(http_block)}\r\n\r\n")
        out += head.encode() + http_block + b"\r\n\r\n"
    return bytes(out)


def mapping(source):
    """Every capture of the source with the article and live version it belongs to, by content (no ids)."""
    return sql(f"select coalesce(c.url, ''), c.raw_sha256, c.captured_at, a.identity_key, v.content_sha256,"
               f" v.version_number from capture c join article a on a.id = c.article_id and a.superseded_by is null"
               f" join version v on v.id = c.version_id and v.superseded_by is null where c.source = '{source}'"
               f" order by 1, 2, 3").splitlines()


def es(path, query=None, port=ES_PORT):
    data = None if query is None else json.dumps(query).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req, timeout=30).read())


def drained(seconds, db=DB):
    """Waits until the outbox has no event left to index; whether it has none."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if int(sql("select count(*) from outbox where done_at is null and dead_at is null", db)) == 0:
            return True
        time.sleep(0.5)
    return False


def two_nodes(spool):
    """Two API processes on one PostgreSQL and one Elasticsearch ingest the same captures into one source at once --
    NDJSON batches and a WARC import on one, single captures on the other, interleaved -- and must end with exactly
    the articles, version digests and capture mapping one process gives when it ingests them alone, in order."""
    tag = uuid.uuid4().hex[:6]
    reference, shared = f"one-node-{tag}", f"two-nodes-{tag}"
    items = two_nodes_items()
    b_port = PORT + 1
    second = Api(spool, port=b_port)
    second.start()
    try:
        status, _, _ = request("POST", "/api/captures/batch", batch_body(reference, items), "application/x-ndjson",
                               timeout=600)
        check("two nodes: the reference source is ingested by one node alone", status == 200, f"HTTP {status}")
        drained(120)
        indexed_before = es("/palimpsest-versions/_stats/indexing")["_all"]["primaries"]["indexing"]["index_total"]
        events_before = int(sql("select coalesce(max(id), 0) from outbox"))
        in_warc = [it for k, it in enumerate(items) if k % 3 == 2 and it["url"]]
        in_batches = [it for k, it in enumerate(items) if k % 3 == 0 or (k % 3 == 2 and not it["url"])]
        singly = [it for k, it in enumerate(items) if k % 3 == 1]
        failures = []

        def node_a():
            st, headers, _ = request("POST", f"/api/imports?source={shared}&name=nodes.warc", warc_of(in_warc),
                                     "application/warc")
            location = headers.get("Location") or headers.get("location")
            for start in range(0, len(in_batches), 25):
                code, _, body = request("POST", "/api/captures/batch", batch_body(shared, in_batches[start:start + 25]),
                                        "application/x-ndjson", timeout=600)
                if code != 200 or any(json.loads(line)["status"] not in (200, 201) for line in body.splitlines()):
                    failures.append(f"batch at {start}: {code}")
            job_state = json.loads(request("GET", location)[2])
            while job_state["status"] == "running":
                time.sleep(0.2)
                job_state = json.loads(request("GET", location)[2])
            if job_state["status"] != "completed" or job_state["imported"] != len(in_warc):
                failures.append(f"import {job_state['status']}, imported {job_state['imported']} of {len(in_warc)}")

        def node_b():
            for it in singly:
                query = f"/api/captures?source={shared}&capturedAt={it['capturedAt']}"
                if it["url"]:
                    query += "&url=" + urllib.parse.quote(it["url"], safe="")
                code, _, body = request("POST", query, it["content"].encode(), "text/html", port=b_port)
                if code not in (200, 201):
                    failures.append(f"single capture: {code} {body[:200]}")

        threads = [threading.Thread(target=node_a), threading.Thread(target=node_b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check("two nodes: every request of both nodes answered 200/201, the import completed", not failures,
              "; ".join(failures[:5]))
        one, two = mapping(reference), mapping(shared)
        check("two nodes: the same articles, version digests and capture mapping as one node",
              len(one) == len(items) and one == two,
              f"{len(two)} captures mapped against {len(one)}; first difference: "
              + next((f"{a} | {b}" for a, b in zip(one, two) if a != b), "none"))
        drained(120)
        events = int(sql(f"select count(*) from outbox where id > {events_before}"))
        dead = int(sql("select count(*) from outbox where dead_at is not null"))
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{ES_PORT}/palimpsest-versions/_refresh",
                                                      method="POST"), timeout=30).read()
        indexed = es("/palimpsest-versions/_stats/indexing")["_all"]["primaries"]["indexing"]["index_total"] \
            - indexed_before
        live = int(sql(f"select count(*) from version v join article a on a.id = v.article_id where a.source ="
                       f" '{shared}' and v.superseded_by is null and a.superseded_by is null"))
        found = es("/palimpsest-versions/_count", {"query": {"term": {"source": shared}}})["count"]
        check("two nodes: both consumers drained the outbox, no event indexed twice, every live version searchable",
              dead == 0 and indexed <= events and found == live,
              f"{events} events, {indexed} index operations, {dead} dead letters; {found} documents for {live}"
              " live versions")
        return {"captures": len(two), "events": events, "indexOperations": indexed, "liveVersions": live}
    finally:
        second.stop()


CLUSTER_PORT = 9211
CLUSTER_DB = "palimpsest_cluster"


def run(*command):
    subprocess.run([os.path.join(ROOT, command[0]), *command[1:]], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def as_of_hits(port, source, as_of):
    status, _, body = request("GET", f"/api/search?q=paragraph&source={source}&asOf={as_of}&size=100", port=port)
    if status != 200:
        return status
    return sorted((h["headline"], h["validFrom"], h["validTo"]) for h in json.loads(body)["hits"])


def cluster(spool):
    """An Elasticsearch cluster of three nodes with one replica: one node is stopped in the middle of an ingest while
    searches run, and brought back. Searches must keep answering, no version may be lost, the cluster must return to
    green, and as-of searches must give the same hits as the one-node archive given the same captures."""
    source = f"cluster-news-{uuid.uuid4().hex[:6]}"  # its own, in an Elasticsearch a previous run may have filled
    items = two_nodes_items()
    run("bin/postgres", "ensure", CLUSTER_DB, "--fresh")
    run("bin/elasticsearch", "cluster", "start", "3", str(CLUSTER_PORT))
    hosts = ",".join(f"127.0.0.1:{CLUSTER_PORT + i}" for i in range(3))
    port = PORT + 2
    api = Api(spool, port=port, db=CLUSTER_DB, es_hosts=hosts,
              options=["-Dpalimpsest.index.replicas=1", "-Dpalimpsest.index.shards=2"])
    api.start()
    try:
        status, _, _ = request("POST", "/api/captures/batch", batch_body(source, items), "application/x-ndjson",
                               timeout=600)  # the one-node archive, for the as-of comparison
        first, rest = items[:225], items[225:]
        request("POST", "/api/captures/batch", batch_body(source, first), "application/x-ndjson", timeout=600,
                port=port)
        drained(120, CLUSTER_DB)
        green = es("/_cluster/health?wait_for_status=green&timeout=60s", port=CLUSTER_PORT)["status"]
        searches, stop = [], threading.Event()

        def searcher():
            while not stop.is_set():
                code, _, _ = request("GET", f"/api/search?q=paragraph&source={source}", port=port)
                searches.append(code)
                time.sleep(0.05)

        thread = threading.Thread(target=searcher)
        thread.start()
        answers = []
        for k, start in enumerate(range(0, len(rest), 25)):
            if k == 3:
                run("bin/elasticsearch", "node", "stop", str(CLUSTER_PORT + 2), str(CLUSTER_PORT), "3")
            code, _, _ = request("POST", "/api/captures/batch", batch_body(source, rest[start:start + 25]),
                                 "application/x-ndjson", timeout=600, port=port)
            answers.append(code)
        all_indexed = drained(180, CLUSTER_DB)
        time.sleep(1)
        stop.set()
        thread.join()
        during = es("/_cluster/health", port=CLUSTER_PORT)
        check("cluster: searches keep answering while a node is down",
              searches and set(searches) == {200} and set(answers) == {200} and during["number_of_nodes"] == 2,
              f"{len(searches)} searches, answers {sorted(set(searches))}; ingest answers {sorted(set(answers))};"
              f" cluster {during['status']} with {during['number_of_nodes']} nodes")
        live = int(sql(f"select count(*) from version v join article a on a.id = v.article_id where a.source ="
                       f" '{source}' and v.superseded_by is null and a.superseded_by is null", CLUSTER_DB))
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{CLUSTER_PORT}/palimpsest-versions/_refresh",
                                                      method="POST"), timeout=30).read()
        found = es("/palimpsest-versions/_count", {"query": {"term": {"source": source}}}, port=CLUSTER_PORT)["count"]
        check("cluster: no version lost with a node down", all_indexed and found == live and live > 0,
              f"{found} documents for {live} live versions; outbox drained: {all_indexed}")
        run("bin/elasticsearch", "node", "start", str(CLUSTER_PORT + 2), str(CLUSTER_PORT), "3")
        back = es("/_cluster/health?wait_for_status=green&wait_for_nodes=3&timeout=120s", port=CLUSTER_PORT)
        check("cluster: green again after the node is back", green == "green" and back["status"] == "green"
              and back["number_of_nodes"] == 3, f"before {green}, after {back['status']} with"
              f" {back['number_of_nodes']} nodes")
        drained(60)
        compared = {}
        for as_of in ("2025-07-02T00:00:00Z", "2025-07-03T12:00:00Z", "2025-07-05T23:00:00Z"):
            compared[as_of] = (as_of_hits(PORT, source, as_of), as_of_hits(port, source, as_of))
        same = all(isinstance(a, list) and a and a == b for a, b in compared.values())
        check("cluster: as-of searches give the same hits on one node and on three", same,
              "; ".join(f"{k}: {len(a) if isinstance(a, list) else a} and {len(b) if isinstance(b, list) else b}"
                        " hits" for k, (a, b) in compared.items()))
        return {"searches": len(searches), "liveVersions": live, "documents": found}
    finally:
        api.stop()
        run("bin/elasticsearch", "cluster", "stop", "3", str(CLUSTER_PORT))


def postgres_restart(api):
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True)
    if os.geteuid() != 0 or clusters.returncode != 0 or not clusters.stdout.strip():
        check("PostgreSQL restarted under ingest: not run (needs root and pg_ctlcluster)", True)
        return {"run": False}
    version, name = clusters.stdout.split()[0:2]
    source = "pg-restart"
    answers = []
    stop = threading.Event()

    def ingest():
        i = 0
        while not stop.is_set():
            try:
                status, headers, data = request(
                    "POST", f"/api/captures?source={source}&url=https://faults.example/pg/{i}"
                    f"&capturedAt=2025-07-01T00:00:{i % 60:02d}Z", page(source, i).encode(), "text/plain", timeout=30)
                answers.append((i, status, headers.get("Content-Type", ""), headers.get("Retry-After")))
            except OSError as e:
                answers.append((i, 0, str(e), None))
            i += 1
            time.sleep(0.02)

    worker = threading.Thread(target=ingest)
    worker.start()
    time.sleep(3)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast"], check=True)
    time.sleep(2)
    ready_down = urllib_status(f"http://127.0.0.1:{PORT}/q/health/ready")
    time.sleep(3)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"], check=True)
    up_at = time.time()
    ready_up = 0
    while time.time() - up_at < 60:
        ready_up = urllib_status(f"http://127.0.0.1:{PORT}/q/health/ready")
        if ready_up == 200:
            break
        time.sleep(0.5)
    recovered_in = time.time() - up_at
    time.sleep(4)
    stop.set()
    worker.join()
    statuses = [a[1] for a in answers]
    outage = [a for a in answers if a[1] == 503]
    created = sum(1 for s in statuses if s == 201)
    stored_before_resend = captures(source)
    after = [a for a in answers[-20:]]
    # A request refused in the outage may still have been stored (the commit reached the server, its answer did not):
    # the client sends it again, and the archive recognises what it has.
    resent = []
    for i, status, _, _ in answers:
        if status != 201:
            code, _, _ = request("POST", f"/api/captures?source={source}&url=https://faults.example/pg/{i}"
                                 f"&capturedAt=2025-07-01T00:00:{i % 60:02d}Z", page(source, i).encode(), "text/plain")
            resent.append(code)
    stored = captures(source)
    check("PostgreSQL restarted under ingest: requests in the outage are 503 problems with Retry-After, never 500s",
          outage and set(statuses) <= {201, 503}
          and all(a[2].startswith("application/problem+json") and a[3] for a in outage),
          f"{len(answers)} requests: {created} stored, {len(outage)} refused 503, others {sorted(set(statuses) - {201, 503})}")
    check("PostgreSQL restarted under ingest: health is down during the outage and up after",
          ready_down == 503 and ready_up == 200, f"ready {ready_down} during, {ready_up} {recovered_in:.1f} s after start")
    check("PostgreSQL restarted under ingest: re-sending what was refused stores each capture exactly once",
          set(resent) <= {200, 201} and stored == len(answers)
          and sum(1 for c in resent if c == 200) == stored_before_resend - created,
          f"{created} answered 201, {stored_before_resend} in the database before re-sending the {len(resent)} refused"
          f" ({sum(1 for c in resent if c == 200)} of them recognised as stored), {stored} after, of {len(answers)} sent")
    check("PostgreSQL restarted under ingest: ingest works again after", all(a[1] == 201 for a in after),
          f"last {len(after)} answers {sorted(set(a[1] for a in after))}")
    return {"requests": len(answers), "answered201": created, "refused503": len(outage),
            "storedThoughRefused": stored_before_resend - created, "readyAgainSeconds": round(recovered_in, 1)}


def urllib_status(url):
    try:
        return urllib.request.urlopen(url, timeout=5).status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError):
        return 0


def full_spool(api_factory):
    """The spool on a 1 MB tmpfs: a 2 MB upload cannot be kept."""
    mount = os.path.join(WORK, "small-spool")
    os.makedirs(mount, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount],
                                           capture_output=True).returncode != 0:
        check("a full import spool: not run (cannot mount a small tmpfs here)", True)
        return {"run": False}
    api = api_factory(mount)
    try:
        api.start()
        jobs_before = json.loads(request("GET", "/api/imports?size=1")[2])["total"]
        status, headers, data = request("POST", "/api/imports?source=full-spool&name=big.warc",
                                        warc("full-spool", 2500), "application/warc")
        problem = json.loads(data) if headers.get("Content-Type", "").startswith("application/problem+json") else {}
        jobs_after = json.loads(request("GET", "/api/imports?size=1")[2])["total"]
        check("a full import spool: the upload is a 503 problem saying so, with no job and no file left",
              status == 503 and "could not be kept on disk" in problem.get("detail", "")
              and jobs_after == jobs_before and os.listdir(mount) == [],
              f"HTTP {status}: {problem.get('detail', data[:80])[:90]}...; files left {os.listdir(mount)}")
    finally:
        api.stop()
        subprocess.run(["umount", mount])
    return {"run": True}


def main():
    # FAULTS=postgres,spool (say) runs only those scenarios: batch, inbox, import, nodes, cluster, postgres, spool;
    # all by default.
    only = set(filter(None, os.environ.get("FAULTS", "batch,inbox,import,nodes,cluster,postgres,spool").split(",")))
    spool = os.path.join(WORK, "spool")
    os.makedirs(spool, exist_ok=True)
    summary = {}
    api = Api(spool)
    api.start()
    try:
        if "batch" in only:
            summary["killMidBatch"] = kill_mid_batch(api)
        if "inbox" in only:
            summary["killWithCapturesAccepted"] = kill_with_captures_accepted(api, spool)
        if "import" in only:
            summary["killMidImport"] = kill_mid_import(api, spool)
        if "nodes" in only:
            summary["twoNodes"] = two_nodes(spool)
        if "cluster" in only:
            summary["cluster"] = cluster(spool)
        if "postgres" in only:
            summary["postgresRestart"] = postgres_restart(api)
        audit = fixity()
        check("every capture's bytes are in the blob store and match their digest (fixity audit)",
              audit["state"] == "DONE" and audit["missing"] == 0 and audit["corrupt"] == 0
              and audit["capturesChecked"] == audit["capturesTotal"],
              json.dumps({k: audit[k] for k in ("state", "capturesChecked", "blobsChecked", "missing", "corrupt")}))
        summary["fixity"] = audit
        left = orphans()
        check("nothing half-written anywhere: no blob, version or article without what it belongs to",
              left == {"blobs": 0, "versions": 0, "articles": 0}, json.dumps(left))
    finally:
        api.stop()
    if "spool" in only:
        summary["fullSpool"] = full_spool(lambda s: Api(s))
    failed = [r for r in results if not r["ok"]]
    print(json.dumps({"checks": len(results), "failed": len(failed), "summary": summary}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
