"""Claims warehouse: news articles -> who said what, about whom, when, with which stance."""

__version__ = "0.1.0"
