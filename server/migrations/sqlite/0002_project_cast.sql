-- The project's cast (narrator and characters with their voices) as JSON validated by
-- `shared::Cast`; empty means "the narrator only". Saved with optimistic locking on cast_version.
ALTER TABLE projects ADD COLUMN cast_json TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN cast_version INTEGER NOT NULL DEFAULT 0;
