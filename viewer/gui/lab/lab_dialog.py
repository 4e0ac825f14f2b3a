"""Lab… : join a lab's server (address, password, name) or leave it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.bidi import isolated, ltr_isolated
from viewer.gui.common.retranslating import Retranslating


class LabDialog(Retranslating, QDialog):
    """Only gathers what to do; LabControl runs it off the UI thread and reports back with `show_result`.
    Every text follows the interface language, the last message too (it is kept as a way to say it)."""

    def __init__(self, member: tuple[str, str] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://USER@HOST:5432/DB?sslmode=verify-full")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.name = QLineEdit(self)
        self.url_label, self.password_label, self.name_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        for label, field in ((self.url_label, self.url), (self.password_label, self.password),
                             (self.name_label, self.name)):
            label.setBuddy(field)  # the field's accessible name
            form.addRow(label, field)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.join_button = QPushButton(self)
        self.leave_button = QPushButton(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.leave_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._message: Callable[[], str] | None = None
        self.member: tuple[str, str] | None = None
        self.set_member(member)
        self.retranslate()

    def set_member(self, member: tuple[str, str] | None) -> None:
        self.member = member
        self._message = None
        if member is not None:
            self.url.setText(member[0])
            self.name.setText(member[1])
        self.leave_button.setEnabled(member is not None)
        self._say_status()

    def _say_status(self) -> None:
        if self._message is not None:
            self.status.setText(self._message())
        elif self.member is not None:
            self.status.setText(self.tr("This desktop is in the lab at %1 as %2.")
                                .replace("%1", ltr_isolated(self.member[0])).replace("%2", isolated(self.member[1])))
        else:
            self.status.setText(self.tr("This desktop is in no lab. Your notes stay here either way."))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.join_button, self.leave_button, self.url, self.password, self.name):
            widget.setEnabled(not busy)

    def show_message(self, say: Callable[[], str]) -> None:
        """`say` gives the message in the interface language: it is asked again when that changes."""
        self._message = say
        self._say_status()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Research lab"))
        self.url_label.setText(self.tr("Server address:"))
        self.password_label.setText(self.tr("Password:"))
        self.name_label.setText(self.tr("Your name in the lab:"))
        self.join_button.setText(self.tr("Join"))
        self.leave_button.setText(self.tr("Leave the lab"))
        self._say_status()
