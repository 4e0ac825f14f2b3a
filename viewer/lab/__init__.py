"""The group store: a lab's shared notes, collections and saved searches on PostgreSQL (psycopg 3)."""
