package dev.ariadne.models.planner;

import dev.ariadne.core.error.ModelException;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.models.encoder.TextEncoder;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * The graph-constrained relation-path planner: a beam over hops that grows paths only along the
 * relations {@link dev.ariadne.core.plan.GraphConstraint#nextRelations} reports (so every plan is
 * non-empty from its topic, by construction), scores them against the masked question with a trained
 * head (or plain cosine, zero-shot) and returns the top-k with calibrated probabilities. A trained head
 * scores every relation type of the graph, including those its training never met (through their
 * verbalisation); only a different encoder is refused.
 *
 * <p>Built with {@link #builder()}; immutable and thread-safe once built. The encoder is the caller's:
 * the planner never closes it.
 */
public interface PathPlanner extends Planner {
    /** True when no trained head is used (cosine of question and verbalised path). */
    boolean isZeroShot();

    /** The trained planner's manifest; empty in zero-shot mode. */
    Optional<PlannerManifest> manifest();

    static Builder builder() {
        return new Builder();
    }

    /** Options for a {@link PathPlanner}; bad values are rejected at once. */
    final class Builder {
        public static final int DEFAULT_BEAM_WIDTH = 16;
        public static final int DEFAULT_MAX_HOPS = 3;
        public static final double DEFAULT_ZERO_SHOT_TEMPERATURE = 0.05;
        public static final int DEFAULT_PATH_CACHE_SIZE = 100_000;

        TextEncoder encoder;
        TrainedPlanner model;
        int beamWidth = DEFAULT_BEAM_WIDTH;
        int maxHops = DEFAULT_MAX_HOPS;
        double zeroShotTemperature = DEFAULT_ZERO_SHOT_TEMPERATURE;
        int pathCacheSize = DEFAULT_PATH_CACHE_SIZE;
        SortedSet<String> graphRelationTypes;

        Builder() {
        }

        /** The sentence encoder (required); must be the one the model was trained with. */
        public Builder encoder(TextEncoder encoder) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            return this;
        }

        /** A trained head; without one the planner is zero-shot. */
        public Builder model(TrainedPlanner model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Loads a trained head from its file. */
        public Builder modelFile(Path file) {
            return model(TrainedPlanner.load(Objects.requireNonNull(file, "model file")));
        }

        /** Prefixes kept per hop (default 16). */
        public Builder beamWidth(int width) {
            if (width < 1 || width > 10_000) {
                throw new IllegalArgumentException("beamWidth must be in 1..10000: " + width);
            }
            this.beamWidth = width;
            return this;
        }

        /** Upper bound on plan length, whatever a request asks (default 3; a trained head also caps it). */
        public Builder maxHops(int hops) {
            if (hops < 1 || hops > 16) {
                throw new IllegalArgumentException("maxHops must be in 1..16: " + hops);
            }
            this.maxHops = hops;
            return this;
        }

        /** Softmax temperature over cosine scores in zero-shot mode (default 0.05). */
        public Builder zeroShotTemperature(double t) {
            if (!(t > 0 && t <= 10)) {
                throw new IllegalArgumentException("zeroShotTemperature must be in (0, 10]: " + t);
            }
            this.zeroShotTemperature = t;
            return this;
        }

        /** Verbalised-path embeddings kept in memory (LRU; default 100,000). */
        public Builder pathCacheSize(int size) {
            if (size < 16) {
                throw new IllegalArgumentException("pathCacheSize must be >= 16: " + size);
            }
            this.pathCacheSize = size;
            return this;
        }

        /**
         * The relation types of the graph the planner will run on (optional): a trained planner plans over all
         * of them, and {@link #build()} logs which ones training never met (their plans are scored through
         * their verbalisation and marked in {@link dev.ariadne.core.plan.Plan#untrainedRelations()}).
         */
        public Builder graphRelationTypes(Collection<String> types) {
            this.graphRelationTypes = new TreeSet<>(types);
            return this;
        }

        public PathPlanner build() {
            if (encoder == null) {
                throw new IllegalStateException("PathPlanner.builder(): encoder(...) is required");
            }
            if (model != null) {
                PlannerManifest m = model.manifest();
                if (m.dimension() != encoder.dimension()) {
                    throw new ModelException("planner trained with a " + m.dimension() + "-dimensional encoder ("
                            + m.baseModelId() + ") but the given encoder " + encoder.modelId() + " has "
                            + encoder.dimension() + " dimensions");
                }
                if (!m.baseModelId().equals(encoder.modelId())) {
                    throw new ModelException("planner trained with encoder " + m.baseModelId()
                            + " but the given encoder is " + encoder.modelId() + "; use the same encoder or retrain");
                }
                if (graphRelationTypes != null) {
                    SortedSet<String> missing = uncoveredTypes(m, graphRelationTypes);
                    if (!missing.isEmpty()) {
                        LoggerFactory.getLogger(PathPlanner.class).info("{} of the graph's {} relation types were not met in "
                                + "training ({}{}); plans through them are scored by their wording and marked untrained",
                                missing.size(), graphRelationTypes.size(), missing.stream().limit(10).toList(),
                                missing.size() > 10 ? " ..." : "");
                    }
                }
            }
            return new BeamPathPlanner(this);
        }
    }

    /** The relation types in {@code types} a model does not cover (empty when it covers all). */
    static SortedSet<String> uncoveredTypes(PlannerManifest manifest, Collection<String> types) {
        SortedSet<String> missing = new TreeSet<>(types);
        missing.removeAll(manifest.relationVocabulary());
        return missing;
    }
}
