-- A project's audiobook (M4B) and what it was made from (the digest of its credits and each
-- chapter's render, to tell when it is stale); and the book's author, for its tags and credits.
CREATE TABLE book_renders (
    project_id BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    object_path TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    markers BIGINT NOT NULL,
    made_at BIGINT NOT NULL
);

ALTER TABLE projects ADD COLUMN author TEXT;
