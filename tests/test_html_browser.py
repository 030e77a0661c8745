"""The HTML report in a real browser: headless Chromium renders the page at 1200 px, with the
CJK fonts a reviewer's machine has (Debian's fonts-noto-cjk), and the layout the reviewer
relies on is measured: no sideways scrolling, headers on one line, failures first, filters
that hide rows, a print version without the filters, and the budget chart drawn.

Needs Debian's `chromium` and `fonts-noto-cjk` (.ci/run installs both); skipped, saying so,
without them."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from plan_rules.batch import run_batch
from plan_rules.report import render
from plan_rules.report.budget_chart import MISMATCH, PARTS
from plan_rules.ruleset import load_rulebook

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CJK_FONTS = shutil.which("fc-list") and subprocess.run(["fc-list", ":lang=zh"], capture_output=True).stdout.strip()
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="未安装 chromium（apt-get install -y chromium），跳过浏览器渲染测试"),
    pytest.mark.skipif(not CJK_FONTS, reason="未安装中文字体（apt-get install -y fonts-noto-cjk），版面无法按实际测量"),
]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CLEAN = FIXTURES / "plans" / "clean-2021.yaml"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH = 1200
# Measures the page once it is laid out and writes what it found into the page, for --dump-dom.
MEASURE = """<script>
addEventListener("load", () => document.fonts.ready.then(() => {
  const lines = el => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; };
  const shown = selector => [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null).length;
  const found = {
    width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
    headerLines: [...document.querySelectorAll("th")].map(lines),
    statuses: [...document.querySelectorAll("#overview td:last-child")].map(td => td.textContent),
    sections: [...document.querySelectorAll("section.plan h2")].map(h => h.textContent),
    rows: {error: shown("tr.level-error"), warning: shown("tr.level-warning"), info: shown("tr.level-info"),
           WD003: shown("tr.rule-WD003"), XP001: shown("tr.rule-XP001")},
  };
  const out = document.createElement("pre"); out.id = "measured"; out.textContent = JSON.stringify(found);
  document.body.append(out);
}));
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """Documents and plans of every kind, a clean plan, an unbalanced one, a city plan whose
    key units XP001 finds in both, a copy (XP002) and a damaged .docx."""
    folder = tmp_path_factory.mktemp("html")
    plans = folder / "报送计划"
    shutil.copytree(FIXTURES / "documents", plans, ignore=shutil.ignore_patterns("*.py", "*.expected.yaml", "unreadable"))
    shutil.copy(FIXTURES / "documents" / "unreadable" / "corrupt.docx", plans / "损坏.docx")
    clean = CLEAN.read_text(encoding="utf-8")
    shutil.copy(CLEAN, plans / "clean-2021.yaml")
    (plans / "unbalanced.yaml").write_text(clean.replace("stated_total: 800", "stated_total: 802"), encoding="utf-8")
    (plans / "清河市-2021.yaml").write_text(clean.replace("清河县应急管理局", "清河市应急管理局"), encoding="utf-8")
    shutil.copy(FIXTURES / "plans" / "lishan-2023.yaml", plans / "lishan-2023-copy.yaml")
    path = folder / "report.html"
    path.write_text(render("html", run_batch([str(plans)], keep_plans=True), load_rulebook()), encoding="utf-8")
    return path


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},900",
                           "--virtual-time-budget=10000", *args, page.as_uri()], capture_output=True, timeout=180)


def measured(page: Path, tmp_path: Path, edit=lambda html: html) -> dict:
    probe = tmp_path / "probe.html"
    probe.write_text(edit(page.read_text(encoding="utf-8")).replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = chromium(probe, tmp_path / "profile", "--dump-dom").stdout.decode("utf-8")
    match = re.search(r'<pre id="measured">(.*?)</pre>', dom)
    assert match, dom[-500:]
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def layout(page, tmp_path_factory) -> dict:
    return measured(page, tmp_path_factory.mktemp("probe"))


def test_the_page_fits_1200_px_without_scrolling_sideways(layout):
    assert layout["width"] == WIDTH and layout["scrollWidth"] <= WIDTH


def test_every_table_header_is_on_one_line(layout):
    assert layout["headerLines"] and set(layout["headerLines"]) == {1}


def test_failures_come_first_and_a_plan_counts_its_cross_plan_findings(page, layout):
    statuses = layout["statuses"]
    submitted = sum(1 for path in (page.parent / "报送计划").iterdir() if path.is_file())
    assert len(statuses) == submitted and statuses == sorted(statuses, key=["无法读取", "有错误", "有警告", "仅有提示", "通过"].index)
    assert statuses[0] == "无法读取" and statuses[-1] == "通过"
    assert layout["sections"][0].endswith("损坏.docx")
    html = page.read_text(encoding="utf-8")
    row = re.search(r"清河市-2021\.yaml</a></td><td>[^<]*</td>((?:<td class=\"n\">\d+</td>){3})", html).group(1)
    assert re.findall(r"\d+", row) == ["0", "5", "0"]      # its XP001 warnings, one a shared key unit


def test_the_filters_hide_the_rows_of_an_unticked_level_or_rule(page, layout, tmp_path):
    shown = layout["rows"]
    assert all(shown[key] > 0 for key in ("error", "warning", "info", "WD003", "XP001"))
    untick = lambda html: (html.replace('id="show-warning" checked', 'id="show-warning"')
                           .replace('id="show-WD003" checked', 'id="show-WD003"'))
    hidden = measured(page, tmp_path, untick)["rows"]
    assert hidden["warning"] == hidden["WD003"] == hidden["XP001"] == 0
    assert hidden["error"] == shown["error"] - shown["WD003"] and hidden["info"] == shown["info"]


def test_the_print_version_leaves_the_filters_out(page, tmp_path):
    import pdfplumber

    pdf = tmp_path / "report.pdf"
    chromium(page, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    with pdfplumber.open(pdf) as document:
        # NFKC: the CJK font maps some characters to their Kangxi radical look-alikes (⽣ for 生)
        first_page = unicodedata.normalize("NFKC", document.pages[0].extract_text())
        assert len(document.pages) > 3
    assert "安全生产年度监督检查计划检查报告" in first_page and "汇总" in first_page
    assert not re.search(r"规则\s*AP001\s*AP002", first_page)


def test_the_screenshot_shows_the_chart_and_its_mismatch(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "unbalanced.yaml").write_text(
        CLEAN.read_text(encoding="utf-8").replace("stated_total: 800", "stated_total: 802"), encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(render("html", run_batch([str(folder)], keep_plans=True), load_rulebook()), encoding="utf-8")
    dom = chromium(page, tmp_path / "profile", "--dump-dom").stdout.decode("utf-8")
    assert dom.count("<svg") == 1 and dom.count('data-part="') == 6
    assert dom.count('class="mismatch"') == 1 and "WD008：S 应为 698" in dom
    from PIL import Image

    shot = tmp_path / "page.png"
    done = chromium(page, tmp_path / "profile", f"--screenshot={shot}")
    assert shot.exists(), done.stderr.decode("utf-8", "replace")[-500:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (WIDTH, 900)
    colours = {colour: count for count, colour in image.getcolors(maxcolors=1 << 20)}
    assert len(colours) > 50, "页面是空白的"
    for hex_colour in (PARTS["S"][2], PARTS["O"][2], PARTS["K"][2], MISMATCH):
        rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        assert colours.get(rgb, 0) > 100, f"截图中没有图表颜色 {hex_colour}"
