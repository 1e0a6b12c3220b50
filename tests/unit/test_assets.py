"""console.assets in a source checkout: the checkout's resources, nothing compiled."""

from __future__ import annotations

from pathlib import Path

from console import assets

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_reads_its_own_resources() -> None:
    assert not assets.is_packaged()
    assert assets.default_phrasebook() == ROOT / "resources" / "phrasebooks" / "default.csv"
    assert assets.default_phrasebook().is_file()
    assert assets.translation_sources() == ROOT / "resources" / "translations"


def test_a_checkout_has_no_prebuilt_translations() -> None:
    assert assets.compiled_translations() == {}
