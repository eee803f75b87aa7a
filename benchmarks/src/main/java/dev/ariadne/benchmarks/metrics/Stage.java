package dev.ariadne.benchmarks.metrics;

/** The timed stages of answering one question. */
public enum Stage {
    LINKING("linking"), PLANNING("planning"), RETRIEVAL("retrieval"), REASONING("reasoning"),
    END_TO_END("end-to-end");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
