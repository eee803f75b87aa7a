package dev.ariadne.benchmarks.metrics;

import java.util.Locale;

/** How a returned answer is compared with the gold answers. */
public enum MatchMode {
    /** The answer entity's key equals a gold answer exactly: the headline figures. */
    KEY("entity key"),
    /** The answer's name equals a gold answer ignoring case (Locale.ROOT): reported beside KEY. */
    NAME_IGNORE_CASE("name, ignoring case");

    private final String label;

    MatchMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String normalise(String goldOrKey) {
        return this == KEY ? goldOrKey : goldOrKey.toLowerCase(Locale.ROOT);
    }

    String of(ReturnedAnswer a) {
        return this == KEY ? a.key() : a.name().toLowerCase(Locale.ROOT);
    }
}
