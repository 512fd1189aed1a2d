-- The SQLite script 010 (share_link.extras) on PostgreSQL: same column, same meaning (see that file).
ALTER TABLE share_link ADD COLUMN extras TEXT NOT NULL DEFAULT '';
