"""Source files to Articles: one module per format, all producing the same `Article`."""
