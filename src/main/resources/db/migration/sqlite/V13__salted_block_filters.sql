-- Each granule's filter now draws a value's bits anew from its number (BlockFilters): with the same bits in every
-- granule, a rare word whose bits a message template's words happened to cover was "maybe" in nearly every granule.
-- The filters written so far use the old bits: dropped, they are written again by BlockFilterFiller in the background,
-- newest block first. Until then a search reads those blocks whole, so it is slower, never wrong.
DELETE FROM log_filters;
