"""qantar: a graph of actors and power relations built from news reporting."""

__version__ = "0.1.0"
