-- The changes each delta save applied, by version, so a page a few versions behind catches up
-- without loading the whole plan. A whole-plan write (generate, import, re-import) logs nothing:
-- the gap tells a page to load the plan. Only the newest versions of a chapter are kept.
CREATE TABLE plan_changes (
    chapter_id BIGINT NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at INTEGER NOT NULL,
    changes_json TEXT NOT NULL,
    PRIMARY KEY (chapter_id, version)
);
