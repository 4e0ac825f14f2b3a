"""Help: the keyboard shortcuts, the search syntax and About."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from viewer import __version__
from viewer.core.bidi import ltr_isolated
from viewer.gui.common import shortcuts
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language

translate = QCoreApplication.translate


def shortcuts_html(rows: list[tuple[str, str]]) -> str:
    """A two-column table of what keys do and the keys; QTextDocument does not mirror tables, so in
    Persian the columns are written in reverse and the table is aligned right."""
    rtl = current_language() == "fa"
    side = "right" if rtl else "left"
    lines = []
    for keys, text in rows:
        if keys:
            label = f"<td style='padding:4px 12px;' align='{side}'>{escape(text)}</td>"
            shortcut = f"<td style='padding:4px 12px;'><b>{ltr_isolated(escape(keys))}</b></td>"
            lines.append("<tr>" + (shortcut + label if rtl else label + shortcut) + "</tr>")
    return f"<table align='{side}' cellspacing='0'>" + "".join(lines) + "</table>"


def _show_page(parent: QWidget, name: str, title: str, html: str, width: int, height: int) -> QDialog:
    """A help page: `html` in a text browser with a Close button, deleted when closed."""
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    view = QTextBrowser(dialog)
    view.setAccessibleName(title)
    view.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_shortcuts(parent: QWidget) -> QDialog:
    """Help → Keyboard shortcuts (F1): every shortcut of the table (common/shortcuts.py)."""
    return _show_page(parent, "shortcutsDialog", translate("HelpDialogs", "Keyboard shortcuts"),
                      shortcuts_html(shortcuts.help_rows()), 520, 560)


def query_help_html() -> str:
    """The query language, as the search box understands it (the README's table)."""
    rows = [
        ("اصفهان مسقط", translate("HelpDialogs", "articles with both words (AND is the default)")),
        ('"روابط تجاری"', translate("HelpDialogs", "the exact phrase")),
        ("استقلال OR پرسپولیس", translate("HelpDialogs", "either word (also یا)")),
        ("-فوتبال", translate("HelpDialogs", "without the word (also NOT)")),
        ("title:اصفهان", translate("HelpDialogs", "the word in the title (also عنوان:)")),
        ('tag:"استقلال تهران"', translate("HelpDialogs", "articles with that tag (also برچسب:)")),
        ("خواهرخوانده*", translate("HelpDialogs", "words starting with it")),
        ("اصفهن~", translate("HelpDialogs", "words one or two letters away")),
    ]
    rtl = current_language() == "fa"
    side = "right" if rtl else "left"
    cells = [(f"<td style='padding:4px 12px;'><b>{escape(example)}</b></td>",
              f"<td style='padding:4px 12px;' align='{side}'>{escape(meaning)}</td>") for example, meaning in rows]
    body = "".join("<tr>" + (a + b if rtl else b + a) + "</tr>" for a, b in cells)
    note = translate("HelpDialogs", "Every spelling of a word is found (ی/ي, ک/ك, digits, half-spaces), and its other forms.")
    return f"<table align='{side}' cellspacing='0'>{body}</table><p align='{side}'>{escape(note)}</p>"


def show_query_help(parent: QWidget) -> QDialog:
    return _show_page(parent, "queryHelpDialog", translate("HelpDialogs", "Search syntax"), query_help_html(), 560, 420)


def about_text() -> str:
    name = translate("HelpDialogs", "Bayegan")
    summary = translate("HelpDialogs", "An offline archive viewer for Persian news articles: it finds every spelling of a word, "
                        "shows articles right to left, keeps your highlights and notes, and exports them as PDF.")
    credits = translate("HelpDialogs", "Font: Vazirmatn (SIL Open Font License). Licence: Apache-2.0.")
    return f"<h3>{escape(name)} {escape(digits(__version__))}</h3><p>{escape(summary)}</p><p>{escape(credits)}</p>"


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(translate("HelpDialogs", "About Bayegan"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


