-- Who changed what and when, per project (and chapter): entry_json is a typed AuditEntry, worded
-- in the reader's language when shown.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    chapter_id BIGINT REFERENCES chapters (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at INTEGER NOT NULL,
    entry_json TEXT NOT NULL
);
CREATE INDEX audit_events_project ON audit_events (project_id, at);
