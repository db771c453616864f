#!/usr/bin/env python3
"""ecomap measure on DiscordChatExporter exports from 75 MB to 1 GB (docs/measure.md).

Generates seeded exports under .bench/ (not committed), runs `ecomap measure` on each under
/usr/bin/time, and compares with baselines measured in the same run: Python's C JSON parser
(json.load) on the 75 MB export, and reading every file once (`cat > /dev/null`) at every size.
Goals: 75 MB measured in <= 30 s with peak memory <= 1 GiB; time grows no faster than the file.

Runs alone (`python3 bench/measure_bench.py`, after `swift build -c release`) or as the last section
of `make bench`. Environment: BENCH_MEASURE_SIZES=75,300,1000 (MB), BENCH_QUICK=1 (75 and 300 MB only).
"""
import json
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("ECOMAP_BIN", os.path.join(ROOT, ".build", "release", "ecomap"))
WORK = os.path.join(ROOT, ".bench")
QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = [int(s) for s in os.environ.get("BENCH_MEASURE_SIZES", "75,300" if QUICK else "75,300,1000").split(",")]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def generate(path, megabytes, seed=1):
    """A DiscordChatExporter export of about `megabytes` MB: 5,000 people, 2% bots, 3% joins,
    45% replies, reactions and mentions, over two years ending 2026-03-31."""
    rng = random.Random(seed)
    people = [(str(300000000000000000 + i * 7919), "user%d" % i, rng.random() < 0.02) for i in range(5000)]
    target = megabytes * 1_000_000
    start = 1711929600  # 2024-04-01
    span = 2 * 365 * 86400
    with open(path, "w", encoding="utf-8") as f:
        f.write('{\n  "guild": {"id": "1", "name": "Bench", "iconUrl": "x"},\n'
                '  "channel": {"id": "2", "type": "GuildTextChat", "categoryId": "3", "category": "Text", "name": "general", "topic": null},\n'
                '  "dateRange": {"after": null, "before": null},\n  "exportedAt": "2026-04-01T00:00:00+00:00",\n  "messages": [\n')
        written, n = 0, 0
        ids = []
        while written < target:
            n += 1
            t = start + int(span * written / target) + rng.randint(0, 59)
            pid, name, bot = people[min(int(rng.paretovariate(1.2)) - 1, 4999)]
            kind = rng.random()
            typ = "GuildMemberJoin" if kind < 0.03 else ("Reply" if kind < 0.48 and ids else "Default")
            mid = str(900000000000000000 + n)
            author = '{"id": "%s", "name": "%s", "discriminator": "0000", "nickname": "%s", "color": null, "isBot": %s, "roles": [], "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png"}' % (
                pid, name, name.title(), "true" if bot else "false")
            reactions = "[]"
            if rng.random() < 0.35:
                users = [people[rng.randrange(5000)] for _ in range(rng.randint(1, 3))]
                reactions = '[{"emoji": {"id": "", "name": "\\ud83d\\udc4d", "code": "thumbsup", "isAnimated": false, "imageUrl": "x"}, "count": %d, "users": [%s]}]' % (
                    len(users), ", ".join('{"id": "%s", "name": "%s", "discriminator": "0000", "nickname": null, "isBot": %s, "avatarUrl": "x"}' % (u[0], u[1], "true" if u[2] else "false") for u in users))
            mentions = "[]"
            if rng.random() < 0.1:
                u = people[rng.randrange(5000)]
                mentions = '[{"id": "%s", "name": "%s", "discriminator": "0000", "nickname": null, "isBot": false}]' % (u[0], u[1])
            ref = ""
            if typ == "Reply":
                ref = ', "reference": {"messageId": "%s", "channelId": "2", "guildId": "1"}' % ids[-rng.randint(1, min(len(ids), 40))]
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03d+00:00" % rng.randint(0, 999)
            content = "Lorem ipsum dolor sit amet, \\\"quoted\\\" text \\u00e9 number %d " % n + "x" * rng.randint(0, 200)
            item = ('    {"id": "%s", "type": "%s", "timestamp": "%s", "timestampEdited": null, "callEndedTimestamp": null, '
                    '"isPinned": false, "content": "%s", "author": %s, "attachments": [], "embeds": [], "stickers": [], '
                    '"reactions": %s, "mentions": %s%s}') % (mid, typ, stamp, content, author, reactions, mentions, ref)
            if n > 1:
                f.write(",\n")
            f.write(item)
            written += len(item) + 2
            ids.append(mid)
            if len(ids) > 1000:
                del ids[:500]
        f.write('\n  ],\n  "messageCount": %d\n}\n' % n)
    return n


