"""One look for the whole console: a palette (light and dark), a spacing and type scale,
one application style sheet, and the icons of the main actions.

Widgets never write colours themselves. They say *what* a label is with a dynamic
property, and the style sheet here says how that looks::

    label.setProperty("role", "muted")          # QLabel[role="muted"]
    label.setProperty("badge", "open_complaint")  # QLabel[badge="open_complaint"]

Where a colour must be handed to Qt directly (an item model's ``ForegroundRole``, rich
text, a chart) they ask :func:`colour` for a named colour of the scheme in force.

:func:`apply` is called once at start (``console/app.py``) and by the widget tests'
app fixture. Without a *scheme* it follows the system's light/dark setting
(``QStyleHints.colorScheme()``) and follows its changes (``colorSchemeChanged``); tests
pass the scheme explicitly (the offscreen platform is always light).

Every text/background pair the theme draws is listed in :func:`text_pairs`; a test holds
each to a WCAG contrast of at least 4.5:1 in both schemes. Badges always carry text (and
the open-complaint badge an icon too): colour is never the only signal.
"""

from __future__ import annotations

import logging
import os
import weakref
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QStyle, QWidget

log = logging.getLogger(__name__)

#: Spacing scale (px): margins and gaps come from here, nothing in between.
SPACE = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24}
#: Type scale (px). The greeting is the largest type on the profile: it is said aloud.
TYPE = {"caption": 12, "body": 13, "section": 14, "title": 16, "figure": 16, "greeting": 22}
RADIUS = {"s": 4, "m": 8, "badge": 10}


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Colours:
    """The named colours of one scheme (hex strings)."""

    window: str
    surface: str  # cards, lists, fields
    text: str
    muted: str  # captions, hints, secondary lines
    border: str
    accent: str  # primary buttons, focus, links
    on_accent: str
    selection: str
    on_selection: str
    danger: str  # error text on window/surface
    danger_bg: str
    on_danger_bg: str
    warning: str  # "due soon" text on window/surface
    warning_bg: str
    on_warning_bg: str
    success: str
    success_bg: str
    on_success_bg: str
    greeting_bg: str
    on_greeting_bg: str
    call_ringing: str
    call_answered: str
    call_ended: str
    # badge kind → (background, text)
    badges: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Bars of the report's chart (with text on them: none; with the surface: graphic
    #: contrast only).
    chart: tuple[str, ...] = ()


LIGHT = Colours(
    window="#f3f5f8",
    surface="#ffffff",
    text="#1c1f24",
    muted="#4f5661",
    border="#cfd6df",
    accent="#1a5fb4",
    on_accent="#ffffff",
    selection="#1a5fb4",
    on_selection="#ffffff",
    danger="#b3261e",
    danger_bg="#fde0dc",
    on_danger_bg="#8e1b12",
    warning="#8a4b00",
    warning_bg="#fff3e0",
    on_warning_bg="#6d3a00",
    success="#1b5e20",
    success_bg="#e3f2e5",
    on_success_bg="#1b5e20",
    greeting_bg="#e6effa",
    on_greeting_bg="#15324d",
    call_ringing="#1557a8",
    call_answered="#1b6e20",
    call_ended="#555b63",
    badges={
        "open_complaint": ("#b3261e", "#ffffff"),
        "birthday_today": ("#ad1457", "#ffffff"),
        "birthday_soon": ("#f8d7e4", "#4a0e2a"),
        "occasion": ("#ecdcf0", "#3b1545"),
        "reward": ("#2e7d32", "#ffffff"),
        "vip": ("#7a5c00", "#ffffff"),
        "first_visit": ("#1565c0", "#ffffff"),
        "avoid": ("#fff3e0", "#6d3a00"),
        "demo": ("#b3261e", "#ffffff"),
    },
    chart=("#1a5fb4", "#b3261e", "#2e7d32", "#a15c00", "#6a1b9a", "#00838f", "#5d4037"),
)

