#!/usr/bin/env python3
"""Posts batches of logs to POST /logs from a few connections for a while; prints logs/s acknowledged with 201.

Usage: retention_load.py PORT TOKEN SECONDS CONNECTIONS TIMESTAMP_OR_NOW [BATCH]
"""
import http.client
import json
import sys
import threading
import time

port, token, seconds, connections, stamp = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
batch = int(sys.argv[6]) if len(sys.argv) > 6 else 1000
severities = ["DEBUG", "INFO", "INFO", "WARNING", "ERROR"]
logs = []
for i in range(batch):
    log = {"service": "svc-%d" % (i % 8), "severity": severities[i % 5],
           "message": "request %d served in %d ms for user %x" % (i, i % 97, i * 7919)}
    if stamp != "now":
        log["timestamp"] = stamp
    logs.append(log)
body = json.dumps(logs).encode()
headers = {"Authorization": "Token " + token, "Content-Type": "application/json"}
ok = [0] * connections
other = [0] * connections
end = time.time() + seconds


def run(n):
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    while time.time() < end:
        conn.request("POST", "/logs", body, headers)
        reply = conn.getresponse()
        reply.read()
        if reply.status == 201:
            ok[n] += batch
        else:
            other[n] += 1


threads = [threading.Thread(target=run, args=(n,)) for n in range(connections)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
print("%.0f %d" % (sum(ok) / elapsed, sum(other)))
