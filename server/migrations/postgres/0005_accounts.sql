-- Accounts and tenants. Every project belongs to an organisation; a user acts in one of the
-- organisations they are a member of, with a role there (owner, editor, viewer).
CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- email is stored lower-cased; password_hash is an argon2id PHC string.
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- A signed-in browser: the SHA-256 of its cookie's token (the token itself is never stored) and
-- the organisation it acts in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Consecutive wrong passwords per subject ('account:<email>' or 'address:<ip>'), kept in the
-- database so the slow-down holds across servers.
CREATE TABLE sign_in_failures (
    subject TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_at BIGINT NOT NULL
);

-- Projects made before accounts existed go to one organisation, which the first owner (created
-- through the one-time setup link) takes over.
INSERT INTO organisations (name, created_at)
SELECT 'Studio', 0 WHERE EXISTS (SELECT 1 FROM projects);
ALTER TABLE projects ADD COLUMN organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE;
UPDATE projects SET organisation_id = (SELECT MIN(id) FROM organisations);
CREATE INDEX projects_organisation ON projects (organisation_id);
