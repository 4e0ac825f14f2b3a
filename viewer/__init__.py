"""Bayegan (بایگان): an offline archive viewer for Persian news articles."""

__version__ = "0.1.0"
