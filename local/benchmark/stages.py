#!/usr/bin/env python3
"""Where the time goes when tenants are created at once: reads the folder that
`ten-tenants.sh --trace DIR` leaves and prints, per tenant, each stage's time from the create
request (seconds), then CPU seconds per process over the run.

  local/benchmark/stages.py DIR

Stages: the API server's creation times of the Tenant, its namespace, the database Secret
(tenant-db, written once the database exists) and the Deployment (whole seconds, the API server's
precision); the runner launching the JVM, Flyway starting and done, Quarkus started, the runner's
startup and readiness probes passing (milliseconds, from the app's log); the control plane reporting
Ready and the URL answering through the ingress (milliseconds, the client's clock).
"""
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path


def iso(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def log_time(line):
    # tenant-app console log: "2026-12-07 06:03:22,265 INFO ..." (UTC on this machine)
    stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    return stamp.replace(tzinfo=timezone.utc).timestamp()


def created(trace, kind, namespace=None, name=None):
    found = {}
    for item in json.loads((trace / f"{kind}.json").read_text())["items"]:
        meta = item["metadata"]
        if name is not None and meta["name"] != name:
            continue
        key = meta.get("namespace") if namespace else meta["name"]
        found[key] = iso(meta["creationTimestamp"])
    return found


def app_stages(log):
    stages = {}
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("[tenantry-local] "):
            _, when, _, what = line.split(" ", 3)
            t = iso(when[:26] + "Z" if len(when) > 27 else when)
            if what.startswith("starting ") and "launch" not in stages:
                stages["launch"] = t
            elif what == "started" and "startup probe" not in stages:
                stages["startup probe"] = t
            elif what == "ready" and "ready probe" not in stages:
                stages["ready probe"] = t
            elif "back-off" in what:
                stages["restarts"] = stages.get("restarts", 0) + 1
        elif re.match(r"\d{4}-\d\d-\d\d ", line):
            if "flyway" in line and "flyway start" not in stages:
                stages["flyway start"] = log_time(line)
            elif "Successfully applied" in line:
                stages["flyway done"] = log_time(line)
            elif "started in" in line and "[io.quarkus]" in line:
                stages["quarkus started"] = log_time(line)
    return stages


def cpu(trace, name):
    rows = {}
    path = trace / name
    if path.exists():
        for line in path.read_text().splitlines():
            label, pid, start, ticks = line.split()
            rows[(label, pid)] = (int(start), int(ticks))
    return rows


def main(trace):
    trace = Path(trace)
    tenants = created(trace, "tenants")
    namespaces = created(trace, "namespaces")
    db_secrets = created(trace, "secrets", namespace=True, name="tenant-db")
    deployments = created(trace, "deployments", namespace=True, name="tenant-app")
    columns = ["tenant", "namespace", "db secret", "deployment", "launch", "flyway start",
               "flyway done", "quarkus started", "startup probe", "ready probe",
               "cp Ready", "URL answers"]
    print("| slug | " + " | ".join(columns) + " | restarts |")
    print("| --- " * (len(columns) + 2) + "|")
    launches = {}
    for client in sorted(trace.glob("client-*.txt"), key=lambda p: int(p.stem.split("-")[-1])):
        slug, start, _created, ready, answered = client.read_text().split()
        t0 = int(start) / 1000
        ns = "tenant-" + slug
        stages = app_stages(trace / "logs" / f"{slug}.log")
        launches[slug] = stages.get("launch")
        times = {
            "tenant": tenants.get(slug),
            "namespace": namespaces.get(ns),
            "db secret": db_secrets.get(ns),
            "deployment": deployments.get(ns),
            **stages,
            "cp Ready": int(ready) / 1000 if ready else None,
            "URL answers": int(answered) / 1000,
        }
        cells = ["—" if times.get(c) is None else f"{times[c] - t0:.1f}" for c in columns]
        print(f"| {slug} | " + " | ".join(cells) + f" | {stages.get('restarts', 0)} |")

    before, after = cpu(trace, "cpu-before.txt"), cpu(trace, "cpu-after.txt")
    print()
    print("| process | CPU seconds during the run |")
    print("| --- | --- |")
    totals = {}
    for (label, pid), (_, ticks) in after.items():
        spent = ticks - before.get((label, pid), (0, 0))[1]
        key = "postgres (server and backends)" if label.startswith("postgres") else label
        if label == "tenant-app":
            key = f"tenant-app pid {pid}"
        totals[key] = totals.get(key, 0) + spent / 100
    apps = [v for k, v in totals.items() if k.startswith("tenant-app")]
    for key, seconds in sorted(totals.items()):
        if not key.startswith("tenant-app"):
            print(f"| {key} | {seconds:.1f} |")
    if apps:
        print(f"| tenant apps, each (start-up to 2 s after the last answered) | "
              f"{min(apps):.1f}–{max(apps):.1f} (mean {sum(apps) / len(apps):.1f}) |")
        print(f"| tenant apps, total | {sum(apps):.1f} |")
    print(f"| all of the above | {sum(totals.values()):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1])
