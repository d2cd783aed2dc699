-- Who changed an organisation's membership and when: invitations, joins, role changes and
-- removals. entry_json is a typed AuditEntry, worded in the reader's language when shown.
CREATE TABLE member_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    entry_json TEXT NOT NULL
);
CREATE INDEX member_events_organisation ON member_events (organisation_id, at);
