-- The audio cache's index: one row per rendered clip, whose audio is an object named
-- {project_id}/{clip_key}.wav in the cache's object store. last_used drives least-recently-used
-- eviction under the cache's size bound; bytes and duration_ms feed the planner.
CREATE TABLE audio_clips (
    project_id BIGINT NOT NULL CONSTRAINT audio_clips_project_fk REFERENCES projects (id) ON DELETE CASCADE,
    clip_key TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used BIGINT NOT NULL,
    PRIMARY KEY (project_id, clip_key)
);
CREATE INDEX audio_clips_last_used ON audio_clips (last_used);
