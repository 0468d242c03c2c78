package com.wabilling.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * Months of traffic of the five sample accounts (five zones from UTC-5 to UTC+7), as a BSP's exports
 * carry it: send times with milliseconds, deliveries in whole seconds from Meta's webhook (so some look
 * delivered up to a second before they were sent), customers writing first and templates of every
 * category, click-to-WhatsApp referrals, failed and never-delivered sends. The whole timeline is made
 * once from a seed; an export is any slice of it, so overlapping exports repeat the same messages.
 */
final class MonthlyExports {

    static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";

    private record Account(String waba, String phone, String countryCode, String language, List<String> templates) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("102938475610001", "110000000000001", "5511", "pt_BR",
                    List.of("pedido_enviado", "promo_inverno", "codigo_login", "pedido_confirmado")),
            new Account("102938475610002", "120000000000001", "316", "nl",
                    List.of("pakket_onderweg", "zomerkorting", "inlogcode", "bestelling_bevestigd")),
            new Account("102938475610003", "130000000000001", "919", "en_US",
                    List.of("trip_reminder_upsell", "cart_reminder", "otp_login", "booking_confirmed")),
            new Account("102938475610004", "140000000000001", "628", "id",
                    List.of("pesanan_dikirim", "kode_otp", "promo_akhir_tahun")),
            new Account("102938475610005", "150000000000001", "573", "es",
                    List.of("reserva_confirmada", "oferta_temporada", "pago_recibido")));

    /** One message: its send (or receive) time decides which export slice holds it. */
    record Line(Instant timestamp, String waba, String csv) {
    }

    private final List<Line> lines = new ArrayList<>();

    MonthlyExports(long seed, Instant from, Instant to) {
        Random random = new Random(seed);
        for (Account account : ACCOUNTS) {
            int n = 0;
            for (Instant t = from.plusMillis(random.nextInt(3_600_000)); t.isBefore(to);
                    t = t.plusMillis(600_000 + random.nextInt(5_400_000))) {
                String customer = account.countryCode() + String.format("%07d", 1000 + random.nextInt(60));
                String id = "wamid." + account.waba().substring(13) + "." + (n++);
                int kind = random.nextInt(10);
                if (kind < 4) { // the customer writes; a free-form reply follows within minutes
                    String entry = random.nextInt(25) == 0 ? "ctwa_ad" : "";
                    add(t, account, id + "i", customer, "inbound,text,,,", "", "", entry);
                    Instant reply = t.plusMillis(30_000 + random.nextInt(600_000));
                    outbound(random, reply, account, id + "r", customer, "text,,,");
                } else {
                    String template = account.templates().get(random.nextInt(account.templates().size()));
                    outbound(random, t, account, id + "t", customer, "template," + template + "," + account.language() + ",");
                }
            }
        }
        lines.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
    }

    private void outbound(Random random, Instant sent, Account account, String id, String customer, String what) {
        int fate = random.nextInt(40);
        if (fate == 0) {
            add(sent, account, id, customer, "outbound," + what, "failed", "", "");
        } else if (fate == 1) {
            add(sent, account, id, customer, "outbound," + what, "sent", "", "");
        } else {
            // Meta reports in whole seconds: a delivery within the sending second looks earlier than the send
            Instant delivered = sent.plusMillis(random.nextInt(20_000)).truncatedTo(ChronoUnit.SECONDS);
            add(sent, account, id, customer, "outbound," + what, fate % 3 == 0 ? "delivered" : "read",
                    delivered.toString(), "");
        }
    }

    private void add(Instant timestamp, Account account, String id, String customer, String middle, String status,
            String deliveredAt, String entryPoint) {
        lines.add(new Line(timestamp, account.waba(), id + "," + account.waba() + "," + account.phone() + "," + customer
                + "," + middle + timestamp + "," + status + "," + deliveredAt + "," + entryPoint + "\n"));
    }

    /** Writes the messages sent or received in [from, to) that {@code which} keeps; gzip when the name says so. */
    Path write(Path file, Instant from, Instant to, Predicate<Line> which) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (Line line : lines) {
                if (!line.timestamp().isBefore(from) && line.timestamp().isBefore(to) && which.test(line)) {
                    out.write(line.csv().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return file;
    }

    Path write(Path file, String from, String to) throws IOException {
        return write(file, Instant.parse(from), Instant.parse(to), l -> true);
    }

    /** How many messages were sent or received before {@code before}. */
    long size(Instant before) {
        return lines.stream().filter(l -> l.timestamp().isBefore(before)).count();
    }
}
