"""Build hook: the wheel the bot runs from has ``bot/core/understanding`` compiled with mypyc.

Every message goes through the understanding rules, so the installed bot runs them as C
extensions (hatch-mypyc, the hook black ships its wheels with). An editable install (the
README's test command, development) stays pure Python, so an edited rule takes effect
without a rebuild, and no compiled file is left in the source tree to shadow the ``.py``.
Set ``HIPCOACH_PURE_PYTHON=1`` to build a pure-Python wheel (no C compiler needed); a
failed compile falls back to one too, and says so. The output is the same either way:
``.ci/run`` runs the core tests against the compiled wheel.
"""

from __future__ import annotations

import glob
import os
import sys
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook


class CompiledUnderstanding(MypycBuildHook):  # type: ignore[misc]
    """hatch-mypyc for standard wheels only, tidying its in-place output afterwards."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile unless the wheel is editable or pure Python is asked for."""
        if version == "editable" or os.environ.get("HIPCOACH_PURE_PYTHON") == "1":
            return
        try:
            super().initialize(version, build_data)
        except Exception as error:  # no compiler, say: the bot still runs, only slower
            self._remove_compiled()
            print(
                "hipcoach: understanding not compiled, installing pure Python "
                f"(same answers, slower): {str(error)[-2000:]}",
                file=sys.stderr,
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """The wheel holds the compiled modules now: none stay beside the sources."""
        self._remove_compiled()

    def _remove_compiled(self) -> None:
        shared = f"*__mypyc.*{self.compiled_extension}"  # the one library all modules share
        for pattern in (*self.artifact_globs, shared):
            for path in glob.glob(os.path.join(self.root, pattern)):
                os.remove(path)


def get_build_hook() -> type[CompiledUnderstanding]:
    """The hook hatchling loads from this file."""
    return CompiledUnderstanding
