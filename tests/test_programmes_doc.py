"""docs/programmes.md is what docs/programmes.py writes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_programmes_doc_is_current() -> None:
    spec = importlib.util.spec_from_file_location("programmes", DOCS / "programmes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = (DOCS / "programmes.md").read_text(encoding="utf-8")
    assert written == module.document(), "run: .venv/bin/python docs/programmes.py"