DARK = Colours(
    window="#1b1e23",
    surface="#24282e",
    text="#e6e8eb",
    muted="#b0b7c1",
    border="#3a4049",
    accent="#8ab4f8",
    on_accent="#0b1d36",
    selection="#2f5e9e",
    on_selection="#ffffff",
    danger="#f4a29a",
    danger_bg="#5a1d18",
    on_danger_bg="#ffdad5",
    warning="#f3c079",
    warning_bg="#4a3000",
    on_warning_bg="#ffe0b2",
    success="#9bd59f",
    success_bg="#173d1b",
    on_success_bg="#c8e6c9",
    greeting_bg="#1e3550",
    on_greeting_bg="#dbe9f8",
    call_ringing="#9cc3f5",
    call_answered="#9bd59f",
    call_ended="#b0b7c1",
    badges={
        "open_complaint": ("#8c1d16", "#ffffff"),
        "birthday_today": ("#8a1048", "#ffffff"),
        "birthday_soon": ("#5b2740", "#ffe3ee"),
        "occasion": ("#4a2f55", "#f3e5f5"),
        "reward": ("#1d5a21", "#ffffff"),
        "vip": ("#5e4700", "#fff3c4"),
        "first_visit": ("#124f97", "#ffffff"),
        "avoid": ("#4a3000", "#ffe0b2"),
        "demo": ("#8c1d16", "#ffffff"),
    },
    chart=("#8ab4f8", "#f4a29a", "#9bd59f", "#f3c079", "#ce93d8", "#80deea", "#bcaaa4"),
)

SCHEMES = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}

#: Icons of the main actions: Font Awesome 6 (solid) through qtawesome.
ICONS = {
    "search": "fa6s.magnifying-glass",
    "new_customer": "fa6s.user-plus",
    "edit": "fa6s.pen",
    "visit": "fa6s.door-open",
    "purchase": "fa6s.bag-shopping",
    "complaint": "fa6s.circle-exclamation",
    "reward": "fa6s.gift",
    "calls": "fa6s.phone",
    "today": "fa6s.calendar-day",
    "lock": "fa6s.lock",
    "report": "fa6s.chart-column",
}
#: If qtawesome cannot load (or its fonts are missing), Qt's own standard icons.
STANDARD_ICONS = {
    "search": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "new_customer": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "edit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "visit": QStyle.StandardPixmap.SP_DialogYesButton,
    "purchase": QStyle.StandardPixmap.SP_DialogSaveButton,
    "complaint": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "reward": QStyle.StandardPixmap.SP_DialogApplyButton,
    "calls": QStyle.StandardPixmap.SP_MediaPlay,
    "today": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "lock": QStyle.StandardPixmap.SP_DialogCancelButton,
    "report": QStyle.StandardPixmap.SP_FileDialogListView,
}

_state: dict[str, Any] = {"scheme": Scheme.LIGHT, "follow": False, "iconed": []}


def current() -> Scheme:
    scheme: Scheme = _state["scheme"]
    return scheme


def colours(scheme: Scheme | None = None) -> Colours:
    return SCHEMES[scheme or current()]


def colour(name: str, scheme: Scheme | None = None) -> QColor:
    """A named colour of the scheme in force (or of *scheme*), e.g. ``colour("danger")``."""
    return QColor(getattr(colours(scheme), name))


def badge_colours(kind: str, scheme: Scheme | None = None) -> tuple[str, str]:
    return colours(scheme).badges.get(kind, (colours(scheme).border, colours(scheme).text))


