"""Storage: the DuckDB file (``duck.py``) and its exports (``export.py``)."""

from .duck import SCHEMA_VERSION, TABLES, Store
from .export import EXPORT_FORMATS, export_parquet, export_rows

__all__ = ["EXPORT_FORMATS", "SCHEMA_VERSION", "TABLES", "Store", "export_parquet", "export_rows"]
