package dev.ariadne.core.answer;

import java.util.Objects;

/** Why a question got no answer: a normal outcome, reported in the trace instead of thrown. */
public record NoAnswer(Reason reason, String detail) {
    public enum Reason {
        /** The planner found no relation path from the topic (the topic has no relations). */
        NO_PLAN,
        /** Every plan was followed and reached no entity. */
        NO_PATHS,
        /** Paths were found but no candidate scored above the reasoner's threshold. */
        NO_CONFIDENT_ANSWER,
        /**
         * The planner's best plan fell below the caller's minimum confidence (the question is one it cannot
         * read, or it is unsure): nothing was retrieved, rather than a guess presented as an answer.
         */
        LOW_CONFIDENCE
    }

    public NoAnswer {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
