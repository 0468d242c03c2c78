package com.wabilling.pricing;

import java.util.List;

/** A volume-tiers.csv that breaks docs/formats.md: every bad row, with its line and reason, in one message. */
public final class VolumeTiersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public VolumeTiersException(String file, List<String> problems) {
        super(file + " is refused, " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
