"""The HTML report in a real browser: headless Chromium renders the page and its budget charts.

Needs Debian's `chromium` (`apt-get install -y chromium`); skipped, saying so, without it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plan_rules.batch import run_batch
from plan_rules.report import render
from plan_rules.report.budget_chart import MISMATCH, PARTS
from plan_rules.ruleset import load_rulebook

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="未安装 chromium（apt-get install -y chromium），跳过浏览器渲染测试")
CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "plans" / "clean-2021.yaml"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    (folder / "unbalanced.yaml").write_text(
        CLEAN.read_text(encoding="utf-8").replace("stated_total: 800", "stated_total: 802"), encoding="utf-8")
    path = folder / "report.html"
    path.write_text(render("html", run_batch([str(folder)], keep_plans=True), load_rulebook()), encoding="utf-8")
    return path


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, timeout=120)


def test_the_browser_builds_the_chart_into_the_page(page, tmp_path):
    dom = chromium(page, tmp_path / "profile", "--dump-dom").stdout.decode("utf-8")
    assert dom.count("<svg") == 1 and dom.count('data-part="') == 6
    assert dom.count('class="mismatch"') == 1 and "合计 2502 ≠ 2500" in dom


def test_the_screenshot_shows_the_chart_and_its_mismatch(page, tmp_path):
    from PIL import Image

    shot = tmp_path / "page.png"
    done = chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,900")
    assert shot.exists(), done.stderr.decode("utf-8", "replace")[-500:]
    image = Image.open(shot).convert("RGB")
    colours = dict((colour, count) for count, colour in image.getcolors(maxcolors=1 << 20))
    assert len(colours) > 50, "页面是空白的"
    for hex_colour in (PARTS["S"][2], PARTS["O"][2], PARTS["K"][2], MISMATCH):
        rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        assert colours.get(rgb, 0) > 100, f"截图中没有图表颜色 {hex_colour}"
