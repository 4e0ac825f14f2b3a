"""Writes `data/verb_forms.tsv.gz`: every one-word verb form hazm's Lemmatizer knows, by lemma.

Run it when hazm's verb list changes: `python -m viewer.analysis.build_verb_forms`. The app reads the
table instead of building hazm's Lemmatizer (1.6 s and ~160 MB for 500,000 forms, most of them
multi-word forms a tokenizer never meets).
"""

from __future__ import annotations

import gzip
from collections import defaultdict

from viewer.analysis.lemma import VERB_FORMS_PATH


def main() -> None:
    from hazm import Lemmatizer

    forms_by_lemma: dict[str, list[str]] = defaultdict(list)
    for form, lemma in Lemmatizer().verbs.items():
        if " " not in form and "_" not in form:
            forms_by_lemma[lemma].append(form)
    lines = [f"{lemma}\t{' '.join(sorted(forms))}" for lemma, forms in sorted(forms_by_lemma.items())]
    # mtime=0 and no file name in the header: the same table gives the same bytes (reproducible packages).
    packed = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)
    VERB_FORMS_PATH.write_bytes(packed)
    print(f"{sum(len(f) for f in forms_by_lemma.values())} forms of {len(lines)} verbs -> {VERB_FORMS_PATH}")


if __name__ == "__main__":
    main()
