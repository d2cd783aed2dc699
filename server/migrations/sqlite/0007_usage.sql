-- Paid and slow work counted per hour, per user and per organisation ('user:<id>',
-- 'organisation:<id>'), in the database so that the limits hold across servers.
CREATE TABLE usage_counts (
    subject TEXT NOT NULL,
    kind TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (subject, kind, window_start)
);
