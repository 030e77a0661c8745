"""Office files other than .docx: converted through LibreOffice where it is installed, reported
as IN001 saying what to do where it is not; a folder never passes with files left unchecked."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main
from plan_rules.readers import legacy

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
TAOYUAN = DOCUMENTS / "taoyuan-2026.docx"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="未安装 LibreOffice（apt-get install -y libreoffice-writer-nogui），跳过转换测试")


def places(findings):
    return [(f.code, f.severity.name, f.line, f.where) for f in findings]


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf"])
def test_legacy_formats_are_converted_and_give_the_docx_findings(legacy_copies, python_checker, suffix):
    expected = python_checker.check_path(TAOYUAN).findings
    found = python_checker.check_path(legacy_copies / f"taoyuan-2026{suffix}").findings
    assert places(found) == places(expected)


def test_without_libreoffice_a_doc_is_in001_saying_save_as_docx(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    plan = tmp_path / "计划.doc"
    plan.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    result = CliRunner().invoke(main, ["check", "-f", "concise", str(plan)])
    assert result.exit_code == 1
    assert result.stdout == f"{plan}:1:1: IN001 [错误] 读取 .doc 文件需要 LibreOffice（未安装）；请另存为 .docx 后再检查\n"


@needs_soffice
def test_a_file_libreoffice_cannot_open_is_in001_not_a_traceback(tmp_path, python_checker):
    # (LibreOffice opens any bytes named .doc as plain text; a broken package it refuses.)
    plan = tmp_path / "坏.odt"
    with zipfile.ZipFile(plan, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<broken")
    assert [(f.code, f.message) for f in python_checker.check_path(plan).findings] == [
        ("IN001", "LibreOffice 无法打开此 .odt 文件（可能已损坏或设有密码）；请另存为 .docx 后再检查")]


def test_a_mixed_folder_reports_what_it_could_not_check_and_lists_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    shutil.copy(TAOYUAN, tmp_path / "a.docx")
    for name in ("b.doc", "c.wps", "d.xlsx", "e.png"):
        (tmp_path / name).write_bytes(b"x")
    # a config file is passed over, not checked (a malformed one would be a configuration error)
    (tmp_path / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "-f", "concise", "--select", "IN", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'b.doc'}:1:1: IN001 [错误] 读取 .doc 文件需要 LibreOffice（未安装）；请另存为 .docx 后再检查",
        f"{tmp_path / 'c.wps'}:1:1: IN001 [错误] 读取 .wps 文件需要 LibreOffice（未安装）；请另存为 .docx 后再检查",
        f"{tmp_path / 'd.xlsx'}:1:1: IN001 [错误] 这是表格文件（.xlsx），不是计划文本；请将计划另存为 .docx 或 .txt 后再检查",
    ]
    assert result.stderr.splitlines() == [
        f"plan-rules: 目录中有 1 个文件不是计划格式，未检查：{tmp_path / 'e.png'}",
        "共检查 4 个文件，3 个有错误，3 个无法读取；错误 3 条，警告 0 条，提示 0 条"]


@pytest.mark.parametrize("contents", [(), ("notes.png",)])
def test_a_run_that_finds_no_plan_exits_2_saying_so(tmp_path, contents):
    for name in contents:
        (tmp_path / name).write_bytes(b"x")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2 and result.stdout == ""
    others = "；其中 1 个文件不是计划格式" if contents else ""
    assert result.stderr == (f"plan-rules: 在 {tmp_path} 中没有找到计划文件"
                             f"（.yaml .yml .json .txt .md .docx .pdf 或办公文档）{others}\n")
