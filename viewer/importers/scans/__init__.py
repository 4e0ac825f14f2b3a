"""Pictures of text: images and scanned PDF pages read by OCR (Tesseract), cached by content hash."""
