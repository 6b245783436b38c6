"""The layering DESIGN.md promises, checked on the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# Modules at the edge (pages and their page_* parts, *_service glue between pages and
# storage, their session state, command lines) may import anything; everything else in capture/
# and followup/ is the
# pure core.
EDGE = {
    "capture/event_choice.py",
    "capture/intake.py",
    "capture/cli.py",
    "capture/__main__.py",
    "followup/__main__.py",
    "followup/service.py",
}


def _modules(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def _is_edge(path: Path) -> bool:
    relative = path.relative_to(REPO_ROOT).as_posix()
    name = path.name
    return (
        relative in EDGE
        or name.endswith(("page.py", "_service.py"))
        or name.startswith("page_")
        or "_page_" in name
    )


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize(
    "path", [p for p in _modules("capture") if not _is_edge(p)], ids=lambda p: p.name
)
def test_capture_core_imports_nothing_of_ours_nor_ui_nor_database(path: Path) -> None:
    assert not _roots(_imports(path)) & {"streamlit", "sqlalchemy", "storage", "followup"}


@pytest.mark.parametrize(
    "path", [p for p in _modules("followup") if not _is_edge(p)], ids=lambda p: p.name
)
def test_followup_core_uses_only_pure_storage_types(path: Path) -> None:
    imports = _imports(path)
    assert not _roots(imports) & {"streamlit", "sqlalchemy", "capture"}
    storage_imports = {name for name in imports if name.split(".")[0] == "storage"}
    assert storage_imports <= {"storage.kinds", "storage.records", "storage.matching"}


@pytest.mark.parametrize("path", _modules("storage"), ids=lambda p: p.name)
def test_storage_imports_nothing_of_ours(path: Path) -> None:
    forbidden = {"capture", "followup"} | (set() if _is_edge(path) else {"streamlit"})
    assert not _roots(_imports(path)) & forbidden


def test_only_one_module_runs_tesseract() -> None:
    users = [
        p.relative_to(REPO_ROOT).as_posix()
        for package in ("capture", "followup", "storage")
        for p in _modules(package)
        if "pytesseract" in _roots(_imports(p))
    ]
    assert users in ([], ["capture/ocr.py"])
