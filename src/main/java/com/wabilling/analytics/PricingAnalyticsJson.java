package com.wabilling.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one saved response of Meta's {@code pricing_analytics} field (docs/formats.md, "Meta's pricing
 * analytics"): {@code {"id": "<waba_id>", "pricing_analytics": {"data": [{"data_points": [...]}]}}}.
 * Granularity HALF_HOUR, DAILY or MONTHLY; {@code country}, {@code phone_number} and {@code tier} may be
 * absent. Anything else that is not as Meta sends it is refused, naming the file and the JSON path.
 */
public final class PricingAnalyticsJson {

    /** One saved response: the WABA it is about (its {@code id}) and its data points, in the file's order. */
    public record Response(String file, String wabaId, List<AnalyticsPoint> points) {
    }

    static final Set<String> GRANULARITIES = Set.of("HALF_HOUR", "DAILY", "MONTHLY");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String file;

    private PricingAnalyticsJson(String file) {
        this.file = file;
    }

    /** The response saved in a file. */
    public static Response read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new MalformedAnalyticsException(path.toString(), "$", "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return parse(path.toString(), text);
    }

    static Response parse(String file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedAnalyticsException(file, syntaxErrorPath(text), "not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
        return new PricingAnalyticsJson(file).points(root);
    }

    private Response points(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw bad("$", "the response must be a JSON object");
        }
        String waba = id(root.get("id"), "$.id");
        JsonNode analytics = root.get("pricing_analytics");
        if (analytics == null || !analytics.isObject()) {
            throw bad("$.pricing_analytics", analytics == null ? "missing" : "must be an object");
        }
        JsonNode data = analytics.get("data");
        if (data == null || !data.isArray()) {
            throw bad("$.pricing_analytics.data", data == null ? "missing" : "must be an array");
        }
        List<AnalyticsPoint> points = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String at = "$.pricing_analytics.data[" + i + "]";
            JsonNode entry = data.get(i);
            if (!entry.isObject()) {
                throw bad(at, "must be an object");
            }
            JsonNode granularity = entry.get("granularity");
            if (granularity != null && !(granularity.isString()
                    && GRANULARITIES.contains(granularity.stringValue().toUpperCase(Locale.ROOT)))) {
                throw bad(at + ".granularity", "must be HALF_HOUR, DAILY or MONTHLY: " + granularity);
            }
            JsonNode list = entry.get("data_points");
            if (list == null) {
                continue; // a period without traffic
            }
            if (!list.isArray()) {
                throw bad(at + ".data_points", "must be an array");
            }
            for (int j = 0; j < list.size(); j++) {
                points.add(point(waba, list.get(j), at + ".data_points[" + j + "]"));
            }
        }
        return new Response(file, waba, List.copyOf(points));
    }

    private AnalyticsPoint point(String waba, JsonNode p, String at) {
        if (!p.isObject()) {
            throw bad(at, "must be an object");
        }
        Instant start = Instant.ofEpochSecond(whole(p.get("start"), at + ".start"));
        Instant end = Instant.ofEpochSecond(whole(p.get("end"), at + ".end"));
        if (!end.isAfter(start)) {
            throw bad(at + ".end", "must be after start (" + start + "): " + end);
        }
        String country = optionalText(p.get("country"), at + ".country").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            throw bad(at + ".country", "must be an ISO 3166-1 alpha-2 code: " + p.get("country"));
        }
        String phone = optionalText(p.get("phone_number"), at + ".phone_number").replace("+", "");
        String tier = optionalText(p.get("tier"), at + ".tier");
        String category = name(p.get("pricing_category"), at + ".pricing_category");
        String type = name(p.get("pricing_type"), at + ".pricing_type");
        long volume = whole(p.get("volume"), at + ".volume");
        BigDecimal cost = decimal(p.get("cost"), at + ".cost");
        return new AnalyticsPoint(file, waba, start, end, country, phone, tier, category, type, volume, cost);
    }

    private String id(JsonNode node, String at) {
        String id = node == null ? "" : node.isIntegralNumber() ? node.asString() : node.isString() ? node.stringValue() : null;
        if (id == null || !id.matches("\\d{1,32}")) {
            throw bad(at, node == null ? "missing (the WABA's id)" : "must be the WABA's id, digits: " + node);
        }
        return id;
    }

    private long whole(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            throw bad(at, "missing");
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        if (node.isString() && node.stringValue().matches("\\d{1,18}")) {
            return Long.parseLong(node.stringValue());
        }
        throw bad(at, "must be a whole number >= 0: " + node);
    }

    private BigDecimal decimal(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            throw bad(at, "missing");
        }
        try {
            BigDecimal value = node.isNumber() ? node.decimalValue()
                    : node.isString() ? new BigDecimal(node.stringValue()) : null;
            if (value != null && value.signum() >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw bad(at, "must be a number >= 0: " + node);
    }

    private String name(JsonNode node, String at) {
        String value = optionalText(node, at);
        if (value.isEmpty()) {
            throw bad(at, "missing");
        }
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private String optionalText(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isString()) {
            return node.stringValue().strip();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        throw bad(at, "must be text: " + node);
    }

    private MalformedAnalyticsException bad(String path, String problem) {
        return new MalformedAnalyticsException(file, path, problem);
    }

    /** Where a JSON syntax error is: the path the streaming parser had reached. */
    private static String syntaxErrorPath(String text) {
        JsonParser parser = MAPPER.createParser(text);
        try (parser) {
            while (parser.nextToken() != null) {
                // read up to the error
            }
            return "$";
        } catch (JacksonException e) {
            return "$" + pointerToPath(parser.streamReadContext().pathAsPointer().toString());
        }
    }

    /** {@code /pricing_analytics/data/0} as {@code .pricing_analytics.data[0]}. */
    static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            path.append(name.matches("\\d+") ? "[" + name + "]" : "." + name);
        }
        return path.toString();
    }
}
