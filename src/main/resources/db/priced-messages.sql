-- Per-message pricing records (docs/per-message-pricing.md 2), one per delivered business message a
-- per-message regime prices, in the period that holds its delivery.
-- Every statement on priced_message is here, run by its one owner PricedMessageDao (docs/architecture.md,
-- "Who owns which table"): reconstruct, its period registry and invoicing ask it.

-- name: insert-priced
INSERT INTO priced_message (scope_mode, message_id, waba_id, phone_number_id, customer_wa_id, bucket, market, category,
  pricing_type, regime, delivered_at_ms, inside_service_window, opens_entry_point, awaits_service_tier,
  meta_pricing_category, meta_pricing_type, run_id, customer_user_id)
VALUES (:mode, :messageId, :wabaId, :phoneNumberId, :customerWaId, :bucket, :market, :category, :type, :regime,
  :deliveredAt, :insideServiceWindow, :opensEntryPoint, :awaitsServiceTier, :metaPricingCategory, :metaPricingType,
  :runId, :customerUserId);

-- name: delete-priced
DELETE FROM priced_message WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to;

-- name: carried-entry-points
-- free entry point windows (72 h) still open at the period start; raw JDBC cursor on the caller's
-- connection (ScopeHistoryReader); the customer key as in carried-conversations
SELECT waba_id, phone_number_id, COALESCE(customer_user_id, customer_wa_id) AS customer_key, delivered_at_ms
  FROM priced_message
 WHERE scope_mode = ? AND opens_entry_point = 1 AND delivered_at_ms >= ? AND delivered_at_ms < ?
   AND bucket >= ? AND bucket < ?;

-- name: settled-keys
-- the records of the period already moved out of priced_message_unsettled when a settlement is restarted
SELECT message_id, waba_id, phone_number_id, delivered_at_ms FROM priced_message
 WHERE scope_mode = :mode AND awaits_service_tier = 1 AND delivered_at_ms >= :from AND delivered_at_ms < :to;

-- name: service-tier-counted-before
SELECT COUNT(*) FROM priced_message
 WHERE scope_mode = :mode AND awaits_service_tier = 1 AND waba_id = :wabaId AND phone_number_id = :phoneNumberId
   AND delivered_at_ms >= :monthStart AND delivered_at_ms < :from;

-- name: select-priced
SELECT message_id, waba_id, phone_number_id, customer_wa_id, customer_user_id, market, category, pricing_type, regime,
       delivered_at_ms, meta_pricing_category, meta_pricing_type
  FROM priced_message WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to
 ORDER BY delivered_at_ms, message_id;

-- name: any-user-id
SELECT COUNT(*) FROM priced_message
 WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to AND customer_user_id IS NOT NULL;

-- name: priced-counts
SELECT category, pricing_type, COUNT(*) AS messages FROM priced_message
 WHERE scope_mode = :mode AND delivered_at_ms >= :from AND delivered_at_ms < :to
 GROUP BY category, pricing_type ORDER BY category, pricing_type;

-- name: fingerprint-entry-points
-- part of a period's fingerprint (PeriodRegistry): the free entry point windows it carries in
SELECT waba_id, phone_number_id, COALESCE(customer_user_id, customer_wa_id) AS customer_key, delivered_at_ms
  FROM priced_message
 WHERE scope_mode = :mode AND opens_entry_point = 1 AND delivered_at_ms >= :carriedFrom AND delivered_at_ms < :from
 ORDER BY waba_id, phone_number_id, COALESCE(customer_user_id, customer_wa_id), delivered_at_ms;

-- name: fingerprint-service-tier
-- part of a period's fingerprint: the service messages its free tier counts on, per number, in the
-- 32 days before it (an account-local month that started before the period lies in them)
SELECT waba_id, phone_number_id, COUNT(*) AS messages FROM priced_message
 WHERE scope_mode = :mode AND awaits_service_tier = 1 AND delivered_at_ms >= :monthFrom AND delivered_at_ms < :from
 GROUP BY waba_id, phone_number_id ORDER BY waba_id, phone_number_id;

-- name: month-priced-messages
-- docs/per-message-pricing.md 3-4: one WABA's pricing records over a range, in the order volume tiers count.
-- Equality on waba_id, so it reads by the (scope_mode, waba_id, delivered_at_ms) index: a condition over
-- several WABAs (OR, or IN) walked every record of the month for every account (docs/benchmarks.md).
SELECT message_id, waba_id, phone_number_id, category, pricing_type, market, delivered_at_ms, inside_service_window
  FROM priced_message
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND delivered_at_ms >= :from AND delivered_at_ms < :to
 ORDER BY delivered_at_ms, message_id;

-- name: month-tiered-messages
-- the same for another WABA of the account's portfolio: only the categories volume tiers count
SELECT message_id, waba_id, phone_number_id, category, pricing_type, market, delivered_at_ms, inside_service_window
  FROM priced_message
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND delivered_at_ms >= :from AND delivered_at_ms < :to
   AND category IN ('UTILITY', 'AUTHENTICATION')
 ORDER BY delivered_at_ms, message_id;

-- name: month-message-price-points
-- what the rate card must price under a per-message regime, per quarter hour (see month-price-points in conversations.sql)
-- with its first and last delivery, which tell an authentication-international start inside the quarter
-- hour which rate the messages need (docs/per-message-pricing.md 4, "Authentication-international")
SELECT market, category, delivered_at_ms / 900000 AS quarter_hour, MIN(delivered_at_ms) AS first_ms,
       MAX(delivered_at_ms) AS last_ms FROM priced_message
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND delivered_at_ms >= :from AND delivered_at_ms < :to
   AND category <> 'REFERRAL_CONVERSION'
 GROUP BY market, category, delivered_at_ms / 900000;

-- name: messages-by-waba
-- every WABA with pricing records delivered in a range (invoicing finds those without a billing account)
SELECT waba_id, COUNT(*) AS messages FROM priced_message
 WHERE scope_mode = 'phone-number' AND delivered_at_ms >= :from AND delivered_at_ms < :to
 GROUP BY waba_id;

-- name: month-message-customers
-- reconcile-meta (docs/formats.md, "Meta's pricing analytics"): the customer of each of one WABA's pricing
-- records over a range, for the country Meta reports it under
-- (the phone number when known; a customer known by a business-scoped user id only: the id, whose prefix is its country)
SELECT message_id, COALESCE(NULLIF(customer_wa_id, ''), customer_user_id) AS customer_wa_id FROM priced_message
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND delivered_at_ms >= :from AND delivered_at_ms < :to;
