"""The main window's frame: the sidebar beside the stack of screens.

Owns `build_frame`: the navigation list, the Settings and "Switch user…" buttons and
who is signed in at the foot of the sidebar, sized for the longest title with its count
badge, beside the stack that shows the chosen screen. The window connects them (its
signals and slots stay its own); this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass
class Frame:
    navigation: QListWidget
    settings_button: QPushButton
    switch_button: QPushButton
    person: QLabel
    stack: QStackedWidget


def build_frame(window: QMainWindow) -> Frame:
    navigation = QListWidget(window)
    navigation.setObjectName("navigation")
    navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    settings_button = QPushButton(window)
    settings_button.setObjectName("settingsButton")
    switch_button = QPushButton(window)
    switch_button.setObjectName("switchUserButton")
    person = QLabel(window)
    person.setObjectName("signedInPerson")
    person.setWordWrap(True)
    sidebar = QWidget(window)
    sidebar.setObjectName("sidebar")
    side_layout = QVBoxLayout(sidebar)
    side_layout.setContentsMargins(0, 8, 0, 8)
    side_layout.addWidget(navigation, 1)
    side_layout.addWidget(settings_button)
    side_layout.addWidget(switch_button)
    side_layout.addWidget(person)
    # Room for the longest title with its count badge ("Needs attention (12)") in English.
    widest = window.fontMetrics().horizontalAdvance("Needs attention (99)") + 48
    sidebar.setFixedWidth(max(150, window.fontMetrics().horizontalAdvance("M") * 13, widest))
    stack = QStackedWidget(window)
    central = QWidget(window)
    layout = QHBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(sidebar)
    layout.addWidget(stack, 1)
    window.setCentralWidget(central)
    return Frame(navigation, settings_button, switch_button, person, stack)
