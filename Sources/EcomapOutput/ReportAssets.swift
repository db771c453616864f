/// The report's one inline style sheet, its one inline script and its legend. They are constant text, so
/// their SHA-256 hashes in the Content-Security-Policy change only when this file does.
enum ReportAssets {
    /// Tier colours (Okabe–Ito, colour-blind safe), shared with the strategy matrix.
    static let tierColors: [(tier: String, fill: String, text: String)] = [
        ("focus", "#0072B2", "#FFFFFF"), ("nurture", "#E69F00", "#1A1A1A"), ("monitor", "#BBBBBB", "#1A1A1A"),
    ]

    static let legend = """
        <div class="legend" aria-label="Legend"><h2>Legend</h2><ul>\
        <li><span class="tier tier-focus">focus</span> strong now: invest here</li>\
        <li><span class="tier tier-nurture">nurture</span> promising: build the relationship</li>\
        <li><span class="tier tier-monitor">monitor</span> listen in for now</li>\
        <li><span class="swatch swatch-selected"></span> selected node, <span class="swatch swatch-linked"></span> its links and neighbours</li>\
        <li>On the map: communities are ellipses (area = size score, fill = focus score), influencers boxes, stakeholders hexagons; \
        a dashed outline means the size is unknown; link width shows the link weight; the map's own legend explains the colours.</li>\
        </ul><p class="hint">Click a row or a node to select it; click a column heading to sort; use the filters to narrow the table.</p></div>

        """

    static let style = """
        :root{--ink:#1A1A1A;--muted:#555;--line:#D9D9D9;--bg:#FFFFFF;--panel:#F6F7F9;--sel:#D81B60;--link:#7B3294}\
        *{box-sizing:border-box}\
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:var(--ink);background:var(--bg)}\
        header{padding:20px 28px 8px;border-bottom:1px solid var(--line)}\
        h1{margin:0 0 4px;font-size:26px}h2{font-size:17px;margin:0 0 8px}\
        .meta{margin:0;color:var(--muted);font-size:13px}.description{margin:6px 0 0;max-width:70em}\
        .summary{margin:10px 0 8px;padding:10px 14px;background:var(--panel);border-left:4px solid #0072B2;max-width:70em}\
        main{display:grid;grid-template-columns:minmax(0,2fr) minmax(280px,1fr);gap:18px;padding:18px 28px}\
        .map-section{grid-column:1;min-width:0}.details{grid-column:2;grid-row:1 / span 3;align-self:start;position:sticky;top:12px;\
        background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:14px 16px;max-height:calc(100vh - 24px);overflow:auto}\
        .ranking-section,.gaps-section{grid-column:1;min-width:0}.ranking-section{overflow-x:auto}\
        .map{border:1px solid var(--line);border-radius:6px;overflow:auto;max-height:78vh;background:#FFF}\
        .map svg{display:block;height:auto;max-width:none}\
        .zoom{display:flex;gap:6px;align-items:center;margin:0 0 6px;font-size:13px;color:var(--muted)}\
        .zoom button{font:inherit;padding:1px 9px;border:1px solid var(--line);background:#FFF;border-radius:4px;cursor:pointer;color:var(--ink)}\
        .map [id^="node-"]{cursor:pointer}\
        .map svg.has-selection [id^="node-"]{opacity:.35}\
        .map svg.has-selection [id^="edge-"]{opacity:.2}\
        .map svg.has-selection .is-selected,.map svg.has-selection .is-neighbor,.map svg.has-selection .is-linked{opacity:1}\
        .map .is-selected ellipse,.map .is-selected polygon,.map .is-selected path{stroke:var(--sel);stroke-width:5px}\
        .map .is-linked path{stroke:var(--link)}\
        .map .is-neighbor ellipse,.map .is-neighbor polygon{stroke:var(--link);stroke-width:3px}\
        .map-missing{padding:24px;color:var(--muted)}\
        .legend{font-size:13px;color:var(--muted);margin-top:10px}.legend h2{font-size:14px;color:var(--ink)}\
        .legend ul{margin:0;padding-left:18px}.legend li{margin:2px 0}\
        .tier{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;line-height:18px}\
        .tier-focus{background:#0072B2;color:#FFF}.tier-nurture{background:#E69F00;color:#1A1A1A}.tier-monitor{background:#BBB;color:#1A1A1A}\
        .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px}\
        .swatch-selected{background:var(--sel)}.swatch-linked{background:var(--link)}\
        .filters{display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin:0 0 8px;font-size:14px}\
        .filters select{font:inherit;padding:2px 4px}.row-count{color:var(--muted)}\
        table.ranking{border-collapse:collapse;width:100%;font-size:14px}\
        .ranking th{text-align:left;border-bottom:2px solid var(--ink);padding:0}\
        .ranking th button{font:inherit;font-weight:600;background:none;border:0;padding:6px 8px;cursor:pointer;color:inherit;width:100%;text-align:inherit}\
        .ranking th.num,.ranking td.num{text-align:right}\
        .ranking th[aria-sort=ascending] button::after{content:" \\25B2"}.ranking th[aria-sort=descending] button::after{content:" \\25BC"}\
        .ranking td{padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}\
        .ranking tbody tr{cursor:pointer}.ranking tbody tr:hover{background:#F0F4F8}\
        .ranking tbody tr.is-selected{background:#FCE4EC;outline:2px solid var(--sel);outline-offset:-2px}\
        .ranking td.name{font-weight:600}.ranking .unknown{color:#999}\
        .details h2{font-size:20px;margin:0 0 2px}.details .kind{margin:0 0 10px;color:var(--muted)}\
        .details h3{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:14px 0 4px}\
        .details dl{display:grid;grid-template-columns:fit-content(12em) 1fr;gap:2px 10px;margin:0}.details dt{color:var(--muted)}.details dd{margin:0}\
        .details meter{width:110px;vertical-align:middle;margin-right:6px}\
        .details .next{font-weight:600}.details ul{margin:0;padding-left:18px}\
        button.link{font:inherit;background:none;border:0;padding:0;color:#0B5CAD;text-decoration:underline;cursor:pointer;text-align:left}\
        .flag{color:#A1002E}\
        .gaps{padding-left:18px}.gaps li{margin:4px 0}.gaps .sev{font-weight:600;text-transform:uppercase;font-size:11px;margin-right:6px}\
        footer{padding:10px 28px 24px;color:var(--muted);font-size:12px}\
        @media (max-width:900px){main{grid-template-columns:1fr}.details{grid-column:1;grid-row:auto;position:static}.ranking-section,.gaps-section{grid-column:1}}\
        @media print{.details{position:static}.map{max-height:none}}
        """

