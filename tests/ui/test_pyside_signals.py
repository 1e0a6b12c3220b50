"""PySide6 6.12.0 dropped a reference to ``True`` on every signal emission to a Python
callable; on Python 3.11 the interpreter aborts after a few hundred keystrokes. The
project excludes that release; this guards against a release with the same bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()
    text = Signal(str)


def test_signal_emission_keeps_reference_counts() -> None:
    probe = _Probe()
    probe.ping.connect(lambda: None)
    probe.text.connect(lambda _value: None)
    before_true = sys.getrefcount(True)
    before_false = sys.getrefcount(False)
    for _ in range(200):
        probe.ping.emit()
        probe.text.emit("x")
    # Other threads may take or drop a handful of references meanwhile; a leak drops 400.
    assert sys.getrefcount(True) >= before_true - 20
    assert sys.getrefcount(False) >= before_false - 20
