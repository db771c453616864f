#!/usr/bin/env python3
"""Writes small, seeded sample exports in the real formats of DiscordChatExporter, Slack, Discourse
and mention tools (Brandwatch, Talkwalker, Meltwater, generic), and computes the figures ecomap
should measure from them with an independent implementation of docs/measure.md (plain Python).

    python3 scripts/sample-exports.py OUTDIR [--seed N]

OUTDIR receives discord-velo.json, slack-werkplaats.zip, discourse-posts.csv, discourse-users.csv,
mentions-generic.csv, mentions-brandwatch.csv, mentions-talkwalker.csv, mentions-meltwater.csv and
expected.json (figures per community and window end). The project commits one run of it as test
fixtures and as the example exports; rerunning with the same seed writes the same bytes.
"""
import datetime as dt
import io
import json
import random
import sys
import zipfile

SEED = 7
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
ENDS = ["2026-03-31", "2026-06-30"]
WINDOW = 90

PEOPLE = ["Anouk", "Bram", "Chantal", "Daan", "Eva", "Femke", "Gert", "Hanna", "Ilse", "Jeroen",
          "Jürgen", "Käthe", "Lotte", "Maarten", "Noor", "Özlem", "Pieter", "Renée"]
COMPETITORS = ["Stadsrad", "VeloNord"]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (t.microsecond // 1000) + "+00:00"


def conversation(rng, n, start, days, with_mentions=True):
    """Abstract messages: dicts with n, author, time, reply_to, reactors, mentions, bot, system."""
    msgs = []
    t = start
    for i in range(1, n + 1):
        t = t + dt.timedelta(minutes=rng.randint(20, int(days * 1440 / n * 2)))
        kind = rng.random()
        author = rng.choice(PEOPLE[: rng.choice([8, 12, 18])])
        m = {"n": i, "author": author, "time": t.replace(microsecond=0),
             "reply_to": None, "reactors": [], "mentions": [], "bot": False, "system": False}
        if kind < 0.05:
            m["bot"] = True
            m["author"] = "Fietsbot"
        elif kind < 0.09:
            m["system"] = True
        elif kind < 0.55 and msgs:
            candidates = [x for x in msgs[-6:] if not x["system"]]
            parent = rng.choice(candidates)
            m["reply_to"] = parent["n"]
            if rng.random() < 0.15 and not parent["bot"]:
                m["author"] = parent["author"]  # self-reply
        if not m["system"] and rng.random() < 0.4:
            m["reactors"] = sorted(set(rng.sample(PEOPLE, rng.randint(1, 4))) - {m["author"]})
            if rng.random() < 0.2:
                m["reactors"].append("Fietsbot")
        if with_mentions and not m["system"] and rng.random() < 0.15:
            m["mentions"] = sorted({rng.choice(PEOPLE)} - {m["author"]})
        msgs.append(m)
    return msgs


def in_window(t, end):
    e = dt.datetime.strptime(end, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc) + dt.timedelta(days=1)
    return e - dt.timedelta(days=WINDOW) <= t < e


def pagerank(nodes, edges, d=0.85):
    rank = {v: 1 / len(nodes) for v in nodes}
    out = {v: 0.0 for v in nodes}
    for (a, b), w in edges.items():
        out[a] += w
        out[b] += w
    for _ in range(1000):
        dangling = sum(rank[v] for v in nodes if out[v] == 0)
        nxt = {v: (1 - d + d * dangling) / len(nodes) for v in nodes}
        for (a, b), w in edges.items():
            nxt[b] += d * rank[a] * w / out[a]
            nxt[a] += d * rank[b] * w / out[b]
        rank = nxt
    return rank


def figures(msgs, end, reactions_of, interactions_from_reactions=True, mentions=True):
    """The docs/measure.md definitions, written plainly."""
    counted = [m for m in msgs if not m["bot"] and not m["system"]]
    author_of = {m["n"]: m["author"] for m in counted}
    window = [m for m in counted if in_window(m["time"], end)]
    discussions = [m for m in window if m["reply_to"] is None]
    replies = [m for m in window if m["reply_to"] is not None]
    emoji = sum(reactions_of(m) for m in window)
    active = sorted({m["author"] for m in window})
    per_month = lambda c: c * 30 / WINDOW
    first = {}
    disc_by_n = {m["n"]: m for m in discussions}
    for r in replies:
        d = disc_by_n.get(r["reply_to"])
        if d and d["author"] != r["author"] and r["time"] >= d["time"]:
            delay = (r["time"] - d["time"]).total_seconds()
            first[d["n"]] = min(first.get(d["n"], delay), delay)
    delays = sorted(first.values())
    median = None
    if delays:
        k = len(delays) // 2
        median = (delays[k] if len(delays) % 2 else (delays[k - 1] + delays[k]) / 2) / 3600
    edges = {}

    def link(a, b):
        if a != b:
            key = tuple(sorted((a, b)))
            edges[key] = edges.get(key, 0) + 1
    for m in window:
        if interactions_from_reactions:
            for r in m["reactors"]:
                if r != "Fietsbot":
                    link(r, m["author"])
        if mentions:
            for p in m["mentions"]:
                link(m["author"], p)
    for r in replies:
        if r["reply_to"] in author_of:
            link(r["author"], author_of[r["reply_to"]])
    nodes = sorted(set(active) | {p for e in edges for p in e})
    pr = pagerank(nodes, edges) if nodes else {}
    count = {p: sum(1 for m in window if m["author"] == p) for p in nodes}
    order = sorted(nodes, key=lambda p: (-round(pr[p] * 1e8), -count[p], p))[:5]
    disc = per_month(len(discussions))
    reac = per_month(len(replies) + emoji)
    return {
        "active_members": len(active),
        "discussions": disc,
        "reactions": reac,
        "density": (disc + reac) / len(active) if active else None,
        "response_rate": len(first) / len(discussions) if discussions else None,
        "median_first_response_hours": median,
        "key_people": [{"name": p, "score": pr[p], "messages": count[p]} for p in order],
    }


def uid(name):
    return str(100000000000000000 + (PEOPLE + ["Fietsbot"]).index(name) * 7919)


def discord(msgs):
    def user(name):
        return {"id": uid(name), "name": name.lower(), "discriminator": "0000", "nickname": name,
                "color": None, "isBot": name == "Fietsbot", "roles": [], "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png"}
    out = []
    for m in msgs:
        typ = "GuildMemberJoin" if m["system"] else ("Reply" if m["reply_to"] else "Default")
        item = {"id": str(900000000000000000 + m["n"]), "type": typ, "timestamp": iso(m["time"]),
                "timestampEdited": None, "callEndedTimestamp": None, "isPinned": False,
                "content": "" if m["system"] else "Bericht %d over fietsen ☺" % m["n"],
                "author": user(m["author"]), "attachments": [], "embeds": [], "stickers": [],
                "reactions": ([{"emoji": {"id": "", "name": "👍", "code": "thumbsup", "isAnimated": False,
                                          "imageUrl": "https://cdn.jsdelivr.net/x.svg"},
                                "count": len(m["reactors"]), "users": [user(r) for r in m["reactors"]]}]
                              if m["reactors"] else []),
                "mentions": [user(p) for p in m["mentions"]]}
        if m["reply_to"]:
            item["reference"] = {"messageId": str(900000000000000000 + m["reply_to"]), "channelId": "55", "guildId": "44"}
        out.append(item)
    doc = {"guild": {"id": "44", "name": "Velo Makers", "iconUrl": "https://cdn.discordapp.com/x.png"},
           "channel": {"id": "55", "type": "GuildTextChat", "categoryId": "1", "category": "Tekst", "name": "algemeen", "topic": None},
           "dateRange": {"after": None, "before": None}, "exportedAt": "2026-07-01T08:00:00+00:00",
           "messages": out, "messageCount": len(out)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def slack_zip(msgs):
    def ts(m):
        return "%d.%06d" % (int((m["time"] - EPOCH).total_seconds()), m["n"])
    by_n = {m["n"]: m for m in msgs}
    users = [{"id": "U%03d" % i, "team_id": "T1", "name": p.lower(), "deleted": False, "real_name": p,
              "is_bot": False, "profile": {"real_name": p, "display_name": p}} for i, p in enumerate(PEOPLE)]
    users.append({"id": "B001", "name": "fietsbot", "deleted": False, "is_bot": True, "profile": {"display_name": "Fietsbot"}})
    users.append({"id": "U999", "name": "oud", "deleted": True, "is_bot": False, "profile": {}})
    ids = {p: "U%03d" % i for i, p in enumerate(PEOPLE)}
    ids["Fietsbot"] = "B001"
    days = {}
    for m in msgs:
        item = {"type": "message", "ts": ts(m), "text": "bericht %d " % m["n"] + " ".join("<@%s>" % ids[p] for p in m["mentions"])}
        if m["system"]:
            item.update({"subtype": "channel_join", "user": ids[m["author"]]})
        elif m["bot"]:
            item.update({"subtype": "bot_message", "bot_id": "B001", "username": "fietsbot"})
        else:
            item["user"] = ids[m["author"]]
        if m["reply_to"]:
            item["thread_ts"] = ts(by_n[m["reply_to"]])
            item["parent_user_id"] = ids[by_n[m["reply_to"]]["author"]]
        elif any(x["reply_to"] == m["n"] for x in msgs):
            item["thread_ts"] = ts(m)
            item["reply_count"] = sum(1 for x in msgs if x["reply_to"] == m["n"])
        if m["reactors"]:
            item["reactions"] = [{"name": "+1", "users": [ids[r] for r in m["reactors"]], "count": len(m["reactors"])}]
        days.setdefault(m["time"].strftime("%Y-%m-%d"), []).append(item)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, obj):
            info = zipfile.ZipInfo(name, date_time=(2026, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
        add("channels.json", [{"id": "C1", "name": "werkplaats", "created": 1700000000, "members": list(ids.values())}])
        add("users.json", users)
        for day in sorted(days):
            add("werkplaats/%s.json" % day, days[day])
    return buf.getvalue()


def discourse(msgs):
    """Posts CSV (Data Explorer) where each discussion opens a topic; replies go to their topic."""
    topic, number, lines = {}, {}, ["post_id,topic_id,post_number,user_id,username,created_at,reply_to_post_number,like_count,post_type"]
    counters = {}
    for m in msgs:
        if m["reply_to"] is None or m["system"]:
            t = 100 + m["n"]
        else:
            t = topic[m["reply_to"]]
        topic[m["n"]] = t
        counters[t] = counters.get(t, 0) + 1
        number[m["n"]] = counters[t]
        user = -2 if m["bot"] else (PEOPLE.index(m["author"]) + 1)
        reply = "" if m["reply_to"] is None or number[m["reply_to"]] == 1 else str(number[m["reply_to"]])
        likes = sum(1 for r in m["reactors"] if r != "Fietsbot")
        lines.append("%d,%d,%d,%d,%s,%s,%s,%d,%d" % (m["n"], t, number[m["n"]], user, "discobot" if m["bot"] else m["author"],
                                                 m["time"].strftime("%Y-%m-%d %H:%M:%S"), reply, likes, 3 if m["system"] else 1))
    users = ["id,name,username,email,created_at,last_seen_at,trust_level,active,staged,suspended_at"]
    users.append("-1,system,system,no_email,2024-01-01,,4,true,false,")
    for i, p in enumerate(PEOPLE):
        users.append("%d,%s,%s,%s@example.org,2024-02-01,2026-06-01,1,true,false," % (i + 1, p, p, p.lower()))
    users.append("90,Gast,gast,g@example.org,2024-02-01,,0,false,true,")
    return "\n".join(lines) + "\n", "\n".join(users) + "\n"


def mentions(rng):
    rows = []
    t = dt.datetime(2025, 11, 1, tzinfo=dt.timezone.utc)
    for i in range(120):
        t += dt.timedelta(hours=rng.randint(6, 60))
        s = rng.choices(["positive", "neutral", "negative", "not rated"], [5, 3, 2, 1])[0]
        text = rng.choice(["Mooie fiets van Trapkracht", "Trapkracht of %s?" % rng.choice(COMPETITORS),
                           "Weer een lekke band", "%s is goedkoper" % rng.choice(COMPETITORS), "Tolle Lastenräder"])
        rows.append({"time": t, "sentiment": s, "text": text, "author": rng.choice(PEOPLE),
                     "community": rng.choice(["fietsforum", "fietsforum", "velo-discord"])})
    return rows


def sentiment_figures(rows, end, community=None):
    sel = [r for r in rows if in_window(r["time"], end) and (community is None or r["community"] == community)]
    rated = [r for r in sel if r["sentiment"] != "not rated"]
    share = lambda s: (sum(1 for r in rated if r["sentiment"] == s) / len(rated)) if rated else 0
    comp = {c.lower(): sum(1 for r in sel if c.lower() in r["text"].lower().replace("?", " ").split()) for c in COMPETITORS}
    return {"mentions": len(sel), "positive": share("positive"), "neutral": share("neutral"), "negative": share("negative"),
            "competitors": comp}


def main():
    out = sys.argv[1]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--seed" else SEED
    rng = random.Random(seed)
    start = dt.datetime(2025, 12, 1, tzinfo=dt.timezone.utc)
    velo = conversation(rng, 160, start, 210)
    werk = conversation(rng, 120, start, 210)
    forum = conversation(rng, 140, start, 210, with_mentions=False)
    ment = mentions(rng)
    open(out + "/discord-velo.json", "w").write(discord(velo))
    open(out + "/slack-werkplaats.zip", "wb").write(slack_zip(werk))
    posts, users = discourse(forum)
    open(out + "/discourse-posts.csv", "w").write(posts)
    open(out + "/discourse-users.csv", "w").write(users)
    with open(out + "/mentions-generic.csv", "w") as f:
        f.write("community,date,author,sentiment,text\n")
        for r in ment:
            f.write("%s,%s,%s,%s,%s\n" % (r["community"], r["time"].strftime("%Y-%m-%d"), r["author"], r["sentiment"], r["text"]))
    with open(out + "/mentions-brandwatch.csv", "w") as f:
        f.write("Brandwatch Consumer Research\nReport: Trapkracht mentions\n\n")
        f.write("Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Author,Full Text,Reach (new)\n")
        for i, r in enumerate(ment):
            f.write('%d,Trapkracht,%s.0,,https://example.org/%d,example.org,%s,forum,%s,"%s",%d\n' % (
                1000 + i, r["time"].strftime("%Y-%m-%d %H:%M:%S"), i, "neutral" if r["sentiment"] == "not rated" else r["sentiment"],
                r["author"], r["text"], 100 + i))
    with open(out + "/mentions-talkwalker.csv", "w") as f:
        f.write("url,indexed,published,title,content,lang,sentiment,source_type,extra_author_attributes.name,reach\n")
        score = {"positive": 3, "neutral": 0, "negative": -4}
        for i, r in enumerate(ment):
            if r["sentiment"] == "not rated":
                continue
            f.write("https://example.org/%d,%d,%d,,%s,nl,%d,FORUM,%s,%d\n" % (
                i, int((r["time"] - EPOCH).total_seconds() * 1000) + 5000, int((r["time"] - EPOCH).total_seconds() * 1000),
                r["text"], score[r["sentiment"]], r["author"], 10 * i))
    text = "Date\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tSentiment\tAuthor\tReach\r\n"
    for i, r in enumerate(ment):
        text += "%s\t\thttps://example.org/%d\t\t%s\tforum\t%s\t%s\t%d\r\n" % (
            r["time"].strftime("%d-%b-%Y %I:%M%p"), i, r["text"], r["sentiment"].title(), r["author"], i)
    open(out + "/mentions-meltwater.csv", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))

    def rx(m):
        return sum(1 for r in m["reactors"] if r != "Fietsbot")
    expected = {}
    for end in ENDS:
        expected[end] = {
            "discord": figures(velo, end, rx),
            "slack": dict(figures(werk, end, rx), registered_members=len(PEOPLE)),
            "discourse": dict(figures(forum, end, rx, interactions_from_reactions=False, mentions=False),
                              registered_members=len(PEOPLE)),
            "mentions-generic-fietsforum": sentiment_figures(ment, end, "fietsforum"),
            "mentions-all": sentiment_figures(ment, end),
            "mentions-talkwalker": sentiment_figures([r for r in ment if r["sentiment"] != "not rated"], end),
            "mentions-brandwatch": sentiment_figures([dict(r, sentiment="neutral" if r["sentiment"] == "not rated" else r["sentiment"])
                                                      for r in ment], end),
        }
    open(out + "/expected.json", "w").write(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
