package com.wabilling.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic synthetic export for the benchmark and the crash tests (fixed seed): many
 * WABAs, phone numbers, customers and markets around June 2023; template threads, customer service
 * threads, click-to-WhatsApp referrals, failed messages, late deliveries, overlapping files written
 * with different timestamp forms, and a few bad rows. Also writes the templates catalogue and the
 * reference files (accounts, markets, rate card) that go with it.
 *
 * <p>Usage: {@code SyntheticExport <output dir> <messages> [sample-data dir]}
 */
public final class SyntheticExport {

    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";
    private static final Instant START = Instant.parse("2023-05-29T00:00:00Z");
    private static final long SPAN_SECONDS = 35L * 24 * 3600; // 29 May to 3 July
    private static final String[] CALLING_CODES = {"55", "55", "55", "91", "91", "91", "62", "62", "57", "54", "56",
        "49", "33", "972", "60", "20", "31", "44", "1"};
    private static final String[] ZONES = {"America/Sao_Paulo", "Asia/Kolkata", "Asia/Jakarta", "Europe/Amsterdam",
        "America/Bogota", "Europe/Berlin", "Asia/Kuala_Lumpur", "Pacific/Auckland"};
    private static final String[][] TEMPLATES = {
        {"order_shipped", "TRANSACTIONAL", "Your order {{1}} has shipped and arrives on {{2}}."},
        {"payment_received", "PAYMENT_UPDATE", "We received your payment of {{1}} for invoice {{2}}."},
        {"appointment_reminder", "APPOINTMENT_UPDATE", "Reminder: your appointment is on {{1}} at {{2}}."},
        {"summer_sale", "MARKETING", "Summer sale! Get 20% off everything this weekend."},
        {"back_in_stock", "MARKETING", "Good news: {{1}} is back in stock. Shop now!"},
        {"login_code", "OTP", "{{1}} is your verification code. Do not share this code."},
    };
    private static final String[] FREE_FORM = {"text", "text", "text", "image", "document", "interactive"};
    private static final int FILES = 4;

