-- The workbench lists complaints by last change as well as by arrival (keyset paging on both).
CREATE INDEX complaints_updated_idx ON complaints (updated_at DESC, id DESC);
