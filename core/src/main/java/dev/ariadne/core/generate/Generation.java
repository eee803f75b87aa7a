package dev.ariadne.core.generate;

import java.util.List;
import java.util.Objects;

/**
 * What the generating reasoner did for one question: the model's answer text, which entities it named and
 * whether each was found in the retrieved paths, whether the answer fell back to the path reasoner's (and
 * why), and every model call with its latency, tokens and outcome. Attached to the trace; absent when
 * generation is off.
 *
 * @param status         what the user got: the model's grounded entities, the path reasoner's fallback, or
 *                       no call at all (nothing retrieved)
 * @param model          the model's name as configured (never an endpoint credential)
 * @param text           the model's answer sentence (cut to the reasoner's limit, see {@code textTruncated});
 *                       null when no call produced a parseable reply
 * @param textTruncated  true when {@code text} was cut
 * @param grounded       the named entities found among the retrieved paths' entities, in the model's order
 * @param ungrounded     the named entities not found there: never answers
 * @param fallbackReason why the path reasoner's answer was used; null unless {@code status} is FALLBACK
 * @param calls          every call to the model, retries included, in order
 */
public record Generation(GenerationStatus status, String model, String text, boolean textTruncated,
                         List<GroundedEntity> grounded, List<UngroundedEntity> ungrounded,
                         String fallbackReason, List<ModelCall> calls) {
    public Generation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(model, "model");
        grounded = List.copyOf(grounded);
        ungrounded = List.copyOf(ungrounded);
        calls = List.copyOf(calls);
        if ((status == GenerationStatus.FALLBACK) != (fallbackReason != null)) {
            throw new IllegalArgumentException("fallbackReason is set exactly when the status is FALLBACK: " + status);
        }
    }

    /** Input tokens over all calls (calls whose reply reported none count 0). */
    public long inputTokens() {
        long n = 0;
        for (ModelCall c : calls) {
            n += c.inputTokens() == null ? 0 : c.inputTokens();
        }
        return n;
    }

    /** Output tokens over all calls. */
    public long outputTokens() {
        long n = 0;
        for (ModelCall c : calls) {
            n += c.outputTokens() == null ? 0 : c.outputTokens();
        }
        return n;
    }

    /** Retries: calls after the first. */
    public int retries() {
        return Math.max(0, calls.size() - 1);
    }
}
