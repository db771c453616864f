#!/usr/bin/env python3
"""Browser test of `ecomap report` in headless Chromium (Debian's chromium + chromium-driver, PyPI selenium).

    python3 Tests/Browser/report_test.py [--ecomap .build/debug/ecomap] [--screenshots docs/img]

Builds reports for examples/alpha-moms.yaml and for Tests/Browser/hostile.yaml, opens them from file://
and checks: the Content-Security-Policy hashes match the inline script and style, no console errors,
the table sorts and filters, a row click highlights the node on the map and fills the details panel, a
node click selects the row, and nothing from the hostile file executes or becomes an element.
Exit code 0 = passed, 1 = failed, 77 = skipped (Chromium, chromedriver or selenium missing).
"""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def skip_reason():
    if find_chromium() is None:
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if shutil.which("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python selenium is not installed (pip install selenium)"
    return None


ARGS = None


class TagCollector(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def build_report(source, out_dir, name, extra=()):
    path = os.path.join(out_dir, name)
    result = subprocess.run([ARGS.ecomap, "report", source, "-o", path, *extra], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"ecomap report {source} failed ({result.returncode}): {result.stderr}")
    return path


def new_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = find_chromium()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Leave any alert open so the test can see it (the default would dismiss it silently).
    options.set_capability("unhandledPromptBehavior", "ignore")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


class ReportPage(unittest.TestCase):
    driver = None
    tmp = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ecomap-browser-")
        cls.alpha = build_report("examples/alpha-moms.yaml", cls.tmp, "alpha.html")
        cls.hostile = build_report("Tests/Browser/hostile.yaml", cls.tmp, "hostile.html")
        cls.german = build_report("examples/alpha-moms.yaml", cls.tmp, "alpha-de.html", ["--locale", "de"])
        generated = os.path.join(cls.tmp, "gen-2000.yaml")
        subprocess.run([ARGS.ecomap, "generate", "--communities", "2000", "--seed", "7", "-o", generated], check=True, cwd=ROOT,
                       capture_output=True)
        cls.big = build_report(generated, cls.tmp, "big.html")
        cls.driver = new_driver()

    @classmethod
    def tearDownClass(cls):
        if cls.driver:
            cls.driver.quit()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # helpers

    def open(self, path):
        self.driver.get("file://" + path)
        self.driver.get_log("browser")  # drop messages of earlier pages

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def assert_no_alert(self):
        from selenium.common.exceptions import NoAlertPresentException
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            self.fail(f"an alert opened: {text!r}")
        except NoAlertPresentException:
            pass

    def console_errors(self):
        return [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    def visible_rows(self):
        return self.js("""
            return Array.from(document.querySelectorAll('#ranking-body tr')).filter(r => !r.hidden).map(r => ({
              id: r.dataset.id, cells: Array.from(r.cells).map(c => c.textContent)}));""")

    def header(self, label):
        from selenium.webdriver.common.by import By
        for th in self.driver.find_elements(By.CSS_SELECTOR, "#ranking thead th"):
            if th.text.replace("▲", "").replace("▼", "").strip() == label:
                return th.find_element(By.TAG_NAME, "button")
        self.fail(f"no column {label}")

    def select_filter(self, element_id, value):
        from selenium.webdriver.support.ui import Select
        from selenium.webdriver.common.by import By
        Select(self.driver.find_element(By.ID, element_id)).select_by_value(value)

    # tests

    def test_csp_hashes_match_and_nothing_external(self):
        for path in (self.alpha, self.hostile):
            html = open(path, encoding="utf-8").read()
            csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
            scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
            styles = re.findall(r"<style>(.*?)</style>", html, re.S)
            self.assertEqual(len(scripts), 1)
            self.assertEqual(len(styles), 1)
            digest = lambda s: base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
            self.assertIn(f"script-src 'sha256-{digest(scripts[0])}'", csp)
            self.assertIn(f"style-src 'sha256-{digest(styles[0])}'", csp)
            self.assertIn("default-src 'none'", csp)
            self.assertNotIn("unsafe-inline", csp)
            # Nothing that loads a resource: parsed as HTML, no element that fetches (link, img, image, use,
            # iframe, ...), no attribute that fetches (src, srcset, data, poster, background), and no url() or
            # @import in the style sheet. (Anchors to the communities' web sites are links, not resources.)
            tags = TagCollector()
            tags.feed(html)
            fetching = {"link", "img", "image", "use", "iframe", "object", "embed", "audio", "video", "source", "frame"}
            self.assertEqual([t for t, _ in tags.tags if t in fetching], [])
            self.assertEqual([(t, a) for t, attrs in tags.tags for a, _ in attrs
                              if a in {"src", "srcset", "data", "poster", "background"}], [])
            self.assertNotIn("url(", styles[0])
            self.assertNotIn("@import", styles[0])

    def test_page_runs_without_errors_and_shows_the_summary(self):
        self.open(self.alpha)
        self.assertEqual(self.console_errors(), [])
        summary = self.js("return document.getElementById('summary').textContent")
        self.assertRegex(summary, r"^13 communities, \d+ to focus on: ")
        self.assertEqual(len(self.visible_rows()), 20)
        self.assertTrue(self.js("return !!document.querySelector('#map svg')"), "the map is inlined")
        self.assertEqual(self.js("return document.querySelectorAll('#map svg [id^=\"node-\"]').length"), 20)

    def test_table_sorts_by_name_and_score(self):
        self.open(self.alpha)
        rows = self.visible_rows()
        self.assertEqual([r["cells"][0] for r in rows[:3]], ["1", "2", "3"], "rank order first")
        self.header("Name").click()
        names = [r["cells"][1] for r in self.visible_rows()]
        self.assertEqual(names, sorted(names, key=str.lower))
        self.header("Score").click()
        scores = [r["cells"][3] for r in self.visible_rows()]
        known = [float(s) for s in scores if s]
        self.assertEqual(known, sorted(known, reverse=True), "score descending first")
        self.assertEqual(scores[len(known):], [""] * (len(scores) - len(known)), "unscored nodes last")
        self.header("Score").click()
        known = [float(r["cells"][3]) for r in self.visible_rows() if r["cells"][3]]
        self.assertEqual(known, sorted(known), "then ascending")
        self.assertEqual(self.js("return document.querySelector('th[aria-sort]').dataset.key"), "score")

    def test_filters_by_tier_topic_and_kind(self):
        self.open(self.alpha)
        ranking = json.loads(subprocess.run([ARGS.ecomap, "rank", "examples/alpha-moms.yaml", "--format", "json"],
                                            cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        focus = [c["name"] for c in ranking["communities"] if c["tier"] == "focus"]
        self.select_filter("filter-tier", "focus")
        self.assertEqual([r["cells"][1] for r in self.visible_rows()], focus)
        self.select_filter("filter-tier", "")
        self.select_filter("filter-kind", "influencer")
        self.assertEqual(len(self.visible_rows()), 4)
        self.select_filter("filter-kind", "")
        self.select_filter("filter-topic", "screen-time")
        ids = {r["id"] for r in self.visible_rows()}
        self.assertEqual(ids, {"coolmomtech", "crunchydomesticgoddess", "connectedmoms", "rosa-delgado", "meg-lindqvist"})
        self.assertIn("Showing 5 of 20", self.js("return document.getElementById('row-count').textContent"))

    def test_row_click_highlights_the_node_and_fills_the_details(self):
        from selenium.webdriver.common.by import By
        self.open(self.alpha)
        self.driver.find_element(By.CSS_SELECTOR, "#ranking-body tr[data-id='themotherhood']").click()
        self.assertEqual(self.js("return document.querySelector('#ranking-body tr.is-selected').dataset.id"), "themotherhood")
        self.assertTrue(self.js("return document.getElementById('node-themotherhood').classList.contains('is-selected')"))
        self.assertTrue(self.js("return document.querySelector('#map svg').classList.contains('has-selection')"))
        linked = self.js("return Array.from(document.querySelectorAll('#map .is-linked')).length")
        self.assertGreater(linked, 0, "the node's links are highlighted")
        details = self.driver.find_element(By.ID, "details")
        self.assertEqual(details.find_element(By.TAG_NAME, "h2").text, "The Motherhood")
        for part in ("Next step", "Why", "Missing figures", "Links", "Focus score"):
            self.assertIn(part.upper() if part != "Focus score" else part, details.text)
        # A link in the details selects the neighbour.
        details.find_element(By.XPATH, ".//button[normalize-space()='AdHocMom']").click()
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "#details h2").text, "AdHocMom")
        self.assertFalse(self.js("return document.getElementById('node-themotherhood').classList.contains('is-selected')"))

    def test_map_opens_fitted_and_zooms_in_on_selection(self):
        from selenium.webdriver.common.by import By
        self.open(self.alpha)
        fitted = self.js("return document.querySelector('#map svg').getBoundingClientRect().width")
        box = self.js("return document.getElementById('map').clientWidth")
        self.assertLessEqual(fitted, box, "the whole map is visible at first")
        self.driver.find_element(By.CSS_SELECTOR, "#ranking-body tr[data-id='mom-101']").click()
        zoomed = self.js("return document.querySelector('#map svg').getBoundingClientRect().width")
        self.assertGreater(zoomed, fitted)
        self.assertEqual(self.js("return document.getElementById('zoom-level').textContent"), "70%")
        # The selected node is inside the visible part of the map box.
        inside = self.js("""
            const r = document.getElementById('node-mom-101').getBoundingClientRect();
            const c = document.getElementById('map').getBoundingClientRect();
            return r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;""")
        self.assertTrue(inside)
        self.driver.find_element(By.XPATH, "//div[@class='zoom']/button[normalize-space()='Fit']").click()
        self.assertAlmostEqual(self.js("return document.querySelector('#map svg').getBoundingClientRect().width"), fitted, delta=1)

    def test_details_panel_never_covers_the_table_and_the_map_opens_whole(self):
        """At 1280 and 1920 px wide, for the example and a generated 2,000-community ecosystem: with a
        community selected and the page scrolled to the table, the details panel's box meets no cell of
        the ranking table; on open, the whole map (width and height) is inside the map box."""
        from selenium.webdriver.common.by import By
        for path in [self.alpha, self.big]:
            for width in [1280, 1920]:
                self.driver.set_window_size(width, 1000)
                self.open(path)
                fits = self.js("""
                    const s = document.querySelector('#map svg').getBoundingClientRect();
                    const b = document.getElementById('map');
                    return [s.width, s.height, b.clientWidth, window.innerHeight * 0.78];""")
                self.assertLessEqual(fits[0], fits[2] + 1, f"{width}px: map wider than its box")
                self.assertLessEqual(fits[1], fits[3] + 1, f"{width}px: map taller than the fitted height")
                first = self.driver.find_element(By.CSS_SELECTOR, "#ranking-body tr")
                first.click()
                for where in ["table", "end"]:
                    if where == "table":
                        self.js("document.getElementById('ranking').scrollIntoView()")
                    else:
                        self.js("window.scrollTo(0, document.body.scrollHeight)")
                    overlap = self.js("""
                        const d = document.getElementById('details').getBoundingClientRect();
                        // The visible part of each cell: a wide table scrolls sideways inside its own column.
                        const v = document.querySelector('.ranking-section').getBoundingClientRect();
                        const hit = [];
                        document.querySelectorAll('#ranking th, #ranking td').forEach(c => {
                          const q = c.getBoundingClientRect();
                          const r = {left: Math.max(q.left, v.left), right: Math.min(q.right, v.right), top: q.top, bottom: q.bottom};
                          if (r.right > r.left && q.height && r.left < d.right && d.left < r.right && r.top < d.bottom && d.top < r.bottom) hit.push(c.textContent);
                        });
                        return hit.slice(0, 5);""")
                    self.assertEqual(overlap, [], f"{width}px, scrolled to the {where}: the details panel covers {overlap}")
        self.driver.set_window_size(1400, 1000)

    def test_numbers_have_one_format(self):
        """Every figure in the details panel is grouped the same way (24,000, never 24000)."""
        from selenium.webdriver.common.by import By
        self.open(self.alpha)
        for row in self.driver.find_elements(By.CSS_SELECTOR, "#ranking-body tr")[:8]:
            row.click()
            values = self.js("return Array.from(document.querySelectorAll('#details dd')).map(d => d.textContent)")
            for v in values:
                self.assertIsNone(re.search(r"\d{4,}", v), f"ungrouped number {v!r}")

    def test_german_numbers_everywhere_on_the_page(self):
        """`--locale de`: scores 60,2 in the table, 12.000 and 0,053 in the details."""
        from selenium.webdriver.common.by import By
        self.open(self.german)
        self.assertEqual(self.console_errors(), [])
        scores = self.js("return Array.from(document.querySelectorAll('#ranking-body tr')).map(r => r.children[3].textContent)")
        self.assertTrue(scores)
        for score in scores:
            self.assertRegex(score, r"^(\d{1,3},\d|\u2013|)$", f"score cell {score!r}")
        self.assertIn(",", "".join(scores), "no score with a decimal comma")
        german = re.compile(r"^([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?$")
        seen_grouped = False
        for row in self.driver.find_elements(By.CSS_SELECTOR, "#ranking-body tr")[:8]:
            row.click()
            # Scores and facts written by ecomap (user text such as tags and key people left out).
            pairs = self.js("return Array.from(document.querySelectorAll('#details dd')).map("
                            "d => [d.previousElementSibling ? d.previousElementSibling.textContent : '', d.textContent])")
            for label, value in pairs:
                if label in ("Tags", "Key people", "Handle"):
                    continue
                for number in re.findall(r"\d[\d.,]*\d|\d", value):
                    self.assertRegex(number, german, f"not a German number in the details: {label}: {value!r}")
                seen_grouped = seen_grouped or re.search(r"\d\.\d{3}\b", value) is not None
        self.assertTrue(seen_grouped, "no grouped figure (12.000) seen in the details")

    def test_node_click_selects_the_row_and_shows_the_details(self):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.action_chains import ActionChains
        self.open(self.alpha)
        node = self.driver.find_element(By.ID, "node-coolmomtech")
        self.js("arguments[0].scrollIntoView({block: 'center'})", node)
        ActionChains(self.driver).move_to_element(node).click().perform()
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "#details h2").text, "Cool Mom Tech")
        self.assertEqual(self.js("return document.querySelector('#ranking-body tr.is-selected').dataset.id"), "coolmomtech")
        self.assertTrue(self.js("return document.getElementById('node-coolmomtech').classList.contains('is-selected')"))
        self.assertEqual(self.driver.current_url, "file://" + self.alpha, "a node click does not navigate")

    def test_hostile_input_runs_nothing_and_injects_nothing(self):
        from selenium.webdriver.common.by import By
        self.open(self.hostile)
        self.assert_no_alert()
        self.assertEqual(self.console_errors(), [], "no CSP violation: nothing even tried to run")
        self.assertIsNone(self.js("return window.__pwned === undefined ? null : String(window.__pwned)"))

        def injected():
            return self.js("""
                const bad = [];
                if (document.querySelectorAll('script').length !== 2) bad.push('script count');
                if (document.querySelectorAll('style').length !== 1) bad.push('style count');
                for (const tag of ['img', 'iframe', 'object', 'embed', 'foreignObject', 'b', 'base', 'form', 'link'])
                  if (document.getElementsByTagName(tag).length) bad.push(tag);
                if (document.getElementById('injected')) bad.push('#injected');
                for (const el of document.querySelectorAll('*'))
                  for (const a of el.attributes)
                    if (/^on/i.test(a.name)) bad.push(el.tagName + '[' + a.name + ']');
                for (const a of document.querySelectorAll('a'))
                  for (const name of ['href', 'xlink:href']) {
                    const v = a.getAttribute(name);
                    if (v && !/^(https?:|mailto:)/i.test(v)) bad.push('a ' + name + '=' + v);
                  }
                return bad;""")

        self.assertEqual(injected(), [])
        title = self.js("return document.title")
        self.assertIn("<script>window.__pwned='title'", title, "the title is shown literally")
        names = self.js("return Array.from(document.querySelectorAll('#ranking-body td.name')).map(td => td.textContent)")
        self.assertIn("<script>window.__pwned='name';alert('name')</script>", names)
        self.assertIn("<img src=x onerror=\"window.__pwned='img';alert('img')\">", names)
        for row_id in self.js("return Array.from(document.querySelectorAll('#ranking-body tr')).map(r => r.dataset.id)"):
            self.driver.find_element(By.CSS_SELECTOR, f"#ranking-body tr[data-id='{row_id}']").click()
            self.assert_no_alert()
            self.assertEqual(injected(), [], f"after selecting {row_id}")
        # Every map node too (labels and tooltips carry the same hostile text).
        for dom in self.js("return Array.from(document.querySelectorAll('#map svg [id^=\"node-\"]')).map(g => g.id)"):
            self.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))",
                    self.driver.find_element(By.ID, dom))
            self.assert_no_alert()
        self.assertEqual(injected(), [])
        self.assertIsNone(self.js("return window.__pwned === undefined ? null : String(window.__pwned)"))
        # The javascript: URL is shown as text, not as a link.
        self.driver.find_element(By.CSS_SELECTOR, "#ranking-body tr[data-id='c-script']").click()
        details = self.driver.find_element(By.ID, "details").text
        self.assertIn("javascript:window.__pwned='url'", details)
        self.assertIn("not linked", details)
        self.assertIn("</script><script>window.__pwned='notes'", details)
        self.assertEqual(self.console_errors(), [])


