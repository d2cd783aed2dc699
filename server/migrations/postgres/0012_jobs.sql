-- Durable background jobs (speaker assignment by the LLM, later renders): a job is a row that
-- any server may claim, run under a lease it renews, and end. A server that dies stops renewing;
-- once the lease has run out another server claims the job and runs it again from its input.
-- At most one job of a kind is queued or running per chapter.
CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    chapter_id BIGINT NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
    -- queued | running | ended (the job's last event says how it ended)
    state TEXT NOT NULL,
    -- What the job works on, as JSON; cleared when it ends.
    input_json TEXT,
    cancel_requested BIGINT NOT NULL DEFAULT 0,
    claimed_by TEXT,
    lease_until BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX jobs_one_active ON jobs (kind, chapter_id) WHERE state <> 'ended';
CREATE INDEX jobs_by_state ON jobs (kind, state, id);

-- Each job's events in order (progress, then one final event), which a page connected to any
-- server streams.
CREATE TABLE job_events (
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    event_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (job_id, seq)
);
