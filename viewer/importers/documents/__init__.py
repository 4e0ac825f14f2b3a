"""Office and print documents: PDF (its text layer, repaired; scanned pages go to `scans`), DOCX and ODT."""
