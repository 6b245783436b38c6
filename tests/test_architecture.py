"""The layering DESIGN.md promises, read from the import statements of every module.

pyproject.toml states the rules as import-linter contracts: followup -> capture -> storage, and
inside capture and followup pages -> services -> pure core, every module placed in a layer. The
first test runs them; the others read each module's own imports for what a contract cannot say:
which storage modules the pure core may use, that nothing outside the core could live inside it,
that pages leave writing to services, and which one module drives each OCR engine.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

CONTRACTS: dict[str, dict[str, Any]] = {
    contract["id"]: contract
    for contract in tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"
    ]["importlinter"]["contracts"]
}
PARTS = ("capture", "followup")
# What only the edge (pages, services, command lines) may import, in either part.
EDGE_ONLY = {"streamlit", "sqlalchemy", "argparse", "babel"}  # babel: words for people
# The plain storage modules (enums, records, contact keys) followup's pure core may use.
PLAIN_STORAGE = {"storage.kinds", "storage.records", "storage.matching"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _path(module: str) -> Path:
    path = REPO_ROOT.joinpath(*module.split(".")).with_suffix(".py")
    return path if path.exists() else REPO_ROOT.joinpath(*module.split("."), "__init__.py")


def _modules(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


@cache
def _imports(path: Path) -> frozenset[str]:
    """Every module a file imports, at the top or inside a function, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from capture import notes` imports the module capture.notes
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            modules = [name for name in names if _path(name).exists()]
            found.update(modules if len(modules) == len(names) else [node.module, *modules])
    return frozenset(found)


def _roots(names: frozenset[str] | set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def _layers(part: str) -> list[set[str]]:
    """The part's layers, highest first, as full module names."""
    contract = CONTRACTS[f"{part}-layers"]
    assert contract["containers"] == [part] and contract["exhaustive"] is True
    return [
        {f"{part}.{tail.strip()}" for tail in re.split(r"[|:]", layer)}
        for layer in contract["layers"]
    ]


def _core(part: str) -> set[str]:
    """The pure core as the contract forbidding it Streamlit and the database names it."""
    return set(CONTRACTS[f"{part}-core"]["source_modules"])


def _core_paths(part: str) -> list[Path]:
    # The package's __init__ belongs to the core too: `from capture import scan_image`.
    return sorted({_path(name) for name in _core(part)} | {REPO_ROOT / part / "__init__.py"})


def test_the_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    assert lint_imports.exists(), "import-linter is missing: pip install -e '.[test]'"
    result = subprocess.run(
        [str(lint_imports), "--no-logo", "--no-cache"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


@pytest.mark.parametrize("part", PARTS)
def test_the_core_contract_names_the_lowest_layer(part: str) -> None:
    """Both statements of the core agree, and the layers above it are not empty."""
    layers = _layers(part)
    assert _core(part) == layers[-1]
    assert len(layers) >= 3 and all(layers)
    assert {_module_name(p) for p in _modules(part)} - {part} == set().union(*layers)


@pytest.mark.parametrize("path", _core_paths("capture"), ids=lambda p: p.name)
def test_capture_core_imports_nothing_of_ours_nor_ui_nor_database(path: Path) -> None:
    """Apart from the one contact value type (`storage.records.ContactDetails`)."""
    imports = _imports(path)
    assert not _roots(imports) & (EDGE_ONLY | {"followup"})
    assert {name for name in imports if name.split(".")[0] == "storage"} <= {"storage.records"}


@pytest.mark.parametrize("path", _core_paths("followup"), ids=lambda p: p.name)
def test_followup_core_uses_only_plain_storage_types_and_capture_core(path: Path) -> None:
    imports = _imports(path)
    assert not _roots(imports) & EDGE_ONLY
    assert {name for name in imports if name.split(".")[0] == "storage"} <= PLAIN_STORAGE
    capture = {name for name in imports if name.split(".")[0] == "capture"}
    assert capture <= _core("capture")


def _needs_the_edge(part: str, module: str) -> set[str]:
    """What a module imports that its part's pure core may not."""
    imports = _imports(_path(module))
    ours = {name for name in imports if name.split(".")[0] in {*PARTS, "storage"}}
    allowed = _core(part) | {part}
    if part == "followup":
        allowed |= PLAIN_STORAGE | _core("capture") | {"capture"}
    return (_roots(imports) & EDGE_ONLY) | (ours - allowed)


@pytest.mark.parametrize("part", PARTS)
def test_every_module_above_the_core_needs_to_be(part: str) -> None:
    """A module placed above the core imports something the core may not: no pure module hides
    among the pages and services, unchecked."""
    above_core = set().union(*_layers(part)[:-1])
    pure = sorted(module for module in above_core if not _needs_the_edge(part, module))
    assert pure == []


def _sessions_opened(path: Path) -> set[str]:
    """Which of `with <database>.read()` / `.write()` the file opens itself."""
    opened = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                call = item.context_expr
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in {"read", "write"}
                ):
                    opened.add(call.func.attr)
    return opened


def _pages() -> list[Path]:
    """The modules that draw with Streamlit, and app.py."""
    return [
        p
        for package in ("capture", "followup", "storage")
        for p in _modules(package)
        if "streamlit" in _roots(_imports(p))
    ] + [REPO_ROOT / "app.py"]


def test_pages_leave_every_database_session_to_a_service() -> None:
    """Pages and app.py open no database session: a service function reads for them, and
    owns each write with its retry (`Database.write_with_retry`)."""
    pages = _pages()
    assert REPO_ROOT / "followup" / "account_page.py" in pages
    assert [p.relative_to(REPO_ROOT).as_posix() for p in pages if _sessions_opened(p)] == []


def test_command_lines_leave_every_write_to_a_service() -> None:
    clis = [REPO_ROOT / part / "__main__.py" for part in (*PARTS, "storage")]
    assert [
        p.relative_to(REPO_ROOT).as_posix() for p in clis if "write" in _sessions_opened(p)
    ] == []


def _users(*libraries: str) -> list[str]:
    return [
        p.relative_to(REPO_ROOT).as_posix()
        for package in ("capture", "followup", "storage")
        for p in _modules(package)
        if _roots(_imports(p)) & set(libraries)
    ]


def test_storage_draws_nothing() -> None:
    assert [user for user in _users("streamlit") if user.startswith("storage/")] == []


def test_only_one_module_runs_tesseract() -> None:
    assert _users("pytesseract") == ["capture/ocr.py"]


def test_only_one_module_runs_the_neural_engine() -> None:
    assert _users("rapidocr", "onnxruntime") == ["capture/neural_ocr.py"]
