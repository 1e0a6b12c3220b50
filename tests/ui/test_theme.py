"""The theme: every text/background pair it defines reads at WCAG contrast ≥ 4.5:1 in
light and dark (computed on the palette, not on screenshots); badges and roles resolve
through the style sheet; icons come from the icon font and stay sharp when scaled."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from console.ui import theme
from console.ui.theme import Scheme


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_text_pair_has_contrast(scheme: Scheme) -> None:
    low = [
        (what, fg, bg, round(theme.contrast(fg, bg), 2))
        for what, fg, bg in theme.text_pairs(scheme)
        if theme.contrast(fg, bg) < 4.5
    ]
    assert low == []


def test_contrast_formula() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_badge_kind_has_colours_in_both_schemes() -> None:
    from console.domain.profile import BadgeKind

    for scheme in Scheme:
        for kind in BadgeKind:
            assert kind.value in theme.colours(scheme).badges, (scheme, kind)


@pytest.mark.parametrize("scheme", list(Scheme))
def test_badge_colours_come_from_the_style_sheet(qtbot: Any, scheme: Scheme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply(app, scheme)
        label = QLabel("Open complaint")
        qtbot.addWidget(label)
        theme.set_role(label, badge="open_complaint")
        label.show()
        qtbot.waitExposed(label)
        image = label.grab().toImage()
        bg, _fg = theme.badge_colours("open_complaint", scheme)
        centre_left = image.pixelColor(4, image.height() // 2)
        assert centre_left.name() == bg
        assert theme.current() is scheme
        assert (
            app.palette().color(app.palette().ColorRole.Window).name()
            == theme.colours(scheme).window
        )
    finally:
        theme.apply(app, Scheme.LIGHT)


def test_icons_are_vector_and_follow_the_scheme(qtbot: Any) -> None:
    for name in theme.ICONS:
        icon = theme.icon(name)
        assert not icon.isNull(), name
        small, large = icon.pixmap(16, 16), icon.pixmap(64, 64)
        assert large.width() == 64 and small.width() == 16
    light = theme.icon("search", Scheme.LIGHT).pixmap(32, 32).toImage()
    dark = theme.icon("search", Scheme.DARK).pixmap(32, 32).toImage()
    assert light != dark
