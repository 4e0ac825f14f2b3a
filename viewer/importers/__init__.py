"""Source files to Articles: one module per format, all producing the same `Article`.

`reader` decides a file's format (by content, then by its name) and calls its importer;
`binary_formats` does the same for files that are not text; `page_images` keeps the images of pages
and containers in the data folder. The formats live by kind: `text/` (text and markup), `documents/`
(PDF, DOCX, ODT), `scans/` (images and OCR); `common/` holds what they share.
"""
