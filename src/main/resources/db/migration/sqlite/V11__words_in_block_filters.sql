-- Words leave FTS5 for the block filters (BlockFilters): a search by word reads the granules of 256 ids whose filters
-- may hold every word it asks for, and checks each log there (MatchFunction). FTS5 in the commit made batch ingest
-- 4.7 times slower than the bare table, and filling it after the commit only deferred the same work.
DROP TABLE logs_fts;

-- The filters written so far hold no words: dropped, they are written again with words by BlockFilterFiller in the
-- background, newest block first. Until then a search reads those blocks whole, so it is slower, never wrong.
DELETE FROM log_filters;
