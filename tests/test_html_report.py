"""The HTML data-quality report, opened in a real headless Chromium (Playwright drives it).

The browser is Debian's ``chromium`` (``.ci/run`` installs it and sets
``JMO_VALIDATE_BROWSER_TESTS=required``, so in CI these tests fail rather than skip
when it is missing). Elsewhere they skip only when no browser or no Playwright is
installed. ``JMO_VALIDATE_CHROMIUM`` names another executable.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import ADDRESS, GOOD, HEADER, PARTICIPANTS, REFERENCE, run

#: Chromium on a machine whose network is closed: without these it waits on connections.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    named = os.environ.get("JMO_VALIDATE_CHROMIUM")
    return named or shutil.which("chromium") or shutil.which("chromium-browser")


def _unavailable(reason: str) -> None:
    if os.environ.get("JMO_VALIDATE_BROWSER_TESTS") == "required":
        pytest.fail(f"browser tests are required here: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ModuleNotFoundError:
        _unavailable('Playwright is not installed (pip install -e ".[test]")')
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


class Page:
    """A report opened in the browser, with every console message, error and request seen."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on(
            "console", lambda message: self.console.append(f"{message.type}: {message.text}")
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    def visible_codes(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "#issues tr.issue",
            "rows => rows.filter(r => r.offsetParent !== null)"
            ".map(r => r.querySelector('td.code').textContent)",
        )

    def visible_groups(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "#issues tbody.record",
            "groups => groups.filter(g => !g.hidden).map(g => g.getAttribute('data-row'))",
        )

    def text(self, selector: str) -> str:
        return str(self.page.text_content(selector)).strip()

    def close(self) -> None:
        self.context.close()


def report(tmp_path: Path, *args: str, source: Path = PARTICIPANTS) -> Path:
    target = tmp_path / "laporan.html"
    result = run("check", str(source), "--format", "html", "--output", str(target), *args)
    assert result.returncode in (0, 1), result.stderr
    return target


@pytest.fixture
def example(browser: Any, tmp_path: Path) -> Iterator[Page]:
    page = Page(browser, report(tmp_path, "--reference", str(REFERENCE)))
    yield page
    page.close()


def test_loads_clean_and_self_contained(example: Page) -> None:
    assert example.errors == []
    assert [line for line in example.console if line.startswith("error")] == []
    assert len(example.requests) == 1  # the page itself: no script, style, font or image
    assert example.requests[0].startswith("file:")
    page = example.page
    assert page.evaluate("document.documentElement.lang") == "id"
    assert example.text("h1") == "Laporan kualitas data: participants.csv"
    cards = {
        name: example.text(f"#card-{name} .value")
        for name in ("rows", "ok", "with_errors", "with_warnings")
    }
    assert cards == {"rows": "8", "ok": "4", "with_errors": "4", "with_warnings": "1"}
    assert page.locator("#chart-codes svg g.bar").count() == 13
    assert page.locator("#chart-codes svg g.bar.warning").count() == 2
    assert page.locator("#chart-fields svg g.bar").count() == 6
    assert example.text("#completeness tr[data-field='nik'] td.invalid") == "2"
    context = dict(zip(
        page.eval_on_selector_all("#context dt", "items => items.map(i => i.textContent)"),
        page.eval_on_selector_all("#context dd", "items => items.map(i => i.textContent)"),
        strict=True,
    ))  # fmt: skip
    assert context["Berkas"] == "participants.csv"
    assert context["Kebijakan"] == "profile_update"
    assert context["Data rujukan"] == "ktp_reference.csv"
    assert context["Bahasa"] == "id"
    assert len(example.visible_codes()) == 13
    assert example.text("#shown") == "13 dari 13 masalah ditampilkan"
    # the summary is on top of the table, as people read it
    overview = page.locator("#overview").bounding_box()
    table = page.locator("#issues").bounding_box()
    assert overview["y"] < table["y"]
    assert "NIK 5171********0002 · Ni Made Ayu Lestari" in example.text(
        "tbody[data-row='9'] tr.group"
    )


def test_filter_and_severity_change_what_is_shown(example: Page) -> None:
    page = example.page
    page.fill("#filter", "duplicate")
    assert example.visible_codes() == ["record.duplicate_key"]
    assert example.visible_groups() == ["8"]
    assert example.text("#shown") == "1 dari 13 masalah ditampilkan"
    page.fill("#filter", "5171")  # a masked NIK in a row's heading shows all of that row
    assert example.visible_codes() == ["kpj.missing", "reference.not_found"]
    page.fill("#filter", "")
    page.select_option("#severity", "warning")
    assert example.visible_codes() == ["birth_date.nik_mismatch", "sex.nik_mismatch"]
    assert example.visible_groups() == ["6"]
    page.fill("#filter", "jenis kelamin")
    assert example.visible_codes() == ["sex.nik_mismatch"]
    page.select_option("#severity", "")
    page.fill("#filter", "")
    page.click("#chart-codes g.bar[data-filter='kpj.missing']")  # a bar filters by its code
    assert page.input_value("#filter") == "kpj.missing"
    assert example.visible_codes() == ["kpj.missing"]


