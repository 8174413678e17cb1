-- Bloom filters of each block's request ids, trace ids and attribute values (BlockFilters), so a lookup by one of
-- them without a time range reads the few granules of 256 ids that may hold it instead of every log. A row holds word
-- `segment` of the filters of the 16 granules of `block`: a lookup reads one segment, one row a block. The writer
-- adds a block's rows in the transaction that takes the block's last id; the blocks of a store written before this
-- migration are filled in by BlockFilterFiller in the background, newest first, and read whole until then.
-- Retention leaves the rows of blocks it empties only partly as they are: a filter that says "maybe" for a deleted
-- log costs a lookup a read, never a result.
CREATE TABLE log_filters (
    segment INTEGER NOT NULL,
    block   INTEGER NOT NULL,
    bits    BLOB    NOT NULL,
    PRIMARY KEY (segment, block)
) WITHOUT ROWID;