    private final Random random = new Random(20230601L);
    private final List<BufferedWriter> writers = new ArrayList<>();
    private long written;
    private long id;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticExport <output dir> <messages> [sample-data dir]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long messages = Long.parseLong(args[1]);
        Path samples = Path.of(args.length > 2 ? args[2] : "sample-data");
        long start = System.nanoTime();
        long count = new SyntheticExport().write(out, messages, samples);
        System.out.printf("generated %,d messages in %s in %.1f s%n", count, out, (System.nanoTime() - start) / 1e9);
    }

    public long write(Path out, long target, Path samples) throws IOException {
        Files.createDirectories(out.resolve("messages"));
        Files.copy(samples.resolve("markets.csv"), out.resolve("markets.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(samples.resolve("rate-card.csv"), out.resolve("rate-card.csv"), StandardCopyOption.REPLACE_EXISTING);
        int wabas = (int) Math.max(5, Math.min(60, target / 60_000));
        writeReference(out, wabas);
        for (int f = 0; f < FILES; f++) {
            BufferedWriter w = Files.newBufferedWriter(out.resolve("messages").resolve("part-" + (f + 1) + ".csv"),
                    StandardCharsets.UTF_8);
            w.write(HEADER);
            writers.add(w);
        }
        long customer = 0;
        while (written < target) {
            int waba = (int) (customer % wabas);
            story(waba, customer++);
        }
        for (int b = 0; b < 5; b++) { // a few bad rows: unzoned time, short number
            writers.get(b % FILES).write("bad." + b + "," + wabaId(0) + "," + phoneId(0, 0) + ",12345,inbound,text,,,"
                    + "2023-06-10T10:00:00,,,\n");
        }
        for (BufferedWriter w : writers) {
            w.close();
        }
        return written;
    }

    private void story(int waba, long customer) throws IOException {
        String code = CALLING_CODES[(int) (customer % CALLING_CODES.length)];
        String number = code + String.format("%010d", 1_000_000_000L + customer * 7919 % 8_999_999_999L);
        String phone = phoneId(waba, (int) (customer % 2));
        BufferedWriter w = writers.get((int) (customer % FILES));
        long t = (long) (random.nextDouble() * 4 * 24 * 3600);
        while (t < SPAN_SECONDS - 7200) {
            int kind = random.nextInt(100);
            if (kind < 45) { // template thread, sometimes answered
                String[] template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                outbound(w, waba, phone, number, t, "template", template[0], status(), 5 + random.nextInt(40));
                if (random.nextBoolean()) {
                    t += 60 + random.nextInt(3 * 3600);
                    row(w, waba, phone, number, "inbound", "text", "", t, "", -1, "");
                    for (int i = random.nextInt(3); i >= 0; i--) {
                        t += 30 + random.nextInt(1800);
                        outbound(w, waba, phone, number, t, FREE_FORM[random.nextInt(FREE_FORM.length)], "", status(),
                                2 + random.nextInt(20));
                    }
                }
            } else if (kind < 85) { // customer service thread
                row(w, waba, phone, number, "inbound", "text", "", t, "", -1, "");
                for (int i = random.nextInt(4); i >= 0; i--) {
                    t += 30 + random.nextInt(3600);
                    outbound(w, waba, phone, number, t, "text", "", status(), 1 + random.nextInt(10));
                }
            } else if (kind < 93) { // click-to-WhatsApp referral, then a free entry point
                row(w, waba, phone, number, "inbound", "text", "", t, "", -1, random.nextInt(4) == 0 ? "page_cta" : "ctwa_ad");
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    t += 600 + random.nextInt(20 * 3600);
                    outbound(w, waba, phone, number, t, random.nextBoolean() ? "text" : "template",
                            TEMPLATES[3][0], "read", 3);
                }
            } else { // delivered hours later
                outbound(w, waba, phone, number, t, "template", TEMPLATES[0][0], "delivered", 3600 + random.nextInt(40_000));
            }
            t += 3600 * (20 + random.nextInt(110));
        }
    }

    private String status() {
        int r = random.nextInt(100);
        return r < 3 ? "failed" : r < 5 ? "sent" : r < 60 ? "read" : "delivered";
    }

    private void outbound(BufferedWriter w, int waba, String phone, String number, long t, String type,
            String template, String status, long delay) throws IOException {
        boolean delivered = status.equals("read") || status.equals("delivered");
        row(w, waba, phone, number, "outbound", type, type.equals("template") ? template : "", t, status,
                delivered ? t + delay : -1, "");
    }

    private void row(BufferedWriter w, int waba, String phone, String number, String direction, String type,
            String template, long t, String status, long delivered, String entryPoint) throws IOException {
        int file = writers.indexOf(w);
        String line = "wamid.SYN" + (++id) + ',' + wabaId(waba) + ',' + phone + ',' + number + ',' + direction + ','
                + type + ',' + template + ',' + (template.isEmpty() ? "" : "en") + ',' + time(file, t) + ','
                + status + ',' + (delivered < 0 ? "" : time(file, delivered)) + ',' + entryPoint + '\n';
        w.write(line);
        written++;
        if (id % 200 == 0) { // overlapping exports: the same row again in the next file
            writers.get((file + 1) % FILES).write(line);
        }
    }

    /** Each file writes its times in another form of docs/formats.md. */
    private static String time(int file, long secondsFromStart) {
        long epoch = START.getEpochSecond() + secondsFromStart;
        return switch (file) {
            case 0 -> Instant.ofEpochSecond(epoch).toString();
            case 1 -> Long.toString(epoch);
            case 2 -> Long.toString(epoch * 1000);
            default -> Instant.ofEpochSecond(epoch).atOffset(java.time.ZoneOffset.ofHours(-3)).toString();
        };
    }

    private void writeReference(Path out, int wabas) throws IOException {
        StringBuilder accounts = new StringBuilder("waba_id,account_name,timezone,currency,markup_percent\n");
        StringBuilder templates = new StringBuilder("template_id,waba_id,name,language,category,status,body\n");
        for (int w = 0; w < wabas; w++) {
            accounts.append(wabaId(w)).append(",Synthetic ").append(w).append(',').append(ZONES[w % ZONES.length])
                    .append(",USD,").append(w % 4 * 5).append('\n');
            for (String[] t : TEMPLATES) {
                templates.append("SYN-").append(w).append('-').append(t[0]).append(',').append(wabaId(w)).append(',')
                        .append(t[0]).append(",en,").append(t[1]).append(",APPROVED,\"").append(t[2]).append("\"\n");
            }
        }
        Files.writeString(out.resolve("accounts.csv"), accounts);
        Files.writeString(out.resolve("templates.csv"), templates);
    }

    private static String wabaId(int waba) {
        return Long.toString(200_000_000_000_000L + waba);
    }

    private static String phoneId(int waba, int n) {
        return Long.toString(300_000_000_000_000L + waba * 10L + n);
    }
}
