-- Projects hold chapters; a chapter has at most one plan (its segments, as saved by the editor).
-- Integers are BIGINT so both backends decode them as i64 through sqlx's Any driver.
CREATE TABLE projects (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    -- EngineLimits as JSON: the project's voice-engine limits, read by the segmenter and validation.
    limits_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE chapters (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT NOT NULL CONSTRAINT chapters_project_fk REFERENCES projects (id) ON DELETE CASCADE,
    -- 1-based order in the book.
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT chapters_position_unique UNIQUE (project_id, position)
);

CREATE TABLE plans (
    chapter_id BIGINT PRIMARY KEY CONSTRAINT plans_chapter_fk REFERENCES chapters (id) ON DELETE CASCADE,
    -- Bumped by every save; a save must name the version it was based on (optimistic locking).
    version BIGINT NOT NULL,
    -- 0 or 1.
    complete BIGINT NOT NULL DEFAULT 0,
    -- The segments in the desktop plan format, validated by `shared` before every write.
    segments_json TEXT NOT NULL,
    segment_count BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
