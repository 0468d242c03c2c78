package com.wabilling.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates one month (October 2026, under PMP-2026-10: docs/per-message-pricing.md) of per-message
 * traffic for the benchmark's per-message mode (README "Benchmark", docs/benchmarks.md), with a fixed
 * seed, plus the reference files that go with it.
 *
 * <p>What it writes under the output directory:
 * <ul>
 * <li>{@code messages/export-1.csv} and {@code messages/export-2.csv}: exactly {@code messages} distinct
 * messages sent from 2026-09-30 to 2026-11-01 (UTC days: the neighbouring days that the account-local
 * Octobers of zones from UTC-6 to UTC+7 include), sorted by send time like a BSP's export; the second
 * file starts before the first ends, so about 2 % of the rows are in both (docs/formats.md, overlapping
 * exports). Three deliberately broken rows ({@code wamid.PMBAD1..3}) are the only rejects.</li>
 * <li>{@code templates.csv}: the catalogue of every WABA, with legacy categories and texts that
 * migrate-templates classifies as {@link #TEMPLATES} says (docs/billing-rules.md 2).</li>
 * <li>{@code accounts.csv} (zones, USD/EUR, portfolios of {@value #PORTFOLIO_SIZE} WABAs, markup),
 * {@code markets.csv} (the sample's), {@code rate-card.csv} (per-message rows effective 2025-07-01 and
 * 2026-10-01 for every market in both currencies) and {@code volume-tiers.csv} (graduated UTILITY and
 * AUTHENTICATION bands, docs/per-message-pricing.md 3).</li>
 * </ul>
 *
 * <p>Traffic: accounts weighted like Zipf (a few send most), one to eight phone numbers each; customers in
 * a dozen markets; marketing, utility and authentication templates, free-form replies inside and outside
 * the customer service window, utility templates inside the window, click-to-WhatsApp and Page referrals
 * followed by replies within 72 h (free entry points), a few percent sent or failed. Send times carry
 * milliseconds (the BSP's clock), deliveries are whole epoch seconds (Meta's webhook), so some deliveries
 * are up to a second before their send (docs/formats.md, clock skew). Memory stays bounded: rows are
 * spilled to one file per UTC day, then each day is sorted on its own.
 *
 * <p>Usage: {@code PerMessageExport <output dir> [messages=3700000] [accounts=2000] [sample-data dir]}
 */
public final class PerMessageExport {

    static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";
    static final int PORTFOLIO_SIZE = 4;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 30);
    static final int DAYS = 33; // 2026-09-30 .. 2026-11-01 (UTC)
    static final Instant WINDOW_START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant WINDOW_END = WINDOW_START.plusSeconds(DAYS * 86_400L);
    /** The share of all rows that both files hold (docs/formats.md, overlapping exports). */
    static final double OVERLAP = 0.02;
    /** The deliberately broken rows, and why the import rejects each (docs/formats.md). */
    static final Map<String, String> BAD_ROWS = Map.of(
            "wamid.PMBAD1", "has no time zone",
            "wamid.PMBAD2", "not an E.164 number",
            "wamid.PMBAD3", "more than 5 minutes before");

    private static final long SEED = 20261001L;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final long START_MS = WINDOW_START.toEpochMilli();
    /** Nothing is sent in the window's last hour, so replies and deliveries stay inside it. */
    private static final long LAST_SEND_MS = WINDOW_END.toEpochMilli() - 3_600_000L;
    private static final int[] BANDS = {10_000, 100_000}; // upper bounds of the first two bands

    /** A region: time zone, template language, EUR share, the customers' calling codes (repeats weigh). */
    record Region(String zone, String language, boolean euro, String... codes) {
    }

    static final Region[] REGIONS = {
        new Region("America/Mexico_City", "es", false, "52", "52", "52", "52", "52", "57", "1"), // UTC-6
        new Region("America/Bogota", "es", false, "57", "57", "57", "57", "56", "54"), // UTC-5
        new Region("America/Sao_Paulo", "pt_BR", false, "55", "55", "55", "55", "55", "54"), // UTC-3
        new Region("Europe/Amsterdam", "nl", true, "31", "31", "31", "49", "33"), // UTC+2, +1 from 10-25
        new Region("Europe/Berlin", "de", true, "49", "49", "49", "49", "33", "972"),
        new Region("Europe/Paris", "fr", true, "33", "33", "33", "33", "49"),
        new Region("Africa/Cairo", "en", false, "20", "20", "20", "20", "972"), // UTC+3, +2 from 10-30
        new Region("Asia/Dubai", "en", false, "971", "971", "91", "91", "20"), // UTC+4
        new Region("Asia/Kolkata", "en", false, "91", "91", "91", "91", "91", "971"), // UTC+5:30
        new Region("Asia/Jakarta", "en", false, "62", "62", "62", "62", "60"), // UTC+7
    };
    /** How many accounts each region has, relatively. */
    private static final int[] REGION_WEIGHTS = {12, 8, 16, 6, 6, 5, 6, 5, 20, 16};
    /** Every code markets.csv maps, for the few customers abroad; 52, 1, 31 and 971 are market Other. */
    private static final String[] ALL_CODES = {"54", "55", "56", "57", "20", "33", "49", "91", "62", "972", "60"};
    private static final Map<String, Integer> NATIONAL_DIGITS = Map.ofEntries(Map.entry("52", 10),
            Map.entry("1", 10), Map.entry("57", 10), Map.entry("56", 9), Map.entry("54", 10), Map.entry("55", 11),
            Map.entry("31", 9), Map.entry("49", 10), Map.entry("33", 9), Map.entry("972", 9), Map.entry("20", 10),
            Map.entry("971", 9), Map.entry("91", 10), Map.entry("62", 10), Map.entry("60", 9));

    /** A catalogue template: name, language, legacy category, header, body, buttons, and its category after migration. */
    record Template(String name, String language, String legacy, String header, String body, String buttons,
            String category) {
    }

    /** Per language; categories as docs/billing-rules.md 2 gives them (the test checks with the classifier). */
    static final Template[] TEMPLATES = {
        new Template("order_shipped", "en", "TRANSACTIONAL", "", "Hi {{1}}, your order #{{2}} has shipped and will arrive on {{3}}.", "", "UTILITY"),
        new Template("appointment_reminder", "en", "APPOINTMENT_UPDATE", "Reminder", "Your dental appointment is on {{1}} at {{2}}. Reply C to cancel.", "", "UTILITY"),
        new Template("payment_received", "en", "PAYMENT_UPDATE", "", "We received your payment of ${{1}} for invoice {{2}}.", "", "UTILITY"),
        new Template("verification_code", "en", "OTP", "", "{{1}} is your verification code. Do not share this code.", "Copy code", "AUTHENTICATION"),
        new Template("login_code", "en", "AUTHENTICATION", "", "Your login code is {{1}}. It expires in 10 minutes.", "", "AUTHENTICATION"),
        new Template("summer_sale", "en", "MARKETING", "", "Summer sale! Get 20% off everything this weekend.", "Shop now", "MARKETING"),
        new Template("cart_reminder", "en", "TRANSACTIONAL", "", "You left items in your cart. Complete your purchase today!", "", "MARKETING"),
        new Template("back_in_stock", "en", "ALERT_UPDATE", "", "Good news: the sneakers you liked are back in stock.", "", "MARKETING"),
        new Template("pedido_enviado", "es", "SHIPPING_UPDATE", "", "Tu pedido {{1}} fue enviado.", "", "UTILITY"),
        new Template("recordatorio_cita", "es", "APPOINTMENT_UPDATE", "", "Recordatorio de tu cita el {{1}}.", "", "UTILITY"),
        new Template("codigo_verificacion", "es", "OTP", "", "Tu código de verificación es {{1}}.", "", "AUTHENTICATION"),
        new Template("ofertas_tienda", "es", "MARKETING", "", "¡Ofertas! Hasta 40 % de descuento en toda la tienda.", "", "MARKETING"),
        new Template("pedido_entregado", "es", "TRANSACTIONAL", "", "Tu pedido fue entregado. ¡Aprovecha envío gratis en tu próxima compra!", "", "MARKETING"),
        new Template("pedido_enviado", "pt_BR", "SHIPPING_UPDATE", "", "Seu pedido {{1}} foi enviado. Rastreio: {{2}}", "", "UTILITY"),
        new Template("pagamento_boleto", "pt_BR", "PAYMENT_UPDATE", "", "Recebemos o pagamento do boleto {{1}}.", "", "UTILITY"),
        new Template("codigo_verificacao", "pt_BR", "OTP", "", "{{1}} é o seu código de verificação.", "", "AUTHENTICATION"),
        new Template("promo_inverno", "pt_BR", "MARKETING", "", "Até 50% de desconto na coleção de inverno!", "", "MARKETING"),
        new Template("carrinho_abandonado", "pt_BR", "TRANSACTIONAL", "", "Você esqueceu itens no seu carrinho.", "", "MARKETING"),
        new Template("bestelling_verzonden", "nl", "TRANSACTIONAL", "", "Je bestelling {{1}} is verzonden en wordt morgen bezorgd.", "", "UTILITY"),
        new Template("betaling_ontvangen", "nl", "PAYMENT_UPDATE", "", "Wij hebben uw betaling van € {{1}} ontvangen.", "", "UTILITY"),
        new Template("verificatiecode", "nl", "OTP", "", "Je verificatiecode is {{1}}. Deel deze code niet.", "", "AUTHENTICATION"),
        new Template("zomerkorting", "nl", "MARKETING", "", "Zomerkorting! Alles -30% deze week.", "", "MARKETING"),
        new Template("winkelwagen", "nl", "TRANSACTIONAL", "", "Er ligt nog iets in je winkelwagen.", "", "MARKETING"),
        new Template("bestellung_versendet", "de", "SHIPPING_UPDATE", "", "Ihre Bestellung {{1}} wurde versendet.", "", "UTILITY"),
        new Template("zahlung_eingegangen", "de", "PAYMENT_UPDATE", "", "Ihre Zahlung für Rechnung {{1}} ist eingegangen.", "", "UTILITY"),
        new Template("bestaetigungscode", "de", "OTP", "", "Ihr Bestätigungscode lautet {{1}}.", "", "AUTHENTICATION"),
        new Template("sommerrabatt", "de", "MARKETING", "", "Sommerrabatt: 20 % auf alles mit dem Rabattcode SOMMER20!", "", "MARKETING"),
        new Template("wieder_verfuegbar", "de", "ALERT_UPDATE", "", "Ihr Lieblingsprodukt ist wieder verfügbar.", "Jetzt kaufen", "MARKETING"),
        new Template("commande_expediee", "fr", "SHIPPING_UPDATE", "", "Votre commande {{1}} a été expédiée.", "", "UTILITY"),
        new Template("solde_compte", "fr", "PERSONAL_FINANCE_UPDATE", "", "Le solde de votre compte est de {{1}} €.", "", "UTILITY"),
        new Template("code_verification", "fr", "OTP", "", "Votre code de vérification est {{1}}.", "", "AUTHENTICATION"),
        new Template("soldes", "fr", "MARKETING", "", "Les soldes commencent : jusqu'à -50 % sur tout le magasin !", "", "MARKETING"),
        new Template("code_printemps", "fr", "TRANSACTIONAL", "", "Profitez de 20 % de réduction avec le code PRINTEMPS.", "", "MARKETING"),
    };

    /** Per-message list rates effective 2025-07-01: market, USD marketing/utility/authentication, then EUR (the sample's). */
    private static final String[][] RATES_2025_07 = {
        {"Argentina", "0.0620", "0.0260", "0.0260", "0.0570", "0.0239", "0.0239"},
        {"Brazil", "0.0625", "0.0068", "0.0068", "0.0575", "0.0063", "0.0063"},
        {"Chile", "0.0890", "0.0200", "0.0200", "0.0819", "0.0184", "0.0184"},
        {"Colombia", "0.0125", "0.0008", "0.0008", "0.0115", "0.0007", "0.0007"},
        {"Egypt", "0.1075", "0.0036", "0.0036", "0.0989", "0.0033", "0.0033"},
        {"France", "0.1430", "0.0300", "0.0300", "0.1316", "0.0276", "0.0276"},
        {"Germany", "0.1365", "0.0550", "0.0550", "0.1256", "0.0506", "0.0506"},
        {"India", "0.0107", "0.0014", "0.0014", "0.0098", "0.0013", "0.0013"},
        {"Indonesia", "0.0410", "0.0250", "0.0250", "0.0377", "0.0230", "0.0230"},
        {"Israel", "0.0355", "0.0053", "0.0053", "0.0327", "0.0049", "0.0049"},
        {"Malaysia", "0.0860", "0.0140", "0.0140", "0.0791", "0.0129", "0.0129"},
        {"Other", "0.0605", "0.0077", "0.0077", "0.0557", "0.0071", "0.0071"},
    };
    /** From 2026-10-01: marketing unchanged, utility +15 %, authentication +10 % (the sample's Brazil and India rows as they are). */
    private static final Map<String, String[]> RATES_2026_10_SAMPLE = Map.of(
            "Brazil/USD", new String[] {"0.0625", "0.0080", "0.0075"},
            "India/USD", new String[] {"0.0118", "0.0016", "0.0014"});

    private static final String[] FREE_FORM = {"text", "text", "text", "text", "image", "document", "interactive",
        "audio", "location"};
    private static final String[] INBOUND_TYPES = {"text", "text", "text", "image", "interactive", "audio"};
    /** Relative sending activity by local hour of the day. */
    private static final double[] HOURS = {1, 0.5, 0.3, 0.3, 0.5, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 7, 7, 6, 5, 3, 2};

    private final Random random = new Random(SEED);
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, List<Template>> byLanguage = new HashMap<>();
    private double[] cumulative;
    private double[] hourCumulative;
    private String[] dayPrefix; // "2026-10-01T" per UTC day of the window
    private BufferedWriter[] spills;
    private long written;
    private long target;
    private long sequence;
    private final Map<String, Long> counts = new java.util.TreeMap<>();

    private static final class Account {
        int index;
        String waba;
        String portfolio;
        Region region;
        String currency;
        String markup;
        String[] phones;
        int[] offsets; // the zone's UTC offset in seconds at noon of each local day of the window (-1 .. DAYS)
        Template[] utility;
        Template[] marketing;
        Template[] authentication;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PerMessageExport <output dir> [messages] [accounts] [sample-data dir]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long messages = args.length > 1 ? Long.parseLong(args[1]) : 3_700_000L;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path samples = Path.of(args.length > 3 ? args[3] : "sample-data");
        long start = System.nanoTime();
        PerMessageExport export = new PerMessageExport();
        long rows = export.write(out, messages, accounts, samples);
        System.out.printf(Locale.ROOT, "generated %,d messages (%,d rows in 2 files) of %,d accounts in %s in %.1f s%n",
                messages, rows, accounts, out, (System.nanoTime() - start) / 1e9);
        System.out.println("mix: " + export.counts);
    }

    /** Writes everything; returns the rows of both message files (with the overlap and the broken rows). */
    public long write(Path out, long messages, int accountCount, Path samples) throws IOException {
        if (messages < 1 || accountCount < 1) {
            throw new IllegalArgumentException("messages and accounts must be positive");
        }
        target = messages;
        Path dir = out.resolve("messages");
        Path spillDir = out.resolve("spill");
        Files.createDirectories(dir);
        Files.createDirectories(spillDir);
        Files.copy(samples.resolve("markets.csv"), out.resolve("markets.csv"), StandardCopyOption.REPLACE_EXISTING);
        for (Template t : TEMPLATES) {
            byLanguage.computeIfAbsent(t.language(), l -> new ArrayList<>()).add(t);
        }
        dayPrefix = new String[DAYS];
        for (int d = 0; d < DAYS; d++) {
            dayPrefix[d] = FIRST_DAY.plusDays(d) + "T";
        }
        hourCumulative = cumulative(HOURS);
        makeAccounts(accountCount);
        writeAccounts(out);
        writeTemplates(out);
        writeRateCard(out);
        writeVolumeTiers(out);

        spills = new BufferedWriter[DAYS];
        for (int d = 0; d < DAYS; d++) {
            spills[d] = Files.newBufferedWriter(spillDir.resolve(d + ".csv"), StandardCharsets.UTF_8);
        }
        try {
            while (written < target) {
                story();
            }
        } finally {
            for (BufferedWriter w : spills) {
                w.close();
            }
        }
        long rows = split(spillDir, dir);
        try (var files = Files.list(spillDir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(spillDir);
        return rows;
    }

    // ------------------------------------------------------------------ accounts and reference files

    private void makeAccounts(int n) {
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) { // the busiest accounts anywhere in the list
            int j = random.nextInt(i + 1);
            int r = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = r;
        }
        double[] weights = new double[n];
        double[] regionCumulative = cumulative(Arrays.stream(REGION_WEIGHTS).asDoubleStream().toArray());
        String[] markups = {"0", "5", "8.5", "10", "10", "12", "15", "20"};
        for (int i = 0; i < n; i++) {
            Account a = new Account();
            a.index = i;
            a.waba = Long.toString(104_000_000_000_000L + i);
            a.portfolio = Long.toString(906_000_000_000_000L + i / PORTFOLIO_SIZE);
            a.region = REGIONS[pick(regionCumulative)];
            a.currency = random.nextInt(100) < (a.region.euro() ? 80 : 8) ? "EUR" : "USD";
            a.markup = markups[random.nextInt(markups.length)];
            weights[i] = 1.0 / Math.pow(ranks[i], ZIPF_EXPONENT);
            // the busiest accounts spread their traffic over more numbers (each with its own free tier)
            int phones = ranks[i] <= Math.max(1, n / 50) ? 4 + random.nextInt(5) : 1 + random.nextInt(2);
            a.phones = new String[phones];
            for (int p = 0; p < phones; p++) {
                a.phones[p] = Long.toString(105_000_000_000_000L + i * 16L + p);
            }
            ZoneId zone = ZoneId.of(a.region.zone());
            a.offsets = new int[DAYS + 2];
            for (int d = -1; d <= DAYS; d++) {
                a.offsets[d + 1] = LocalDateTime.of(FIRST_DAY.plusDays(d), LocalTime.NOON).atZone(zone).getOffset()
                        .getTotalSeconds();
            }
            List<Template> own = byLanguage.get(a.region.language());
            a.utility = own.stream().filter(t -> t.category().equals("UTILITY")).toArray(Template[]::new);
            a.marketing = own.stream().filter(t -> t.category().equals("MARKETING")).toArray(Template[]::new);
            a.authentication = own.stream().filter(t -> t.category().equals("AUTHENTICATION")).toArray(Template[]::new);
            accounts.add(a);
        }
        cumulative = cumulative(weights);
    }

    private void writeAccounts(Path out) throws IOException {
        StringBuilder s = new StringBuilder("waba_id,account_name,timezone,currency,markup_percent,portfolio_id\n");
        for (Account a : accounts) {
            s.append(a.waba).append(",Per-message account ").append(a.index).append(',').append(a.region.zone())
                    .append(',').append(a.currency).append(',').append(a.markup).append(',').append(a.portfolio)
                    .append('\n');
        }
        Files.writeString(out.resolve("accounts.csv"), s);
    }

    private void writeTemplates(Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out.resolve("templates.csv"), StandardCharsets.UTF_8)) {
            w.write("template_id,waba_id,name,language,category,status,header,body,footer,buttons\n");
            for (Account a : accounts) {
                int k = 0;
                for (Template t : byLanguage.get(a.region.language())) {
                    w.write("PM-" + a.index + "-" + (++k) + ',' + a.waba + ',' + t.name() + ',' + t.language() + ','
                            + t.legacy() + ",APPROVED," + csv(t.header()) + ',' + csv(t.body()) + ",,"
                            + csv(t.buttons()) + '\n');
                }
            }
        }
    }

    private static void writeRateCard(Path out) throws IOException {
        StringBuilder s = new StringBuilder("effective_from,market,currency,marketing,utility,authentication,service\n");
        for (String date : new String[] {"2025-07-01", "2026-10-01"}) {
            for (String currency : new String[] {"USD", "EUR"}) {
                for (String[] row : RATES_2025_07) {
                    String[] r = rates(row, currency, date);
                    s.append(date).append(',').append(row[0]).append(',').append(currency).append(',').append(r[0])
                            .append(',').append(r[1]).append(',').append(r[2]).append(",\n");
                }
            }
        }
        Files.writeString(out.resolve("rate-card.csv"), s);
    }

    /** The marketing, utility and authentication list rates of a market in a currency from a date. */
    static String[] rates(String[] row, String currency, String date) {
        int base = currency.equals("USD") ? 1 : 4;
        if (date.equals("2025-07-01")) {
            return new String[] {row[base], row[base + 1], row[base + 2]};
        }
        String[] sample = RATES_2026_10_SAMPLE.get(row[0] + "/" + currency);
        if (sample != null) {
            return sample;
        }
        return new String[] {row[base], scale(row[base + 1], "1.15"), scale(row[base + 2], "1.10")};
    }

    private static String scale(String rate, String factor) {
        return new BigDecimal(rate).multiply(new BigDecimal(factor)).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** Three graduated bands per market, currency and category: the list rate, then 15 % and 30 % off. */
    private static void writeVolumeTiers(Path out) throws IOException {
        StringBuilder s = new StringBuilder("effective_from,market,currency,category,from_volume,to_volume,rate\n");
        for (String date : new String[] {"2025-07-01", "2026-10-01"}) {
            for (String currency : new String[] {"USD", "EUR"}) {
                for (String[] row : RATES_2025_07) {
                    String[] r = rates(row, currency, date);
                    for (String category : new String[] {"UTILITY", "AUTHENTICATION"}) {
                        String list = category.equals("UTILITY") ? r[1] : r[2];
                        String prefix = date + ',' + row[0] + ',' + currency + ',' + category + ',';
                        s.append(prefix).append("1,").append(BANDS[0]).append(',').append(list).append('\n');
                        s.append(prefix).append(BANDS[0] + 1).append(',').append(BANDS[1]).append(',')
                                .append(scale(list, "0.85")).append('\n');
                        s.append(prefix).append(BANDS[1] + 1).append(",,").append(scale(list, "0.70")).append('\n');
                    }
                }
            }
        }
        Files.writeString(out.resolve("volume-tiers.csv"), s);
    }

    // ------------------------------------------------------------------ traffic

    /** One customer of one account: threads a few days apart over the window, at local day times. */
    private void story() throws IOException {
        Account a = accounts.get(pick(cumulative));
        String phone = a.phones[random.nextInt(3) == 0 ? random.nextInt(a.phones.length) : 0];
        String code = random.nextInt(100) < 3 ? ALL_CODES[random.nextInt(ALL_CODES.length)]
                : a.region.codes()[random.nextInt(a.region.codes().length)];
        int digits = NATIONAL_DIGITS.get(code);
        long low = (long) Math.pow(10, digits - 1);
        String customer = code + (low + (long) (random.nextDouble() * 9 * low));
        Customer c = new Customer(a, phone, customer);
        // local days from 2026-09-30; starting a week early spreads the customers' threads evenly over the window
        int day = -8 + random.nextInt(8);
        while (day <= DAYS && written < target) {
            if (day < -1) {
                day += 1 + random.nextInt(6);
                continue;
            }
            double h = pickDouble(hourCumulative);
            long t = (FIRST_DAY.toEpochDay() + day) * 86_400_000L + (long) (h * 3_600_000L) - a.offsets[day + 1] * 1000L;
            int next = day + 1 + random.nextInt(6);
            if (t > START_MS + 1_000L && t < LAST_SEND_MS) {
                c.t = t;
                episode(c);
                // the next thread starts on a later day than this one ended (a reply 30 h later stays outside the window)
                long ended = Math.floorDiv(c.t / 1000 + a.offsets[day + 1], 86_400L) - FIRST_DAY.toEpochDay();
                next = (int) Math.max(next, ended + 1);
            }
            day = next;
        }
    }

    /** The running state of one customer's story. */
    private static final class Customer {
        final Account account;
        final String phone;
        final String customer;
        long t;

        Customer(Account account, String phone, String customer) {
            this.account = account;
            this.phone = phone;
            this.customer = customer;
        }
    }

    private void episode(Customer c) throws IOException {
        Account a = c.account;
        int kind = random.nextInt(1000);
        if (kind < 300) { // a campaign; now and then the customer answers
            template(c, a.marketing, "marketing");
            if (random.nextInt(100) < 12) {
                answered(c, 1 + random.nextInt(2));
            }
        } else if (kind < 500) { // an update
            template(c, a.utility, "utility");
            if (random.nextInt(100) < 25) {
                answered(c, 1 + random.nextInt(2));
            }
        } else if (kind < 600) { // a login code, delivered at once
            Template t = a.authentication[random.nextInt(a.authentication.length)];
            outbound(c, "template", t, status(), 100 + random.nextInt(1_900));
            count("authentication");
        } else if (kind < 850) { // the customer asks, the business answers (inside the window)
            inbound(c, "");
            int replies = random.nextInt(100) < 5 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < replies; i++) {
                c.t += 30_000L + random.nextInt(90 * 60_000);
                if (random.nextInt(100) < 25) {
                    inbound(c, "");
                    c.t += 20_000L + random.nextInt(600_000);
                }
                freeForm(c, "service in window");
            }
        } else if (kind < 900) { // a utility template inside the customer service window
            inbound(c, "");
            c.t += 600_000L + random.nextInt(10 * 3_600_000);
            template(c, a.utility, "utility in window");
        } else if (kind < 925) { // a reply after the window closed (docs/per-message-pricing.md 2, outside_service_window)
            inbound(c, "");
            c.t += 24 * 3_600_000L + 60_000L + random.nextInt(12 * 3_600_000);
            freeForm(c, "service outside window");
        } else if (kind < 955) { // an ad or Page button, then everything for 72 h is a free entry point
            inbound(c, kind < 948 ? "ctwa_ad" : "page_cta");
            c.t += 30_000L + random.nextInt(30 * 60_000);
            freeForm(c, "entry point reply");
            for (int i = random.nextInt(4); i > 0; i--) {
                c.t += 2 * 3_600_000L + random.nextInt(18 * 3_600_000);
                if (random.nextInt(100) < 40) {
                    template(c, a.marketing, "entry point reply");
                } else {
                    inbound(c, "");
                    c.t += 60_000L + random.nextInt(600_000);
                    freeForm(c, "entry point reply");
                }
            }
        } else { // sent at night, delivered hours later when the phone came online
            Template t = a.utility[random.nextInt(a.utility.length)];
            outbound(c, "template", t, random.nextBoolean() ? "delivered" : "read",
                    3_600_000L + random.nextInt(8 * 3_600_000));
            count("utility late delivery");
        }
    }

    /** The customer answers after a while, the business replies free-form. */
    private void answered(Customer c, int replies) throws IOException {
        c.t += 120_000L + random.nextInt(5 * 3_600_000);
        inbound(c, "");
        for (int i = 0; i < replies; i++) {
            c.t += 60_000L + random.nextInt(30 * 60_000);
            freeForm(c, "service in window");
        }
    }

    private void template(Customer c, Template[] of, String what) throws IOException {
        outbound(c, "template", of[random.nextInt(of.length)], status(), delay());
        count(what);
    }

    private void freeForm(Customer c, String what) throws IOException {
        outbound(c, FREE_FORM[random.nextInt(FREE_FORM.length)], null, status(), delay());
        count(what);
    }

    private String status() {
        int r = random.nextInt(1000);
        return r < 25 ? "failed" : r < 40 ? "sent" : r < 640 ? "read" : "delivered";
    }

    /** Milliseconds from send to delivery: mostly a moment, sometimes a minute, rarely half an hour. */
    private long delay() {
        int r = random.nextInt(100);
        return r < 70 ? 200 + random.nextInt(2_800) : r < 95 ? 3_000 + random.nextInt(57_000)
                : 60_000L + random.nextInt(30 * 60_000);
    }

    private void inbound(Customer c, String entryPoint) throws IOException {
        row(c, "inbound", INBOUND_TYPES[random.nextInt(INBOUND_TYPES.length)], null, "", -1, entryPoint);
        if (!entryPoint.isEmpty()) {
            count(entryPoint);
        }
    }

    private void outbound(Customer c, String type, Template template, String status, long delayMs) throws IOException {
        boolean delivered = status.equals("read") || status.equals("delivered");
        // Meta's webhook has whole seconds: a delivery within the send's second looks up to 1 s early
        long deliveredSecond = delivered ? Math.floorDiv(c.t + delayMs, 1000L) : -1;
        if (delivered && deliveredSecond * 1000L < c.t) {
            count("delivered before sent (skew)");
        }
        if (!delivered) {
            count("not delivered (" + status + ")");
        }
        row(c, "outbound", type, template, status, deliveredSecond, "");
    }

    private void row(Customer c, String direction, String type, Template template, String status, long deliveredSecond,
            String entryPoint) throws IOException {
        if (written >= target || c.t <= START_MS || c.t >= LAST_SEND_MS
                || deliveredSecond * 1000L >= WINDOW_END.toEpochMilli()) {
            return;
        }
        written++;
        long t = c.t;
        int day = (int) ((t - START_MS) / 86_400_000L);
        StringBuilder s = new StringBuilder(200);
        s.append(t).append(','); // the sort key, dropped when the day is written
        s.append("wamid.HBgM").append(c.customer).append("FQIAERgS");
        String hex = Long.toHexString(++sequence * 0x9E3779B97F4A7C15L).toUpperCase(Locale.ROOT);
        s.append("0".repeat(16 - hex.length())).append(hex);
        s.append(',').append(c.account.waba).append(',').append(c.phone).append(',').append(c.customer).append(',')
                .append(direction).append(',').append(type).append(',');
        if (template != null) {
            s.append(template.name()).append(',').append(template.language());
        } else {
            s.append(',');
        }
        s.append(',');
        isoMillis(s, day, t);
        s.append(',').append(status).append(',');
        if (deliveredSecond >= 0) {
            s.append(deliveredSecond);
        }
        s.append(',').append(entryPoint).append('\n');
        spills[day].append(s);
    }

    /** 2026-10-01T06:17:03.123Z */
    private void isoMillis(StringBuilder s, int day, long t) {
        long ms = t - START_MS - day * 86_400_000L;
        int seconds = (int) (ms / 1000);
        s.append(dayPrefix[day]);
        two(s, seconds / 3600);
        s.append(':');
        two(s, seconds / 60 % 60);
        s.append(':');
        two(s, seconds % 60);
        s.append('.');
        int millis = (int) (ms % 1000);
        s.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        s.append('Z');
    }

    private static void two(StringBuilder s, int v) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    // ------------------------------------------------------------------ the two export files

    /**
     * Sorts each day by send time and writes rows [0, cut1) to export-1 and [cut2, end) to export-2,
     * cut1 - cut2 being {@link #OVERLAP} of the rows; adds the broken rows. Returns the rows written.
     */
    private long split(Path spillDir, Path dir) throws IOException {
        long overlap = Math.round(written * OVERLAP);
        long cut2 = (written - overlap) / 2;
        long cut1 = cut2 + overlap;
        long rows = 0;
        long index = 0;
        try (BufferedWriter one = Files.newBufferedWriter(dir.resolve("export-1.csv"), StandardCharsets.UTF_8);
             BufferedWriter two = Files.newBufferedWriter(dir.resolve("export-2.csv"), StandardCharsets.UTF_8)) {
            one.write(HEADER);
            two.write(HEADER);
            for (int d = 0; d < DAYS; d++) {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = Files.newBufferedReader(spillDir.resolve(d + ".csv"), StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                }
                Collections.sort(lines); // the 13-digit millisecond key first: send time, then message id
                for (String line : lines) {
                    String row = line.substring(line.indexOf(',') + 1);
                    if (index < cut1) {
                        one.write(row);
                        one.write('\n');
                        rows++;
                    }
                    if (index >= cut2) {
                        two.write(row);
                        two.write('\n');
                        rows++;
                    }
                    if (index == cut2 / 2) { // a quarter into the first file, three quarters into the second
                        one.write(badRows()[0]);
                        rows++;
                    } else if (index == cut1 + (written - cut1) / 2) {
                        two.write(badRows()[1]);
                        two.write(badRows()[2]);
                        rows += 2;
                    }
                    index++;
                }
            }
        }
        if (rows != written + overlap + BAD_ROWS.size()) {
            throw new IllegalStateException("wrote " + rows + " rows, expected " + (written + overlap + BAD_ROWS.size()));
        }
        return rows;
    }

    /** One row per {@link #BAD_ROWS} entry: a time without zone, a short number, a delivery long before the send. */
    private String[] badRows() {
        Account a = accounts.get(0);
        String start = a.waba + ',' + a.phones[0] + ',';
        return new String[] {
            "wamid.PMBAD1," + start + "5511987654321,inbound,text,,,2026-10-10T10:00:00,,,\n",
            "wamid.PMBAD2," + start + "12345,inbound,text,,,2026-10-20T10:00:00.000Z,,,\n",
            "wamid.PMBAD3," + start + "5511987654321,outbound,text,,,2026-10-20T10:00:00.000Z,read,"
                    + Instant.parse("2026-10-20T09:50:00Z").getEpochSecond() + ",\n",
        };
    }

    // ------------------------------------------------------------------ helpers

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    /** An index drawn with the weights of a cumulative table. */
    private int pick(double[] cumulativeWeights) {
        int i = Arrays.binarySearch(cumulativeWeights, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulativeWeights.length - 1);
    }

    /** Like {@link #pick}, plus a uniform fraction inside the drawn slot (an hour and its minutes). */
    private double pickDouble(double[] cumulativeWeights) {
        return pick(cumulativeWeights) + random.nextDouble();
    }

    private static String csv(String value) {
        if (value.isEmpty()) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