def timed(cmd, stdout=subprocess.PIPE):
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return wall, (int(m.group(1)) / 1024 if m else None), p


def python_json(path):
    code = "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); print(len(d['messages']))"
    return timed([sys.executable, "-c", code, path])


def run(say):
    os.makedirs(WORK, exist_ok=True)
    if not os.access(BIN, os.X_OK):
        raise SystemExit(f"{BIN} not found; run `swift build -c release` or `make bench`")
    say("#### Goal: a 75 MB Discord export measured in <= 30 s with peak memory <= 1 GiB; scaling to 1 GB")
    say()
    say("| export | messages | `cat` (read once) | ecomap measure | MB/s | peak RSS | vs Python json.load | json.load peak RSS |")
    say("|---:|---:|---:|---:|---:|---:|---:|---:|")
    goals, first = [], None
    for mb in SIZES:
        path = os.path.join(WORK, f"discord-{mb}mb.json")
        meta = path + ".count"
        if not os.path.exists(meta):
            log(f"[bench] generating a {mb} MB Discord export")
            open(meta, "w").write(str(generate(path, mb)))
        count = int(open(meta).read())
        eco = os.path.join(WORK, f"measure-{mb}mb.yaml")
        open(eco, "w").write("ecosystem: Bench\nas_of: 2026-03-31\ncommunities:\n  - id: discord\n"
                             f"    sources: [{{format: discord, path: {os.path.basename(path)}}}]\n")
        log(f"[bench] measuring {mb} MB")
        cat_wall, _, _ = timed(["cat", path], stdout=subprocess.DEVNULL)
        wall, rss, p = timed([BIN, "measure", eco, "--format", "json"])
        if p.returncode != 0:
            say(f"| {mb} MB | {count:,} | | failed: {p.stderr.strip()[:120]} | | | | |")
            goals.append((f"measure {mb} MB", False, "failed"))
            continue
        size = os.path.getsize(path) / 1e6
        py = ""
        py_rss = ""
        if mb <= 100:
            py_wall, py_mem, _ = python_json(path)
            py = f"{py_wall / wall:.2f}x ({py_wall:.1f} s)"
            py_rss = f"{py_mem:.0f} MiB"
        say(f"| {size:.0f} MB | {count:,} | {cat_wall:.2f} s | {wall:.2f} s | {size / wall:.0f} | {rss:.0f} MiB | {py} | {py_rss} |")
        if first is None:
            first = (size, wall)
            goals.append((f"measure {size:.0f} MB <= 30 s", wall <= 30, f"{wall:.1f} s"))
            goals.append((f"measure {size:.0f} MB peak <= 1 GiB", rss <= 1024, f"{rss:.0f} MiB"))
        else:
            growth = (wall / first[1]) / (size / first[0])
            goals.append((f"measure {size:.0f} MB: time per MB within 1.5x of {first[0]:.0f} MB", growth <= 1.5,
                          f"{growth:.2f}x per MB, {rss:.0f} MiB peak"))
    say()
    return goals


def main():
    lines = []
    goals = run(lambda s="": (print(s, flush=True), lines.append(s)))
    print()
    for name, ok, value in goals:
        print(f"- {name}: {value} ({'met' if ok else 'NOT met'})")


if __name__ == "__main__":
    main()