def text_pairs(scheme: Scheme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the theme draws on a background."""
    c = colours(scheme)
    pairs = [
        ("text on window", c.text, c.window),
        ("text on surface", c.text, c.surface),
        ("muted on window", c.muted, c.window),
        ("muted on surface", c.muted, c.surface),
        ("button text", c.on_accent, c.accent),
        ("selected text", c.on_selection, c.selection),
        ("error on window", c.danger, c.window),
        ("error on surface", c.danger, c.surface),
        ("due soon on surface", c.warning, c.surface),
        ("danger note", c.on_danger_bg, c.danger_bg),
        ("warning note", c.on_warning_bg, c.warning_bg),
        ("success note", c.on_success_bg, c.success_bg),
        ("greeting", c.on_greeting_bg, c.greeting_bg),
        (
            "complaint warning in greeting",
            c.danger if scheme is Scheme.DARK else c.on_danger_bg,
            c.greeting_bg,
        ),
        ("call ringing on surface", c.call_ringing, c.surface),
        ("call answered on surface", c.call_answered, c.surface),
        ("call ended on surface", c.call_ended, c.surface),
        ("call missed on surface", c.danger, c.surface),
        ("success on surface", c.success, c.surface),
    ]
    pairs += [(f"badge {kind}", fg, bg) for kind, (bg, fg) in c.badges.items()]
    return pairs


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    colour_ = QColor(hex_colour)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour_.red())
        + 0.7152 * channel(colour_.green())
        + 0.0722 * channel(colour_.blue())
    )


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1–21) of two colours."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def palette(scheme: Scheme) -> QPalette:
    """A QPalette of the scheme: what widgets without a style-sheet rule draw with."""
    c = colours(scheme)
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, c.window),
        (roles.WindowText, c.text),
        (roles.Base, c.surface),
        (roles.AlternateBase, c.window),
        (roles.Text, c.text),
        (roles.Button, c.surface),
        (roles.ButtonText, c.text),
        (roles.BrightText, c.on_accent),
        (roles.Highlight, c.selection),
        (roles.HighlightedText, c.on_selection),
        (roles.Link, c.accent),
        (roles.PlaceholderText, c.muted),
        (roles.ToolTipBase, c.surface),
        (roles.ToolTipText, c.text),
        (roles.Mid, c.border),
        (roles.Midlight, c.border),
    ):
        p.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return p


def stylesheet(scheme: Scheme) -> str:
    """The application's style sheet for *scheme*."""
    c = colours(scheme)
    s, t, r = SPACE, TYPE, RADIUS
    rules = [
        # Buttons: one shape everywhere; the default (primary) one in the accent.
        f"QPushButton {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border};"
        f" border-radius: {r['s']}px; padding: {s['xs']}px {s['m']}px; }}",
        f"QPushButton:hover {{ border-color: {c.accent}; }}",
        f"QPushButton:focus {{ border: 2px solid {c.accent}; }}",
        f"QPushButton:disabled {{ color: {c.muted}; }}",
        f"QPushButton:default {{ background: {c.accent}; color: {c.on_accent};"
        f" border-color: {c.accent}; }}",
        "QPushButton:flat { border: none; background: transparent; }",
        # Section cards: the profile's sections, Today's lists.
        f'QFrame[card="true"] {{ background: {c.surface}; border: 1px solid {c.border};'
        f" border-radius: {r['m']}px; }}",
        f'QLabel[role="section"] {{ color: {c.muted}; font-weight: 600;'
        f" font-size: {t['section']}px; margin-top: {s['s']}px; }}",
        f'QLabel[role="title"] {{ font-size: {t["title"]}px; font-weight: 600; }}',
        f'QLabel[role="muted"] {{ color: {c.muted}; }}',
        f'QLabel[role="error"] {{ color: {c.danger}; }}',
        f'QLabel[role="hint"] {{ color: {c.muted}; }}',
        f'QLabel[role="figure"] {{ font-size: {t["figure"]}px; font-weight: 600; }}',
        f'QLabel[role="placeholder"] {{ color: {c.muted}; font-size: {t["title"]}px;'
        f" padding: 40px; }}",
        f'QLabel[role="greeting"] {{ font-size: {t["greeting"]}px; font-weight: 600;'
        f" color: {c.on_greeting_bg}; background: {c.greeting_bg};"
        f" padding: {s['s']}px {s['m']}px; border-radius: {r['m']}px; }}",
        f'QLabel[role="callGreeting"] {{ font-size: {t["title"]}px;'
        f" color: {c.on_greeting_bg}; background: {c.greeting_bg};"
        f" padding: {s['xs'] + 2}px; border-radius: {r['s'] + 2}px; }}",
        f'QLabel[note="danger"] {{ background: {c.danger_bg}; color: {c.on_danger_bg};'
        f" border-radius: {r['s'] + 2}px; padding: {s['xs'] + 2}px {s['s'] + 2}px;"
        " font-weight: 600; }",
        f'QLabel[note="warning"] {{ background: {c.warning_bg}; color: {c.on_warning_bg};'
        f" border-radius: {r['s']}px; padding: {s['xs']}px; }}",
        f'QLabel[note="success"] {{ background: {c.success_bg}; color: {c.on_success_bg};'
        f" border-radius: {r['s']}px; padding: {s['xs']}px; }}",
        f"QLineEdit#searchBox {{ font-size: {t['title']}px; padding: {s['xs'] + 2}px; }}",
        # Badges: always text (never colour alone), one shape, a colour per kind.
        f"QLabel[badge] {{ border-radius: {r['badge']}px; padding: 3px {s['s'] + 2}px;"
        " font-weight: 600; }",
        f"QPushButton#openComplaintBadge {{ background: {c.badges['open_complaint'][0]};"
        f" border: none; border-radius: {r['badge']}px; padding: 0; }}",
        f"QPushButton#openComplaintBadge:focus {{ border: 2px solid {c.on_greeting_bg}; }}",
        f"QLabel#wrapButtonText {{ color: {c.badges['open_complaint'][1]}; font-weight: 600;"
        " background: transparent; }",
    ]
    rules += [
        f'QLabel[badge="{kind}"] {{ background: {bg}; color: {fg}; }}'
        for kind, (bg, fg) in c.badges.items()
    ]
    return "\n".join(rules)


def set_role(widget: QWidget, **properties: str) -> None:
    """Set dynamic properties the style sheet selects on, and re-polish *widget*."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


def apply(app: QApplication, scheme: Scheme | None = None) -> Scheme:
    """Style *app*: Fusion, the palette and the style sheet of *scheme* (or the system's,
    followed when it changes). Returns the scheme in force."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the same shapes on Windows, macOS and Linux
    chosen = scheme or system_scheme()
    _state["scheme"] = chosen
    app.setPalette(palette(chosen))
    app.setStyleSheet(stylesheet(chosen))
    _refresh_icons()
    hints = QGuiApplication.styleHints()
    if scheme is None and not _state["follow"]:
        _state["follow"] = True
        hints.colorSchemeChanged.connect(lambda _scheme: _follow(app))
    elif scheme is not None:
        _state["follow"] = False  # an explicit scheme (tests) is kept
    return chosen


def _follow(app: QApplication) -> None:
    if _state["follow"]:
        apply(app, None)


def icon(name: str, scheme: Scheme | None = None, *, colour_name: str = "text") -> QIcon:
    """The icon of a main action (``ICONS``), in the scheme's text colour. Icon fonts are
    vectors: sharp at any device pixel ratio."""
    c = colours(scheme)
    try:
        if not os.environ.get("QT_API"):
            os.environ["QT_API"] = "pyside6"
        import qtawesome

        made: QIcon = qtawesome.icon(
            ICONS[name], color=getattr(c, colour_name), color_disabled=c.muted
        )
        return made
    except Exception:  # pragma: no cover - a bundle without qtawesome's fonts
        log.warning("qtawesome icon %s unavailable; using Qt's standard icon", name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            return app.style().standardIcon(STANDARD_ICONS[name])
        return QIcon()


def icon_font_works() -> bool:
    """Whether the icons come from qtawesome's fonts (not the standard-icon fallback):
    the smoke launch of the installed package and of the bundle checks it."""
    try:
        if not os.environ.get("QT_API"):
            os.environ["QT_API"] = "pyside6"
        import qtawesome

        return not qtawesome.icon(ICONS["search"]).pixmap(16, 16).isNull()
    except Exception:
        return False


def set_icon(target: QAbstractButton | QAction, name: str, *, colour_name: str = "text") -> None:
    """Give a button or action its icon, and give it again when the scheme changes."""
    target.setIcon(icon(name, colour_name=colour_name))
    _state["iconed"].append((weakref.ref(target), name, colour_name))


def _refresh_icons() -> None:
    alive = []
    for ref, name, colour_name in _state["iconed"]:
        target = ref()
        if target is None:
            continue
        try:
            target.setIcon(icon(name, colour_name=colour_name))
        except RuntimeError:  # deleted on the C++ side
            continue
        alive.append((ref, name, colour_name))
    _state["iconed"] = alive
