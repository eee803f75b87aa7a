package dev.ariadne.benchmarks.runner;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The dataset formats {@code ariadne bench --dataset} takes. */
public enum DatasetKind {
    METAQA("metaqa"), PATHQUESTION("pathquestion"), WORLDCUP("worldcup"), JSONL("jsonl");

    private final String option;

    DatasetKind(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static DatasetKind fromOption(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (DatasetKind k : values()) {
            if (k.option.equals(t)) {
                return k;
            }
        }
        throw new InvalidInputException("unknown dataset '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(DatasetKind::option).toList()) + ")");
    }

    @Override
    public String toString() {
        return option;
    }
}