def test_sorting_reorders_rows_and_issues(example: Page) -> None:
    page = example.page
    headers = page.locator("#issues thead th")
    code = headers.nth(3)
    code.locator("button").click()
    assert code.get_attribute("aria-sort") == "ascending"
    codes = example.visible_codes()
    assert codes[0] == "address.rt.format"  # row 5's smallest code comes first
    assert example.visible_groups()[0] == "5"
    code.locator("button").click()
    assert code.get_attribute("aria-sort") == "descending"
    assert example.visible_codes()[0] == "sex.reference_mismatch"
    row = headers.nth(0)
    row.locator("button").click()
    assert row.get_attribute("aria-sort") == "ascending"
    assert code.get_attribute("aria-sort") is None
    assert example.visible_groups() == ["5", "6", "8", "9"]
    row.locator("button").click()
    assert example.visible_groups() == ["9", "8", "6", "5"]
    severity = headers.nth(4)
    severity.locator("button").click()  # errors before warnings, by rank not by word
    row_6 = page.eval_on_selector_all(
        "tbody[data-row='6'] td.code", "cells => cells.map(c => c.textContent)"
    )
    assert row_6 == [
        "birth_date.reference_mismatch",
        "sex.reference_mismatch",
        "birth_date.nik_mismatch",
        "sex.nik_mismatch",
    ]
    page.select_option("#severity", "error")  # sorting and filtering together
    assert "sex.nik_mismatch" not in example.visible_codes()
    assert example.errors == []


def test_hostile_values_stay_inert(browser: Any, tmp_path: Path) -> None:
    hostile = GOOD.copy()
    hostile[2] = '<img src=x onerror="window.pwned=1">'
    hostile[6] = '"><svg onload=alert(1)>@gmail.com'
    other = GOOD.copy()
    other[0] = "3273014107900005"
    other[2] = "</script><script>window.pwned=2</script>"
    source = tmp_path / "peserta.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADER, hostile, other])
    page = Page(browser, report(tmp_path, "--show-values", source=source))
    try:
        assert page.errors == []
        assert page.dialogs == []
        assert page.page.evaluate("window.pwned") is None
        assert page.page.locator("#issues img, #issues svg, #issues script").count() == 0
        shown = page.page.eval_on_selector_all(
            "#issues td.actual", "cells => cells.map(c => c.textContent)"
        )
        assert hostile[2] in shown
        assert other[2] in shown
        assert len(page.requests) == 1
        page.page.fill("#filter", "<img")  # filtering reads text, never markup
        assert page.visible_codes() == ["full_name.characters"]
        assert page.page.evaluate("window.pwned") is None
    finally:
        page.close()


def test_english_labels_and_an_empty_report(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "peserta.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADER, GOOD])
    page = Page(browser, report(tmp_path, "--lang", "en", source=source))
    try:
        assert page.page.evaluate("document.documentElement.lang") == "en"
        assert page.text("h1") == "Data-quality report: peserta.csv"
        assert page.text("#card-ok .value") == "1"
        assert page.text("#shown") == "0 of 0 issues shown"
        assert "No issues." in page.text("main")
        assert page.page.locator("#chart-codes").count() == 0
        headings = page.page.eval_on_selector_all(
            "#issues thead th", "hs => hs.map(h => h.textContent)"
        )
        assert headings[:4] == ["Row", "Field", "Kind", "Code"]
        assert page.errors == []
    finally:
        page.close()


def test_absent_columns_in_the_report(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "hr.csv"
    source.write_text(
        "NIK,Nama,Tgl Lahir,No HP,Email,Nomor Kartu Peserta\n"
        "3273014107900003,Siti Aminah,01-07-1990,0812-3456-7890,siti@gmail.com,19012345678\n",
        encoding="utf-8",
    )
    page = Page(browser, report(tmp_path, source=source))
    try:
        items = page.page.eval_on_selector_all(
            "#absent li", "items => items.map(i => i.textContent)"
        )
        assert items[:2] == [
            "berkas tidak memiliki kolom Nomor KPJ (kpj): 1 baris",
            'kolom "Nomor Kartu Peserta" tampaknya kolom ini: --map "Nomor Kartu Peserta=kpj"',
        ]
        assert page.visible_codes() == []  # the row's only issues are the absent columns
        assert page.text("#card-with_errors .value") == "1"
    finally:
        page.close()


def test_prints_without_the_filters(example: Page, tmp_path: Path) -> None:
    page = example.page
    page.fill("#filter", "nik")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.filters')).display") == "none"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#issues thead')).display")
        == "table-header-group"
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (tmp_path / "laporan.pdf").write_bytes(pdf)
    assert len(pdf) > 10_000


def test_a_big_report_stays_usable(browser: Any, tmp_path: Path) -> None:
    """2,000 broken rows: the page loads, filters and sorts within the test's time."""
    source = tmp_path / "many.csv"
    broken = GOOD.copy()
    broken[5] = "0812-34"
    rows = [[f"3273.0141.0790.{serial:04d}", *broken[1:7], *ADDRESS] for serial in range(1, 2001)]
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADER, *rows])
    page = Page(browser, report(tmp_path, source=source))
    try:
        assert page.text("#card-with_errors .value") == "2,000"
        page.page.locator("#issues thead th").nth(0).locator("button").click()
        page.page.locator("#issues thead th").nth(0).locator("button").click()
        assert page.visible_groups()[:2] == ["2001", "2000"]
        page.page.fill("#filter", "phone.too_short")
        assert len(page.visible_codes()) == 2000
        assert page.errors == []
    finally:
        page.close()
