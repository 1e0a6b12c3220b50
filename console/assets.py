"""Files the app reads at run time, found one way (``importlib.resources``).

An installed wheel, and the desktop bundle made from it, carries them as package data in
``console/_resources/``: ``setup.py`` copies the checkout's ``resources/`` there at build
time and compiles the translations to ``.qm`` (so nothing is compiled at run time). A source
checkout (an editable install, the tests) has no ``console/_resources/``: the checkout's
``resources/`` is used instead, and :mod:`console.ui.i18n` compiles its ``.ts`` files into
the user cache on first use.

Every reader asks this module; no other module works out where the resources are.
Plain Python (no Qt), so the services and the command line may use it.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGED = "_resources"  # console/_resources in a wheel or a bundle
CHECKOUT = Path(__file__).resolve().parents[1] / "resources"  # a source checkout's copy
TRANSLATIONS = "translations"
TS_PREFIX = "service_console_"
DEFAULT_PHRASEBOOK = ("phrasebooks", "default.csv")

_extracted = contextlib.ExitStack()  # files copied out of a zip import, kept until exit
atexit.register(_extracted.close)


def _packaged() -> Traversable | None:
    root = resources.files("console") / PACKAGED
    return root if root.is_dir() else None


def is_packaged() -> bool:
    """True in an installed wheel or a bundle (resources built in); False in a checkout."""
    return _packaged() is not None


def root() -> Traversable:
    """The folder the resources are in: the package's copy, else the checkout's."""
    return _packaged() or CHECKOUT


def path(*parts: str) -> Path:
    """A file among the resources as a real path on disk (for readers that want one)."""
    found = root().joinpath(*parts)
    if isinstance(found, Path):
        return found
    return _extracted.enter_context(resources.as_file(found))


def default_phrasebook() -> Path:
    """The phrasebook a new database starts with (``phrasebooks/default.csv``)."""
    return path(*DEFAULT_PHRASEBOOK)


def translation_sources() -> Path:
    """The checkout's ``.ts`` files (developers and tests; a wheel ships only ``.qm``)."""
    return CHECKOUT / TRANSLATIONS


def compiled_translations() -> dict[str, Path]:
    """The ``.qm`` file of each language that was compiled at build time, by language
    code; empty in a source checkout."""
    packaged = _packaged()
    if packaged is None:
        return {}
    found: dict[str, Path] = {}
    for item in packaged.joinpath(TRANSLATIONS).iterdir():
        name = item.name
        if name.startswith(TS_PREFIX) and name.endswith(".qm"):
            language = name.removeprefix(TS_PREFIX).removesuffix(".qm")
            found[language] = path(TRANSLATIONS, name)
    return dict(sorted(found.items()))
