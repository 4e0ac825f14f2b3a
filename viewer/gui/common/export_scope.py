"""What an export covers, shared by the PDF export and the reference-list export: what the window
shows (its open article, selected rows, chosen collection, whole result list, articles with notes)
and a choice among them that defaults to what the researcher sees — the chosen collection, else the
whole result list — and to the selected rows only when several are selected."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.core.bidi import isolated
from viewer.gui.common.digits import number


class Scope(StrEnum):
    OPEN = "open"
    SELECTED = "selected"
    COLLECTION = "collection"
    RESULTS = "results"
    NOTED = "noted"


@dataclass
class ExportChoices:
    """What the window can offer to export, as article ids."""

    open_article: Article | None = None
    selected_ids: list[str] = field(default_factory=list)  # the selected rows of the result list
    result_ids: list[str] = field(default_factory=list)
    noted_ids: list[str] = field(default_factory=list)
    query: str = ""
    collection: str | None = None  # the collection chosen in the research panel
    collection_ids: list[str] = field(default_factory=list)

    def ids(self, scope: Scope) -> list[str]:
        return {
            Scope.OPEN: [self.open_article.id] if self.open_article else [],
            Scope.SELECTED: self.selected_ids,
            Scope.COLLECTION: self.collection_ids,
            Scope.RESULTS: self.result_ids,
            Scope.NOTED: self.noted_ids,
        }[scope]

    def file_stem(self, scope: Scope | None, fallback: str) -> str:
        """A file name (without extension) for exporting `scope`: the open article's title, the collection's
        name or the query, made safe for any file system and at most 60 characters; else `fallback`."""
        if scope is Scope.OPEN and self.open_article is not None:
            stem = self.open_article.title
        elif scope is Scope.COLLECTION and self.collection:
            stem = self.collection
        elif scope is Scope.RESULTS and self.query.strip():
            stem = self.query
        else:
            stem = fallback
        return re.sub(r'[\\/:*?"<>|\s]+', " ", stem).strip()[:60].strip() or fallback

    def default_scope(self) -> Scope | None:
        """Several selected rows; else the chosen collection; else the whole result list (the open
        article or the noted ones when there is no list)."""
        if len(self.selected_ids) > 1:
            return Scope.SELECTED
        order = (Scope.COLLECTION, Scope.RESULTS, Scope.OPEN, Scope.SELECTED, Scope.NOTED)
        return next((scope for scope in order if self.ids(scope)), None)


class ScopeChooser(QGroupBox):
    """"What to export": one radio button a scope, those with nothing to export disabled, the collection's
    hidden when none is chosen."""

    changed = Signal()

    def __init__(self, choices: ExportChoices, scopes: tuple[Scope, ...], parent: QWidget | None = None):
        super().__init__(self.tr("What to export"), parent)
        self.setObjectName("exportScope")
        self.choices = choices
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[Scope, QRadioButton] = {}
        for scope in scopes:
            button = QRadioButton(self._label(scope), self)
            button.setObjectName(f"scope-{scope.value}")
            button.setAccessibleName(button.text())
            button.setEnabled(bool(choices.ids(scope)))
            button.setVisible(scope is not Scope.COLLECTION or choices.collection is not None)
            self.group.addButton(button)
            self.buttons[scope] = button
            layout.addWidget(button)
        first = choices.default_scope()
        if first in self.buttons:
            self.buttons[first].setChecked(True)
        self.group.buttonToggled.connect(lambda _button, _on: self.changed.emit())

    def _label(self, scope: Scope) -> str:
        n = number(len(self.choices.ids(scope)), grouped=False)
        if scope is Scope.OPEN:
            return self.tr("The open article")
        if scope is Scope.SELECTED:
            return self.tr("Only the selected rows ({n})").format(n=n)
        if scope is Scope.COLLECTION:
            return self.tr("The collection {name} ({n})").format(name=isolated(self.choices.collection or ""), n=n)
        if scope is Scope.RESULTS:
            return self.tr("All results of the search ({n})").format(n=n)
        return self.tr("All articles with notes ({n})").format(n=n)

    def scope(self) -> Scope | None:
        return next((s for s, b in self.buttons.items() if b.isChecked()), None)
