"""Ingestion: load a file or URL → clean and normalise → parse the heading tree → metadata → chunks.

The result is a :class:`ingest.types.ParsedDocument` whose ``chunks`` are langchain ``Document`` objects.
"""
