-- Notifications stored as a kind and its parameters, rendered in the reader's language (the stored
-- title and body stay as the Vietnamese fallback for older kinds); e-mail per kind, per person, sent
-- from an outbox after the change that raised it has committed.
ALTER TABLE notification ADD COLUMN params jsonb;
-- NULL: no e-mail for this one. 'pending' → 'sending' (claimed by one process) → 'sent', or 'failed'
-- after the last attempt; email_at is when it was claimed or sent.
ALTER TABLE notification ADD COLUMN email_status text CHECK (email_status IN ('pending', 'sending', 'sent', 'failed'));
ALTER TABLE notification ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN email_at timestamptz;
CREATE INDEX notification_email_pending_idx ON notification (id) WHERE email_status = 'pending';

-- A row only where someone changed the default (e-mail on for every kind).
CREATE TABLE notification_preference (
  account_id integer NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  kind text NOT NULL,
  email boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, kind)
);

-- The language of the e-mails someone receives (the web app's own switch lives in the browser).
ALTER TABLE account ADD COLUMN mail_lang text NOT NULL DEFAULT 'vi' CHECK (mail_lang IN ('vi', 'en'));
