-- The project's pronunciation map (entries with IPA, espeak-ng phonemes, respelling, locale, case
-- and review status) as JSON validated by `shared::PronunciationMap`; empty means no entry.
-- Saved whole with optimistic locking on pronunciations_version, like the cast.
ALTER TABLE projects ADD COLUMN pronunciations_json TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN pronunciations_version BIGINT NOT NULL DEFAULT 0;
