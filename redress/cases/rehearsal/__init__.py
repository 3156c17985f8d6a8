"""`manage.py rehearse`: a complaint's life replayed from a scenario file (shared/rehearsal.md)."""