def screenshot_svg(svg_path, png_path):
    """A headless Chromium screenshot of an SVG file at its own size (pt -> CSS px)."""
    head = open(svg_path, encoding="utf-8").read(2000)
    width = float(re.search(r'width="([0-9.]+)pt"', head).group(1)) * 4 / 3
    height = float(re.search(r'height="([0-9.]+)pt"', head).group(1)) * 4 / 3
    subprocess.run([find_chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", f"--window-size={int(width + 0.5)},{int(height + 0.5)}",
                    f"--screenshot={os.path.abspath(png_path)}", "file://" + os.path.abspath(svg_path)],
                   check=True, capture_output=True)


def screenshots(directory):
    """docs/img: the report with a selected community, the strategy matrix, the map compared with last quarter."""
    from selenium.webdriver.common.by import By
    os.makedirs(directory, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="ecomap-shots-")
    try:
        path = build_report("examples/alpha-moms.yaml", tmp, "alpha.html")
        driver = new_driver()
        try:
            driver.set_window_size(1400, 1000)
            driver.get("file://" + path)
            # Select a community (the map zooms in to readable labels), then one step out so that its
            # neighbours show too.
            driver.find_element(By.CSS_SELECTOR, "#ranking-body tr[data-id='themotherhood']").click()
            driver.find_element(By.XPATH, "//div[@class='zoom']/button[1]").click()
            driver.execute_script("""
                const g = document.getElementById('node-themotherhood'), box = document.getElementById('map');
                const r = g.getBoundingClientRect(), c = box.getBoundingClientRect();
                box.scrollLeft += (r.left + r.width / 2) - (c.left + c.width / 2);
                box.scrollTop += (r.top + r.height / 2) - (c.top + c.height / 2);""")
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(directory, "report.png"))
        finally:
            driver.quit()
        for name, args in [("matrix", ["examples/alpha-moms-2027q1.yaml", "--view", "matrix"]),
                           ("compare", ["examples/alpha-moms-2027q1.yaml", "--compare", "examples/alpha-moms.yaml"])]:
            svg = os.path.join(tmp, name + ".svg")
            subprocess.run([ARGS.ecomap, "render"] + args + ["-o", svg], cwd=ROOT, check=True, capture_output=True)
            screenshot_svg(svg, os.path.join(directory, name + ".png"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--ecomap", default=os.path.join(ROOT, ".build", "debug", "ecomap"))
    parser.add_argument("--screenshots", help="write docs screenshots into this folder instead of testing")
    ARGS, rest = parser.parse_known_args()
    ARGS.ecomap = os.path.abspath(ARGS.ecomap)
    reason = skip_reason()
    if reason:
        print(f"SKIP browser test: {reason}")
        return SKIP
    if not os.access(ARGS.ecomap, os.X_OK):
        print(f"error: {ARGS.ecomap} is not built (run swift build)")
        return 1
    if ARGS.screenshots:
        screenshots(ARGS.screenshots)
        return 0
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ReportPage)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
