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

-- Who has a chapter open and which segment they are on: each open page's live stream refreshes
-- its row every second; a row not refreshed for a few seconds is someone who left.
CREATE TABLE chapter_presence (
    chapter_id BIGINT NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    segment_id BIGINT,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (chapter_id, user_id)
);
