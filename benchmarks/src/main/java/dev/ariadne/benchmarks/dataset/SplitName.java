package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A split as the user names it: {@code dev-train} and {@code dev-holdout} are the deterministic 80% / 20%
 * halves of {@code dev} ({@link DeterministicSplit}); any other name ({@code dev}, {@code test},
 * {@code train}) is read whole from {@code qa_<name>.txt}.
 */
public record SplitName(String name) {
    public static final String DEV_TRAIN = "dev-train";
    public static final String DEV_HOLDOUT = "dev-holdout";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public SplitName {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new InvalidInputException("invalid split name '" + name
                    + "' (expected letters, digits, '_', '.', '-', e.g. dev-train, dev-holdout, dev, test)");
        }
    }

    public static SplitName of(String name) {
        return new SplitName(name);
    }

    /** The split whose file holds this one: {@code dev} for dev-train / dev-holdout, else the name itself. */
    public String fileSplit() {
        return isDerived() ? "dev" : name;
    }

    public boolean isDerived() {
        return name.equals(DEV_TRAIN) || name.equals(DEV_HOLDOUT);
    }

    /** Keeps the examples of this split out of those read from {@link #fileSplit()}. */
    public java.util.List<KgqaExample> select(java.util.List<KgqaExample> fromFile) {
        if (name.equals(DEV_TRAIN)) {
            return DeterministicSplit.train(fromFile);
        }
        if (name.equals(DEV_HOLDOUT)) {
            return DeterministicSplit.holdout(fromFile);
        }
        return fromFile;
    }

    @Override
    public String toString() {
        return name;
    }
}
