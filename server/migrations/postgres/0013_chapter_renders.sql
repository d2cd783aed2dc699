-- A chapter's current render: the MP3 in object storage, what it was made from (the digest of its
-- clip keys and pauses, to tell when edits made it stale) and its ACX report. A new render
-- replaces the row only once its file is stored, so a failed render never replaces a good one.
CREATE TABLE chapter_renders (
    chapter_id BIGINT PRIMARY KEY REFERENCES chapters (id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    plan_version BIGINT NOT NULL,
    digest TEXT NOT NULL,
    object_path TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    cached BIGINT NOT NULL,
    passes BIGINT NOT NULL,
    report_json TEXT NOT NULL,
    made_at BIGINT NOT NULL
);
CREATE INDEX chapter_renders_by_project ON chapter_renders (project_id);

-- The pauses a project's renders use (JSON of shared::delivery::timeline::Pauses; NULL: the
-- defaults).
ALTER TABLE projects ADD COLUMN pauses_json TEXT;
