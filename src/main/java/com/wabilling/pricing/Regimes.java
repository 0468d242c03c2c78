package com.wabilling.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dated list of pricing regimes (docs/per-message-pricing.md, table). Data, not code: Meta's next change
 * is one more {@link Regime} in {@link #META}. Each regime runs from its date until the next one's.
 */
public final class Regimes {

    /** Meta's regimes as the spec lists them. */
    public static final Regimes META = new Regimes(List.of(Regime.CBP_2023, Regime.PMP_2025, Regime.PMP_2026_10));

    private final List<Regime> byDate;

    public Regimes(List<Regime> regimes) {
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("at least one pricing regime is needed");
        }
        List<Regime> sorted = new ArrayList<>(regimes);
        sorted.sort(Comparator.comparing(Regime::from));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Regime r = sorted.get(i);
            if (!names.add(r.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two pricing regimes are named " + r.name());
            }
            if (i > 0 && sorted.get(i - 1).from().equals(r.from())) {
                throw new IllegalArgumentException("pricing regimes " + sorted.get(i - 1).name() + " and " + r.name()
                        + " both start on " + r.from());
            }
        }
        this.byDate = List.copyOf(sorted);
    }

    public List<Regime> all() {
        return byDate;
    }

    public LocalDate earliest() {
        return byDate.get(0).from();
    }

    /** The regime of an account-local date; dates before the first regime are refused (docs/per-message-pricing.md). */
    public Regime at(LocalDate localDate) {
        Regime found = null;
        for (Regime r : byDate) {
            if (r.from().isAfter(localDate)) {
                break;
            }
            found = r;
        }
        if (found == null) {
            throw new IllegalArgumentException("no pricing regime covers " + localDate + ": the earliest supported date is "
                    + earliest() + " (" + byDate.get(0).name() + ")");
        }
        return found;
    }

    /** Meta switches at 00:00 in the account's time zone, so the instant is read as a local date there. */
    public Regime at(Instant instant, ZoneId accountZone) {
        return at(LocalDate.ofInstant(instant, accountZone));
    }

    /** The first day of the next regime, empty for the last one. */
    public Optional<LocalDate> end(Regime regime) {
        int i = byDate.indexOf(regime);
        if (i < 0) {
            throw new IllegalArgumentException(regime.name() + " is not one of " + names());
        }
        return i + 1 < byDate.size() ? Optional.of(byDate.get(i + 1).from()) : Optional.empty();
    }

    /** By name, ignoring case (a what-if {@code regime=} parameter); an unknown name lists the known ones. */
    public Regime named(String name) {
        String wanted = name == null ? "" : name.strip();
        return byDate.stream().filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pricing regime '" + wanted + "'; known regimes: "
                        + names()));
    }

    private String names() {
        return byDate.stream().map(Regime::name).collect(Collectors.joining(", "));
    }
}
