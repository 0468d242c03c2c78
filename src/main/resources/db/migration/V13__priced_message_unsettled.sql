-- docs/per-message-pricing.md 2 (settling the service free tier): reconstruction's partitions keep the pricing
-- records whose type waits for the free tier here, and the settling step moves them into priced_message with
-- their final type, a slice of customer buckets at a time (hence the one index). Updating them in place cost
-- minutes per million records on the embedded database (docs/benchmarks.md). Same columns as priced_message.
CREATE TABLE priced_message_unsettled (
  scope_mode             VARCHAR(16) NOT NULL,
  message_id             VARCHAR(128) NOT NULL,
  waba_id                VARCHAR(32) NOT NULL,
  phone_number_id        VARCHAR(32) NOT NULL,
  customer_wa_id         VARCHAR(16) NOT NULL,
  bucket                 SMALLINT NOT NULL,
  market                 VARCHAR(64) NOT NULL,
  category               VARCHAR(32) NOT NULL,
  pricing_type           VARCHAR(32) NOT NULL,
  regime                 VARCHAR(32) NOT NULL,
  delivered_at_ms        BIGINT NOT NULL,
  inside_service_window  SMALLINT NOT NULL,
  opens_entry_point      SMALLINT NOT NULL,
  awaits_service_tier    SMALLINT NOT NULL,
  meta_pricing_category  VARCHAR(64),
  meta_pricing_type      VARCHAR(64),
  run_id                 BIGINT NOT NULL,
  customer_user_id       VARCHAR(135)
);
CREATE INDEX priced_message_unsettled_bucket ON priced_message_unsettled (scope_mode, bucket);
