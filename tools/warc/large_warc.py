#!/usr/bin/env python3
"""Writes a plain WARC of about SIZE bytes for the import memory benchmark: mostly non-text records (5 MB
video/mp4 responses of random bytes, and one of 300 MB: more than the API's whole heap), a few small HTML pages among them that must become captures, one HTML page
whose gzip Content-Encoding would inflate to 1 GB (a gzip bomb of about 1 MB), and one HTML page over the 10 MB capture
limit. Usage: large_warc.py PATH [SIZE] ; prints what it wrote as JSON."""
import hashlib, base64, json, os, sys, uuid, zlib
from datetime import datetime, timedelta, timezone

path = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000_000
start = datetime(2025, 5, 11, tzinfo=timezone.utc)
written = {"pages": 0, "video": 0, "bomb": 0, "oversized": 0}


def record(out, n, url, http_headers, body):
    payload_digest = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
    block = ("HTTP/1.1 200 OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in http_headers) + "\r\n").encode() + body
    date = (start + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Date: {date}\r\n"
            f"WARC-Target-URI: {url}\r\nWARC-Payload-Digest: {payload_digest}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    out.write(head)
    out.write(block)
    out.write(b"\r\n\r\n")


def bomb():
    z = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    zeros = bytes(1 << 20)
    return b"".join(z.compress(zeros) for _ in range(1024)) + z.flush()


with open(path, "wb") as out:
    n = 0
    video = os.urandom(5_000_000)
    bomb_bytes = bomb()
    while out.tell() < size - 6_000_000:
        n += 1
        if n % 19 == 1:
            html = f"<html><head><title>Page {n}</title></head><body><p>Article {n}, among videos.</p></body></html>"
            record(out, n, f"https://large.example/article/{n}", [("Content-Type", "text/html; charset=utf-8")],
                   html.encode())
            written["pages"] += 1
        elif n == 50:
            record(out, n, "https://large.example/bomb", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                   bomb_bytes)
            written["bomb"] += 1
        elif n == 70:
            record(out, n, "https://large.example/video/long.mp4", [("Content-Type", "video/mp4")], video * 60)
            written["video"] += 1
        elif n == 60:
            record(out, n, "https://large.example/huge", [("Content-Type", "text/html")], b"<p>" + b"x" * 20_000_000)
            written["oversized"] += 1
        else:
            # each video differs in its first bytes, so no two payloads are the same
            record(out, n, f"https://large.example/video/{n}.mp4", [("Content-Type", "video/mp4")],
                   n.to_bytes(8, "big") + video[8:])
            written["video"] += 1
    written["records"] = n
    written["bytes"] = out.tell()
print(json.dumps(written))
