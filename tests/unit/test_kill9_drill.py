"""kill -9 of a save loop leaves no half-saved change: every customer and complaint has
its create audit entry, every marketing consent its consent event (issue 12). A few
rounds here; tests/benchmarks/drill_kill9.py runs many."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.benchmarks.drill_kill9 import drill


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_save_loops_leave_no_write_without_its_record(tmp_path: Path) -> None:
    figures = drill(tmp_path, rounds=4, import_rounds=0, seed=3)
    assert figures.acknowledged_writes > 0  # the loop did save before it was killed
    assert figures.corruptions == 0
    assert figures.lost_writes == 0
    assert figures.customers_without_create == 0
    assert figures.complaints_without_create == 0
    assert figures.marketing_without_event == 0