    /// Reads the embedded JSON and builds the table, the filters, the details panel and the map selection.
    /// User text only ever reaches the page through `textContent`, `value`, `dataset` or a checked `href`.
    static let script = """
        (function () {
        "use strict";
        var data = JSON.parse(document.getElementById("ecomap-data").textContent);
        var nodes = data.nodes, byId = Object.create(null), byDom = Object.create(null), order = Object.create(null);
        nodes.forEach(function (n, i) { byId[n.id] = n; order[n.id] = i; if (n.dom) { byDom[n.dom] = n; } });
        var body = document.getElementById("ranking-body"), details = document.getElementById("details");
        var mapBox = document.getElementById("map"), svg = mapBox ? mapBox.querySelector("svg") : null;
        var rows = Object.create(null), selected = null, sortKey = "rank", sortDir = 1;
        var TIER_ORDER = { focus: 0, nurture: 1, monitor: 2 };
        var TIER_CLASS = { focus: "tier tier-focus", nurture: "tier tier-nurture", monitor: "tier tier-monitor" };
        var KIND_LABEL = { community: "Community", influencer: "Influencer", stakeholder: "Stakeholder" };

        function el(tag, cls, text) {
          var e = document.createElement(tag);
          if (cls) { e.className = cls; }
          if (text !== undefined && text !== null) { e.textContent = String(text); }
          return e;
        }
        function dim(n, d) { return n.dimensions ? n.dimensions[d] : null; }
        function whole(v) { return v === null || v === undefined ? "\\u2013" : String(Math.round(v)); }
        var DECIMAL = data.decimal_separator === "," ? "," : ".";
        function tenth(v) { return v === null || v === undefined ? "\\u2013" : v.toFixed(1).replace(".", DECIMAL); }
        function plain(v) { return String(v).replace(".", DECIMAL); }

        var columns = [
          { key: "rank", label: "#", num: true, value: function (n) { return n.rank; }, text: function (n) { return n.rank === null ? "" : String(n.rank); } },
          { key: "name", label: "Name", value: function (n) { return n.name.toLowerCase(); }, text: function (n) { return n.name; }, cls: "name" },
          { key: "kind", label: "Kind", value: function (n) { return n.kind; }, text: function (n) { return KIND_LABEL[n.kind] || n.kind; } },
          { key: "score", label: "Score", num: true, value: function (n) { return n.score; }, text: function (n) { return tenth(n.score); } },
          { key: "size", label: "Size", num: true, value: function (n) { return dim(n, "size"); }, text: function (n) { return whole(dim(n, "size")); } },
          { key: "activity", label: "Activity", num: true, value: function (n) { return dim(n, "activity"); }, text: function (n) { return whole(dim(n, "activity")); } },
          { key: "reach", label: "Reach", num: true, value: function (n) { return dim(n, "reach"); }, text: function (n) { return whole(dim(n, "reach")); } },
          { key: "action", label: "Action", num: true, value: function (n) { return dim(n, "action"); }, text: function (n) { return whole(dim(n, "action")); } },
          { key: "tier", label: "Tier", value: function (n) { return n.tier === null ? null : TIER_ORDER[n.tier]; }, tier: true },
          { key: "next", label: "Next step", value: function (n) { return n.next_step; }, text: function (n) { return n.next_step || ""; } }
        ];

        function buildHeader() {
          var tr = document.querySelector("#ranking thead tr");
          columns.forEach(function (c) {
            var th = el("th", c.num ? "num" : "");
            th.setAttribute("scope", "col");
            th.dataset.key = c.key;
            var b = el("button", "", c.label);
            b.type = "button";
            b.addEventListener("click", function () { sortBy(c.key); });
            th.appendChild(b);
            tr.appendChild(th);
          });
        }

        function buildRows() {
          nodes.forEach(function (n) {
            var tr = el("tr");
            tr.dataset.id = n.id;
            tr.tabIndex = 0;
            columns.forEach(function (c) {
              var td = el("td", (c.num ? "num" : "") + (c.cls ? " " + c.cls : ""));
              if (c.tier) {
                if (n.tier && TIER_CLASS[n.tier]) { td.appendChild(el("span", TIER_CLASS[n.tier], n.tier)); }
              } else {
                td.textContent = c.num && c.key !== "rank" && n.kind !== "community" ? "" : c.text(n);
                if (td.textContent === "\\u2013") { td.className += " unknown"; }
              }
              tr.appendChild(td);
            });
            tr.addEventListener("click", function () { select(n.id, "table"); });
            tr.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(n.id, "table"); } });
            rows[n.id] = tr;
            body.appendChild(tr);
          });
        }

        function compare(a, b) {
          var c = columns.filter(function (x) { return x.key === sortKey; })[0];
          var va = c.value(a), vb = c.value(b);
          var na = va === null || va === undefined, nb = vb === null || vb === undefined;
          if (na !== nb) { return na ? 1 : -1; }
          if (!na && va !== vb) { return (va < vb ? -1 : 1) * sortDir; }
          return order[a.id] - order[b.id];
        }

        function sortBy(key) {
          if (sortKey === key) { sortDir = -sortDir; } else { sortKey = key; sortDir = key === "score" || key === "size" || key === "activity" || key === "reach" || key === "action" ? -1 : 1; }
          render();
        }

        function fillSelect(id, options) {
          var s = document.getElementById(id);
          options.forEach(function (o) { var opt = el("option", "", o[1]); opt.value = o[0]; s.appendChild(opt); });
          s.addEventListener("change", render);
          return s;
        }
        var tierSelect = fillSelect("filter-tier", [["focus", "focus"], ["nurture", "nurture"], ["monitor", "monitor"]]);
        var topicSelect = fillSelect("filter-topic", data.topics.map(function (t) { return [t.id, t.name]; }));
        var kindSelect = fillSelect("filter-kind", [["community", "Communities"], ["influencer", "Influencers"], ["stakeholder", "Stakeholders"]]);

        function visible(n) {
          if (tierSelect.value && n.tier !== tierSelect.value) { return false; }
          if (topicSelect.value && n.topic_ids.indexOf(topicSelect.value) < 0) { return false; }
          if (kindSelect.value && n.kind !== kindSelect.value) { return false; }
          return true;
        }

        function render() {
          var sorted = nodes.slice().sort(compare), shown = 0;
          sorted.forEach(function (n) {
            var tr = rows[n.id];
            tr.hidden = !visible(n);
            if (!tr.hidden) { shown += 1; }
            body.appendChild(tr);
          });
          document.querySelectorAll("#ranking thead th").forEach(function (th) {
            if (th.dataset.key === sortKey) { th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending"); } else { th.removeAttribute("aria-sort"); }
          });
          document.getElementById("row-count").textContent = "Showing " + shown + " of " + nodes.length;
        }

        function mapElement(domId) { return domId && svg ? document.getElementById(domId) : null; }

        function clearSelection() {
          if (!selected) { return; }
          var row = rows[selected];
          if (row) { row.classList.remove("is-selected"); row.removeAttribute("aria-selected"); }
          if (svg) {
            svg.querySelectorAll(".is-selected, .is-neighbor, .is-linked").forEach(function (e) {
              e.classList.remove("is-selected", "is-neighbor", "is-linked");
            });
            svg.classList.remove("has-selection");
          }
        }

        function select(id, from) {
          var n = byId[id];
          if (!n) { return; }
          clearSelection();
          selected = id;
          var row = rows[id];
          if (row) {
            row.classList.add("is-selected");
            row.setAttribute("aria-selected", "true");
            if (from !== "table" && !row.hidden) { row.scrollIntoView({ block: "nearest" }); }
          }
          var g = mapElement(n.dom);
          if (g) {
            svg.classList.add("has-selection");
            g.classList.add("is-selected");
            n.links.forEach(function (l) {
              var e = mapElement(l.edge), other = byId[l.id], o = other ? mapElement(other.dom) : null;
              if (e) { e.classList.add("is-linked"); }
              if (o) { o.classList.add("is-neighbor"); }
            });
            // From the overview, selecting zooms in far enough to read the labels around the node.
            if (zoom < READABLE) { setZoom(READABLE); }
            centreInMap(g);
          }
          showDetails(n);
        }

        // Scrolls the map box (not the page) so that the element is in its middle.
        function centreInMap(g) {
          var r = g.getBoundingClientRect(), c = mapBox.getBoundingClientRect();
          mapBox.scrollLeft += (r.left + r.width / 2) - (c.left + c.width / 2);
          mapBox.scrollTop += (r.top + r.height / 2) - (c.top + c.height / 2);
        }

        function safeHref(u) {
          try { var p = new URL(u).protocol; return p === "http:" || p === "https:" || p === "mailto:" ? u : null; } catch (e) { return null; }
        }

        function showDetails(n) {
          details.textContent = "";
          details.appendChild(el("h2", "", n.name));
          var kind = KIND_LABEL[n.kind] || n.kind;
          if (n.rank !== null) { kind += " \\u00B7 rank " + n.rank + " of " + data.communities; }
          var k = el("p", "kind", kind + " ");
          if (n.tier && TIER_CLASS[n.tier]) { k.appendChild(el("span", TIER_CLASS[n.tier], n.tier)); }
          details.appendChild(k);
          if (n.score !== null) {
            details.appendChild(el("h3", "", "Scores (0\\u2013100)"));
            var dl = el("dl", "scores");
            var row = function (label, value, meterValue) {
              dl.appendChild(el("dt", "", label));
              var dd = el("dd");
              if (meterValue !== null && meterValue !== undefined) {
                var m = el("meter");
                m.min = 0; m.max = 100; m.value = meterValue;
                dd.appendChild(m);
              }
              dd.appendChild(document.createTextNode(value));
              dl.appendChild(dd);
            };
            row("Focus score", tenth(n.score) + (n.optimistic !== null && n.optimistic > n.score + 0.05 ? " (could be up to " + tenth(n.optimistic) + ")" : ""), n.score);
            ["size", "activity", "reach", "action"].forEach(function (d) {
              var v = dim(n, d);
              row(d.charAt(0).toUpperCase() + d.slice(1), v === null ? "unknown" : whole(v), v);
            });
            row("Confidence", Math.round(n.confidence * 100) + "%", null);
            details.appendChild(dl);
            details.appendChild(el("h3", "", "Next step"));
            details.appendChild(el("p", "next", n.next_step));
            if (n.reasons.length) {
              var why = el("ul");
              n.reasons.forEach(function (r) { why.appendChild(el("li", "", r)); });
              details.appendChild(why);
            }
            if (n.target) {
              details.appendChild(el("h3", "", "To the next tier"));
              details.appendChild(el("p", "", n.target));
            }
            details.appendChild(el("h3", "", "Why this rank"));
            details.appendChild(el("p", "", n.explanation));
            details.appendChild(el("h3", "", "Missing figures"));
            details.appendChild(el("p", "", n.missing.length ? n.missing.join(", ") : "none"));
            if (n.flags.length) {
              details.appendChild(el("h3", "", "Flags"));
              details.appendChild(el("p", "flag", n.flags.join(", ")));
            }
          }
          if (n.facts.length || n.topics.length) {
            details.appendChild(el("h3", "", "Facts"));
            var facts = el("dl");
            if (n.topics.length) { facts.appendChild(el("dt", "", "Topics")); facts.appendChild(el("dd", "", n.topics.join(", "))); }
            n.facts.forEach(function (f) { facts.appendChild(el("dt", "", f[0])); facts.appendChild(el("dd", "", f[1])); });
            details.appendChild(facts);
          }
          details.appendChild(el("h3", "", "Links (" + n.links.length + ")"));
          if (n.links.length) {
            var ul = el("ul");
            n.links.forEach(function (l) {
              var li = el("li");
              var b = el("button", "link", l.name);
              b.type = "button";
              b.addEventListener("click", function () { select(l.id, "details"); });
              li.appendChild(document.createTextNode(l.direction === "out" ? "to " : l.direction === "in" ? "from " : ""));
              li.appendChild(b);
              li.appendChild(document.createTextNode(" \\u00B7 weight " + plain(l.weight) + (l.kind ? " \\u00B7 " + l.kind : "")));
              ul.appendChild(li);
            });
            details.appendChild(ul);
          } else {
            details.appendChild(el("p", "", "none"));
          }
          if (n.url) {
            details.appendChild(el("h3", "", "Web"));
            var href = n.link ? safeHref(n.link) : null;
            if (href) {
              var a = el("a", "", n.url);
              a.href = href;
              a.rel = "noopener noreferrer";
              a.target = "_blank";
              details.appendChild(a);
            } else {
              details.appendChild(el("p", "", n.url + " (not linked: only http, https and mailto addresses are)"));
            }
          }
          if (n.notes) {
            details.appendChild(el("h3", "", "Notes"));
            details.appendChild(el("p", "", n.notes));
          }
        }

        // Zoom: the map's natural size is in pt. It opens fitted (the whole map); selecting a node zooms in to
        // READABLE, where 11 pt labels are about 10 px.
        var READABLE = 0.7;
        var zoom = 1, natural = svg ? svg.viewBox.baseVal.width * (parseFloat(svg.getAttribute("width")) / svg.viewBox.baseVal.width || 1) * 4 / 3 : 0;
        function setZoom(z) {
          if (!svg) { return; }
          // Never below 10%, except as far as fitting the whole of a very large map needs.
          zoom = Math.max(Math.min(0.1, fitZoom()), Math.min(3, z));
          svg.style.width = Math.round(natural * zoom) + "px";
          document.getElementById("zoom-level").textContent = Math.round(zoom * 100) + "%";
        }
        // Fitted: the whole map, width and height, inside the map box (at most 78% of the window high).
        function fitZoom() {
          if (!natural) { return 1; }
          var ratio = svg.viewBox.baseVal.height / svg.viewBox.baseVal.width || 1;
          var high = window.innerHeight * 0.78 - 2;
          return Math.min(1, (mapBox.clientWidth - 2) / natural, high / (natural * ratio));
        }
        if (svg && natural > 0) {
          var bar = el("div", "zoom");
          bar.appendChild(el("span", "", "Map size"));
          [["\\u2212", function () { setZoom(zoom / 1.25); }], ["+", function () { setZoom(zoom * 1.25); }],
           ["Fit", function () { setZoom(fitZoom()); }], ["100%", function () { setZoom(1); }]].forEach(function (b) {
            var button = el("button", "", b[0]);
            button.type = "button";
            button.addEventListener("click", b[1]);
            bar.appendChild(button);
          });
          bar.appendChild(el("span", "", "")).id = "zoom-level";
          mapBox.parentNode.insertBefore(bar, mapBox);
          setZoom(fitZoom());
        }

        if (svg) {
          svg.querySelectorAll("[id^='node-']").forEach(function (g) {
            if (!byDom[g.id]) { return; }
            g.setAttribute("tabindex", "0");
            g.setAttribute("role", "button");
            g.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(byDom[g.id].id, "map"); } });
          });
          svg.addEventListener("click", function (e) {
            var g = e.target && e.target.closest ? e.target.closest("[id^='node-']") : null;
            if (!g || !byDom[g.id]) { return; }
            e.preventDefault();
            select(byDom[g.id].id, "map");
          });
        }

        var gapList = document.getElementById("gaps");
        if (gapList) {
          data.gaps.forEach(function (f) {
            var li = el("li");
            li.appendChild(el("span", "sev", f.severity));
            li.appendChild(document.createTextNode(f.detail + ". "));
            li.appendChild(el("em", "", f.suggestion + "."));
            if (f.subject && byId[f.subject]) {
              li.appendChild(document.createTextNode(" "));
              var b = el("button", "link", "Show");
              b.type = "button";
              b.addEventListener("click", function () { select(f.subject, "gaps"); });
              li.appendChild(b);
            }
            gapList.appendChild(li);
          });
        }

        buildHeader();
        buildRows();
        render();
        }());
        """
}
