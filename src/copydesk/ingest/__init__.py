"""Ingest: bytes from files, directories, archives, JSONL and stdin -> ``Article``."""
