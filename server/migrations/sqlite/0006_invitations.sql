-- An owner's invitation to join their organisation with a role: a link shown for copying (no
-- mail server). The link's token is stored only as its SHA-256; it works once, for 7 days.
CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
