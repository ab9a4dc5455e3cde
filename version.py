"""Single place for the version, read by setup.cfg without importing the engine."""

__version__ = "0.1.0"
