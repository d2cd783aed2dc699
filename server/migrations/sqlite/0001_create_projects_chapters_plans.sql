-- Projects hold chapters; a chapter has at most one plan (its segments, as saved by the editor).
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    -- EngineLimits as JSON: the project's voice-engine limits, read by the segmenter and validation.
    limits_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE chapters (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL CONSTRAINT chapters_project_fk REFERENCES projects (id) ON DELETE CASCADE,
    -- 1-based order in the book.
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT chapters_position_unique UNIQUE (project_id, position)
);

CREATE TABLE plans (
    chapter_id INTEGER PRIMARY KEY CONSTRAINT plans_chapter_fk REFERENCES chapters (id) ON DELETE CASCADE,
    -- Bumped by every save; a save must name the version it was based on (optimistic locking).
    version INTEGER NOT NULL,
    -- 0 or 1.
    complete INTEGER NOT NULL DEFAULT 0,
    -- The segments in the desktop plan format, validated by `shared` before every write.
    segments_json TEXT NOT NULL,
    segment_count INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
