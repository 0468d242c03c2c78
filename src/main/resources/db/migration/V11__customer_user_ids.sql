-- Business-scoped user ids and the Marketing Messages API (docs/formats.md, messages CSV; docs/billing-rules.md
-- 3.5; docs/per-message-pricing.md 2).

-- A held repeat carries the row's user id and sending API, like every other column of the row.
ALTER TABLE message_repeat ADD COLUMN customer_user_id VARCHAR(135);
ALTER TABLE message_repeat ADD COLUMN sent_via VARCHAR(32);

-- The customer of a conversation or pricing record: customer_wa_id keeps the phone number ('' when only a
-- user id is known), customer_user_id the user id (NULL when none is known). The customer key of the scope
-- is customer_user_id when set, else customer_wa_id.
ALTER TABLE conversation ADD COLUMN customer_user_id VARCHAR(135);
ALTER TABLE priced_message ADD COLUMN customer_user_id VARCHAR(135);

-- One row per link an import saw (a row carrying both ids): the first link of a user id or of a phone
-- number stands. first/last_event_ms: the earliest and latest event time of the messages of either id
-- when the link was recorded (set by the import's report step), so the periods built before the link are
-- found stale (PeriodLedger).
CREATE TABLE customer_link (
  customer_user_id VARCHAR(135) NOT NULL PRIMARY KEY,
  customer_wa_id   VARCHAR(16) NOT NULL,
  message_id       VARCHAR(128) NOT NULL,
  run_id           BIGINT NOT NULL,
  first_event_ms   BIGINT,
  last_event_ms    BIGINT
);
CREATE UNIQUE INDEX customer_link_wa ON customer_link (customer_wa_id);
