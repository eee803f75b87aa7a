package dev.ariadne.engine.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.generate.GenerationStatus;
import dev.ariadne.core.generate.GroundedEntity;
import dev.ariadne.core.generate.ModelCall;
import dev.ariadne.core.generate.UngroundedEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace's {@code generation} object (docs/trace-schema.md): what the language model wrote, which of
 * its entities are grounded, the fallback reason, and each call with its cost. Kept apart from
 * {@link TraceJson} so the path-reasoner schema there stays as it was.
 */
@JsonPropertyOrder({"status", "model", "text", "textTruncated", "grounded", "ungrounded", "fallbackReason",
        "inputTokens", "outputTokens", "retries", "calls"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record GenerationDoc(String status, String model, String text, boolean textTruncated, List<GroundedDoc> grounded,
                     List<UngroundedDoc> ungrounded, String fallbackReason, long inputTokens, long outputTokens,
                     int retries, List<CallDoc> calls) {

    @JsonPropertyOrder({"named", "entity", "matchedBy"})
    record GroundedDoc(String named, TraceJson.EntityDoc entity, String matchedBy) {
    }

    @JsonPropertyOrder({"named"})
    record UngroundedDoc(String named) {
    }

    @JsonPropertyOrder({"attempt", "millis", "inputTokens", "outputTokens", "outcome", "error"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallDoc(int attempt, long millis, Integer inputTokens, Integer outputTokens, String outcome, String error) {
    }

    static GenerationDoc of(Generation g) {
        if (g == null) {
            return null;
        }
        List<GroundedDoc> grounded = new ArrayList<>();
        for (GroundedEntity e : g.grounded()) {
            grounded.add(new GroundedDoc(e.named(), TraceJson.EntityDoc.of(e.entity()), e.matchedBy().name()));
        }
        List<UngroundedDoc> ungrounded = new ArrayList<>();
        for (UngroundedEntity e : g.ungrounded()) {
            ungrounded.add(new UngroundedDoc(e.named()));
        }
        List<CallDoc> calls = new ArrayList<>();
        for (ModelCall c : g.calls()) {
            calls.add(new CallDoc(c.attempt(), c.millis(), c.inputTokens(), c.outputTokens(), c.outcome().name(), c.error()));
        }
        return new GenerationDoc(g.status().name(), g.model(), g.text(), g.textTruncated(), grounded, ungrounded,
                g.fallbackReason(), g.inputTokens(), g.outputTokens(), g.retries(), calls);
    }

    /** The totals are derived from the calls, so they are not read back. */
    Generation toGeneration() {
        List<GroundedEntity> gs = new ArrayList<>();
        for (GroundedDoc d : grounded == null ? List.<GroundedDoc>of() : grounded) {
            gs.add(new GroundedEntity(d.named(), d.entity().toEntity(), GroundedEntity.MatchedBy.valueOf(d.matchedBy())));
        }
        List<UngroundedEntity> us = new ArrayList<>();
        for (UngroundedDoc d : ungrounded == null ? List.<UngroundedDoc>of() : ungrounded) {
            us.add(new UngroundedEntity(d.named()));
        }
        List<ModelCall> cs = new ArrayList<>();
        for (CallDoc d : calls == null ? List.<CallDoc>of() : calls) {
            cs.add(new ModelCall(d.attempt(), d.millis(), d.inputTokens(), d.outputTokens(), ModelCall.Outcome.valueOf(d.outcome()), d.error()));
        }
        return new Generation(GenerationStatus.valueOf(status), model, text, textTruncated, gs, us, fallbackReason, cs);
    }
}
