"""Storage: the one connection factory, migrations, the key file, the audit log and the record store."""
