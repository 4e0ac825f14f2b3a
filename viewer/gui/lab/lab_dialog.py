"""Lab… : join a lab's server (address, password, name) or leave it."""

from __future__ import annotations

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


class LabDialog(QDialog):
    """Only gathers what to do; LabControl runs it off the UI thread and reports back with `show_result`."""

    def __init__(self, member: tuple[str, str] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Research lab"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://USER@HOST:5432/DB?sslmode=verify-full")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.name = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Your name in the lab:"), self.name)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.join_button = QPushButton(self.tr("Join"), self)
        self.leave_button = QPushButton(self.tr("Leave the lab"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.leave_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.set_member(member)

    def set_member(self, member: tuple[str, str] | None) -> None:
        if member is not None:
            self.url.setText(member[0])
            self.name.setText(member[1])
            self.status.setText(self.tr("This desktop is in the lab at %1 as %2.").replace("%1", member[0])
                                .replace("%2", member[1]))
        else:
            self.status.setText(self.tr("This desktop is in no lab. Your notes stay here either way."))
        self.leave_button.setEnabled(member is not None)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.join_button, self.leave_button, self.url, self.password, self.name):
            widget.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.status.setText(text)
