"""The HQ service: FastAPI over SQLAlchemy (SQLite by default, PostgreSQL in production)."""
