-- A share link's page extras (the page's own state beyond the common view: a Portfolio book, a Spreads notional, an
-- Overview heatmap mode), as name=value pairs percent-encoded and joined by '&', at most 4,096 characters (bounded and
-- whitelisted per page before insert). Empty: the page keeps nothing of its own. Old links read as empty.
ALTER TABLE share_link ADD COLUMN extras TEXT NOT NULL DEFAULT '';
