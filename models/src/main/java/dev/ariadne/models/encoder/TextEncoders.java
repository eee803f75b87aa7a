package dev.ariadne.models.encoder;

import dev.ariadne.core.error.InvalidInputException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates {@link TextEncoder}s. Typical use:
 * <pre>{@code
 * try (TextEncoder encoder = TextEncoders.builder()
 *         .model(EncoderModel.BGE_SMALL_EN_V15_Q)
 *         .device(Device.CPU)
 *         .threads(2)
 *         .cacheDir(Path.of("ariadne-data/native"))
 *         .build()) {
 *     float[] v = encoder.encode("who directed the movies starring X");
 * }
 * }</pre>
 */
public final class TextEncoders {
    /** System property holding a default {@link Builder#cacheDir(Path)}, e.g. set by the CLI launcher. */
    public static final String CACHE_DIR_PROPERTY = "ariadne.cache.dir";

    private TextEncoders() {
    }

    /** A builder with the defaults: bge-small-en-v1.5 int8, CPU, ONNX Runtime's thread count, batches of 32, exact batching. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default encoder (see {@link #builder()}). */
    public static TextEncoder defaultEncoder() {
        return builder().build();
    }

    /**
     * Options of an encoder. Each setter rejects a bad value at once with an {@link InvalidInputException};
     * {@link #build()} loads the model. A builder can be reused; the encoders it built do not change.
     */
    public static final class Builder {
        private EncoderModel model = EncoderModel.BGE_SMALL_EN_V15_Q;
        private Device device = Device.CPU;
        private int cudaDeviceId;
        private int threads;
        private int batchSize = 32;
        private int maxTokens = EncoderModel.MAX_POSITIONS;
        private boolean exactBatching = true;
        private boolean spinWait = true;
        private Path cacheDir;
        private Path modelFile;
        private Path tokenizerFile;

        private Builder() {
            String fromProperty = System.getProperty(CACHE_DIR_PROPERTY);
            if (fromProperty != null && !fromProperty.isBlank()) {
                cacheDir = Path.of(fromProperty);
            }
        }

        /** Which pretrained weights to load; default {@link EncoderModel#BGE_SMALL_EN_V15_Q}. */
        public Builder model(EncoderModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Where to run; default {@link Device#CPU}. CUDA falls back to the CPU (one log line) if unavailable. */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /** Which GPU {@link Device#CUDA} uses; default 0. */
        public Builder cudaDeviceId(int cudaDeviceId) {
            if (cudaDeviceId < 0) {
                throw new InvalidInputException("cudaDeviceId must be >= 0, got " + cudaDeviceId);
            }
            this.cudaDeviceId = cudaDeviceId;
            return this;
        }

        /** ONNX Runtime intra-op threads; 0 (the default) lets ONNX Runtime use one per core. */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new InvalidInputException("threads must be >= 0 (0 = one per core), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Whether ONNX Runtime's intra-op threads busy-wait for the next operator during a run (default
         * true). It saves a thread wake-up per operator: bge-small on one question, 2 threads, 2.2 ms
         * instead of 3.1 ms (docs/encoder.md). Spinning stops as soon as the last concurrent run returns
         * ({@code session.force_spinning_stop}), so an idle encoder takes no CPU; turn it off when other
         * work must have the cores even during a run (a spinning thread burns the core the thread it
         * waits for may need).
         */
        public Builder spinWait(boolean spinWait) {
            this.spinWait = spinWait;
            return this;
        }

        /** Most texts run through the model at once by {@link TextEncoder#encodeAll}; default 32. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 4096) {
                throw new InvalidInputException("batchSize must be in [1, 4096], got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Whether every text's vector must be the same whatever else is encoded with it (default true).
         * fp32 models are batch-invariant and always run in batches of {@link #batchSize(int)}. The int8
         * models quantise activations per batch (see {@link EncoderModel#dynamicallyQuantised()}); with
         * exact batching they run one text per inference call (no padding, so a vector is reproducible,
         * and cached vectors match fresh ones); with {@code false} they are batched too, trading
         * reproducibility (cosine down to 0.986 against the text alone) for about a third less CPU.
         */
        public Builder exactBatching(boolean exactBatching) {
            this.exactBatching = exactBatching;
            return this;
        }

        /** Tokens kept per text ([CLS] and [SEP] included); longer texts are truncated. Default and maximum 512. */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 2 || maxTokens > EncoderModel.MAX_POSITIONS) {
                throw new InvalidInputException("maxTokens must be in [2, " + EncoderModel.MAX_POSITIONS + "], got "
                        + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * A writable folder for the native libraries of ONNX Runtime and of the DJL tokenizer (see
         * docs/encoder.md). JVM-wide and read when the first encoder loads: the first folder given wins.
         * Default: the system property {@value #CACHE_DIR_PROPERTY} if set, else
         * {@code ~/.cache/ariadne/native} (skipped, leaving the libraries' own defaults, if that cannot
         * be created). Native-library settings the user made explicitly are never overridden.
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /**
         * Loads the ONNX and tokenizer files from disk instead of the model's jar (for deployments that
         * ship the files separately). They must still hash to the model's pinned sha256s.
         */
        public Builder modelFiles(Path onnxFile, Path tokenizerFile) {
            this.modelFile = Objects.requireNonNull(onnxFile, "onnxFile");
            this.tokenizerFile = Objects.requireNonNull(tokenizerFile, "tokenizerFile");
            return this;
        }

        /**
         * Loads and verifies the model and opens it.
         *
         * @throws dev.ariadne.core.error.ModelException if a file is missing (naming the Maven artifact to
         *     add), does not match its pinned sha256, or ONNX Runtime cannot open it
         */
        public TextEncoder build() {
            return LargeStackInit.run("text encoder", () -> OnnxTextEncoder.open(this));
        }

        EncoderModel model() {
            return model;
        }

        Device device() {
            return device;
        }

        int cudaDeviceId() {
            return cudaDeviceId;
        }

        int threads() {
            return threads;
        }

        int batchSize() {
            return batchSize;
        }

        int maxTokens() {
            return maxTokens;
        }

        boolean spinWait() {
            return spinWait;
        }

        /** Texts per inference call, after {@link #exactBatching(boolean)} is applied to the model. */
        int effectiveBatchSize() {
            return exactBatching && model.dynamicallyQuantised() ? 1 : batchSize;
        }

        Path cacheDir() {
            return cacheDir;
        }

        Path modelFile() {
            return modelFile;
        }

        Path tokenizerFile() {
            return tokenizerFile;
        }
    }
}
