package dev.ariadne.models.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link TextEncoder} over an ONNX Runtime session and a HuggingFace tokenizer. Both are safe for
 * concurrent use, so calls run in parallel; a read-write lock only keeps {@link #close()} from freeing
 * native memory under a running call. Created through {@link TextEncoders#builder()}.
 */
final class OnnxTextEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEncoder.class);

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String PREFERRED_OUTPUT = "last_hidden_state";

    private final EncoderModel model;
    private final String modelId;
    private final int batchSize;
    private final Device device;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final String outputName;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    private OnnxTextEncoder(EncoderModel model, String modelId, int batchSize, Device device, OrtEnvironment environment,
                            OrtSession session, HuggingFaceTokenizer tokenizer, boolean takesTokenTypes,
                            String outputName) {
        this.model = model;
        this.modelId = modelId;
        this.batchSize = batchSize;
        this.device = device;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = takesTokenTypes;
        this.outputName = outputName;
    }

    /** Loads, verifies and opens everything; on any failure, frees whatever was already opened. */
    static OnnxTextEncoder open(TextEncoders.Builder settings) {
        long start = System.nanoTime();
        EncoderModel model = settings.model();
        if (settings.cacheDir() != null) {
            NativeLibraryCache.configure(settings.cacheDir());
        } else {
            NativeLibraryCache.configureDefault();
        }
        VerifiedFile weights = settings.modelFile() != null
                ? VerifiedFile.fromFile(model, settings.modelFile(), model.modelSha256())
                : VerifiedFile.fromClasspath(model, model.modelResource(), model.modelSha256());
        VerifiedFile vocabulary = settings.tokenizerFile() != null
                ? VerifiedFile.fromFile(model, settings.tokenizerFile(), model.tokenizerSha256())
                : VerifiedFile.fromClasspath(model, model.tokenizerResource(), model.tokenizerSha256());

        HuggingFaceTokenizer tokenizer = openTokenizer(model, vocabulary, settings.maxTokens());
        OrtSession session = null;
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            SessionFactory.Opened opened = SessionFactory.open(environment, weights, settings);
            session = opened.session();
            Set<String> inputs = session.getInputNames();
            for (String required : List.of(INPUT_IDS, ATTENTION_MASK)) {
                if (!inputs.contains(required)) {
                    throw new ModelException("model file " + weights.name() + " has no input '" + required
                            + "'; its inputs are " + inputs);
                }
            }
            for (String input : inputs) {
                if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(input)) {
                    throw new ModelException("model file " + weights.name() + " has an input '" + input
                            + "' this encoder cannot fill; it supports " + INPUT_IDS + ", " + ATTENTION_MASK
                            + " and " + TOKEN_TYPE_IDS);
                }
            }
            String output = tokenVectorsOutput(session, weights.name(), model.dimension());
            OnnxTextEncoder encoder = new OnnxTextEncoder(model, model.id() + "@sha256:" + weights.sha256(),
                    settings.effectiveBatchSize(), opened.device(), environment, session, tokenizer,
                    inputs.contains(TOKEN_TYPE_IDS), output);
            LOG.info("Loaded encoder {} ({}-d, {} pooling) on {} in {} ms", model.id(), model.dimension(),
                    model.pooling(), opened.device(), (System.nanoTime() - start) / 1_000_000);
            return encoder;
        } catch (OrtException e) {
            closeQuietly(session, tokenizer);
            throw new ModelException("ONNX Runtime could not open model file " + weights.name() + " ("
                    + weights.location() + "): " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(session, tokenizer);
            throw e;
        }
    }

    private static HuggingFaceTokenizer openTokenizer(EncoderModel model, VerifiedFile vocabulary, int maxTokens) {
        // Padding off (we pad per batch, to the batch's longest text); truncation at the model's positions.
        Map<String, String> options = Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens),
                "modelMaxLength", Integer.toString(EncoderModel.MAX_POSITIONS),
                "addSpecialTokens", "true");
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(vocabulary.bytes()), options);
        } catch (IOException | RuntimeException e) {
            throw new ModelException("could not open the tokenizer " + vocabulary.name() + " of encoder model '"
                    + model.id() + "' (" + vocabulary.location() + "): " + e.getMessage(), e);
        }
    }

    /** The output holding one vector per token: {@code last_hidden_state}, else the only rank-3 float output. */
    private static String tokenVectorsOutput(OrtSession session, String file, int dimension) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo info && info.getShape().length == 3) {
                long last = info.getShape()[2];
                if (last == dimension || last < 0) {
                    candidates.add(e.getKey());
                }
            }
        }
        if (candidates.contains(PREFERRED_OUTPUT)) {
            return PREFERRED_OUTPUT;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ModelException("model file " + file + " has no single [batch, tokens, " + dimension
                + "] output to pool; its outputs are " + outputs.keySet());
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public float[] encode(String text) {
        if (text == null) {
            throw new InvalidInputException("text to encode must not be null");
        }
        return encodeAll(List.of(text))[0];
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        if (texts == null) {
            throw new InvalidInputException("texts to encode must not be null");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new InvalidInputException("text " + i + " of " + texts.size() + " to encode is null");
            }
        }
        float[][] vectors = new float[texts.size()][];
        if (texts.isEmpty()) {
            return vectors;
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ModelException("encoder " + model.id() + " is closed");
            }
            Encoding[] encodings = tokenizer.batchEncode(texts);
            // Sorting by length makes each batch nearly uniform, so padding (wasted compute) stays small.
            Integer[] order = new Integer[texts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(order.length, from + batchSize);
                runBatch(encodings, order, from, to, vectors);
            }
            return vectors;
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed to run encoder " + model.id() + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Tokens the model sees for {@code text}, special tokens included, after truncation. */
    int tokenCount(String text) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ModelException("encoder " + model.id() + " is closed");
            }
            return tokenizer.encode(text).getIds().length;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Runs the texts {@code order[from..to)} as one right-padded batch and writes their vectors. */
    private void runBatch(Encoding[] encodings, Integer[] order, int from, int to, float[][] vectors)
            throws OrtException {
        int rows = to - from;
        int padded = 0;
        for (int r = 0; r < rows; r++) {
            padded = Math.max(padded, encodings[order[from + r]].getIds().length);
        }
        long[] ids = new long[rows * padded];     // pad id 0 ([PAD]); masked out, so its value is irrelevant
        long[] mask = new long[rows * padded];
        long[] types = new long[rows * padded];   // single-segment input: all zero
        int[] lengths = new int[rows];
        for (int r = 0; r < rows; r++) {
            long[] tokenIds = encodings[order[from + r]].getIds();
            lengths[r] = tokenIds.length;
            System.arraycopy(tokenIds, 0, ids, r * padded, tokenIds.length);
            Arrays.fill(mask, r * padded, r * padded + tokenIds.length, 1L);
        }
        long[] shape = {rows, padded};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = takesTokenTypes
                     ? OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put(INPUT_IDS, idsTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (typesTensor != null) {
                inputs.put(TOKEN_TYPE_IDS, typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName))) {
                OnnxValue value = result.get(outputName).orElseThrow(
                        () -> new ModelException("encoder " + model.id() + " returned no '" + outputName + "'"));
                FloatBuffer hidden = ((OnnxTensor) value).getFloatBuffer();
                int dimension = model.dimension();
                if (hidden.remaining() != (long) rows * padded * dimension) {
                    throw new ModelException("encoder " + model.id() + " returned " + hidden.remaining()
                            + " floats for a [" + rows + ", " + padded + ", " + dimension + "] batch");
                }
                for (int r = 0; r < rows; r++) {
                    float[] vector = new float[dimension];
                    model.pooling().poolInto(hidden, r, padded, lengths[r], dimension, vector);
                    vectors[order[from + r]] = UnitVectors.normaliseInPlace(vector);
                }
            }
        }
    }

    /** Frees the session and the tokenizer; waits for running calls; a second call does nothing. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(session, tokenizer);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static void closeQuietly(OrtSession session, HuggingFaceTokenizer tokenizer) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("ONNX Runtime failed to free an encoder session: {}", e.getMessage());
            }
        }
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "OnnxTextEncoder[" + modelId + ", " + device + ", batch " + batchSize + "]";
    }
}
