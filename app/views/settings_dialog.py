"""The settings dialog: choices a person makes for this workstation.

Owns `SettingsDialog`. Today it holds the language (follow the system, 中文, English);
a choice takes effect at once (the translators are swapped and every open widget
retranslates itself) and is saved to the settings file straight away, so closing
the dialog any way keeps it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.config import LANGUAGES, Settings
from app.views.i18n import install_language


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, settings_path: Path | None = None
    ):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._settings_path = settings_path
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        # Language names in their own language, so anyone can find theirs.
        self.language_box.addItem("", "system")
        self.language_box.addItem("中文（简体）", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(LANGUAGES.index(settings.language))
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language_box)
        self._hint = QLabel(self)
        self._hint.setObjectName("hint")
        self._hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self._language_label, self.language_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("&Language:"))
        self.language_box.setItemText(0, self.tr("Follow the system"))
        self._hint.setText(self.tr("The new language applies at once and is remembered."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(int)
    def _on_language_chosen(self, index: int) -> None:
        choice = self.language_box.itemData(index)
        if choice == self._settings.language:
            return
        self._settings.language = choice
        install_language(choice)
        self._settings.save(self._settings_path)
