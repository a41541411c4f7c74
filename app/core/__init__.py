"""The domain core: records, validation, code lists, text rules. No Qt, no database."""
