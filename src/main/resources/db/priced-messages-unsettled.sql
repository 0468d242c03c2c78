-- Pricing records waiting for the service free tier (docs/per-message-pricing.md 2, settling the service free
-- tier): written by reconstruction's partitions, moved into priced_message by the settling step. Every
-- statement on priced_message_unsettled is here, run by its one owner UnsettledPricedMessageDao.

-- name: insert-unsettled
INSERT INTO priced_message_unsettled (scope_mode, message_id, waba_id, phone_number_id, customer_wa_id, bucket, market,
  category, pricing_type, regime, delivered_at_ms, inside_service_window, opens_entry_point, awaits_service_tier,
  meta_pricing_category, meta_pricing_type, run_id, customer_user_id)
VALUES (:mode, :messageId, :wabaId, :phoneNumberId, :customerWaId, :bucket, :market, :category, :type, :regime,
  :deliveredAt, :insideServiceWindow, :opensEntryPoint, :awaitsServiceTier, :metaPricingCategory, :metaPricingType,
  :runId, :customerUserId);

-- name: delete-unsettled
DELETE FROM priced_message_unsettled WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to;

-- name: delete-unsettled-buckets
DELETE FROM priced_message_unsettled WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to
   AND bucket >= :fromBucket AND bucket < :toBucket;

-- name: unsettled-keys
-- what the free tier counts; the settling step orders them itself (Java's string order for ties)
SELECT message_id, waba_id, phone_number_id, delivered_at_ms FROM priced_message_unsettled
 WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to;

-- name: unsettled-rows
-- one slice of buckets at a time, so a month of service messages is never held whole; in delivery order, so
-- that the inserts into priced_message's indexes walk neighbouring nodes (the database cache keeps them)
SELECT scope_mode, message_id, waba_id, phone_number_id, customer_wa_id, bucket, market, category, pricing_type, regime,
       delivered_at_ms, inside_service_window, opens_entry_point, awaits_service_tier, meta_pricing_category,
       meta_pricing_type, run_id, customer_user_id
  FROM priced_message_unsettled
 WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to
   AND bucket >= :fromBucket AND bucket < :toBucket;
