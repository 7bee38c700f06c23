"""Shared foundations: settings, errors, Vietnamese text helpers and the province gazetteer.

Every other package may import from here; this package imports none of them.
"""
