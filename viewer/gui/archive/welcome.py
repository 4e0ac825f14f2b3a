"""The welcome over the results while the archive is the bundled sample (no folder of the
researcher's yet): it says what is shown and offers to add the researcher's own folder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeNotice(QFrame):
    add_folder_requested = Signal()
    explore_requested = Signal()  # "Explore the sample": the notice goes for this session

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomeNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = QLabel(self)
        self.title.setObjectName("welcomeTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("welcomeAddFolder")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_folder_requested)
        self.explore_button = QPushButton(self)
        self.explore_button.setObjectName("welcomeExplore")
        self.explore_button.clicked.connect(self._explore)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(words, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.explore_button)
        self.retranslate()
        self.hide()

    def _explore(self) -> None:
        self.hide()
        self.explore_requested.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Bayegan"))
        self.text.setText(self.tr("You are looking at the bundled sample archive: a few real Persian news "
                                  "articles (Fars News, Varzesh3, IMNA) to try searching, tags and notes. Add the folder "
                                  "of your own articles and Bayegan indexes it in place of the sample."))
        self.add_button.setText(self.tr("Add your archive folder…"))
        self.add_button.setAccessibleName(self.tr("Add your archive folder"))
        self.explore_button.setText(self.tr("Explore the sample"))
        self.explore_button.setAccessibleName(self.tr("Explore the sample"))
        self.setAccessibleName(self.tr("Welcome to Bayegan"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
