package dev.ariadne.models.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ariadne.core.error.ModelException;
import dev.ariadne.models.verbalise.PathVerbaliser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A trained planner: its manifest and weights, saved as ONE file:
 *
 * <pre>
 *   "ARIADNE-PLANNER\n"              16 ASCII bytes
 *   int32 (big-endian)               manifest length in bytes
 *   manifest                         UTF-8 JSON ({@link PlannerManifest})
 *   float32 little-endian            W, A_1..A_2H, B_1..B_2H, l_1..l_H, b, then per role (2):
 *                                    C, D, position logits (see {@link PlannerWeights})
 *   int32 big-endian                 number of relation-pair priors, then per pair:
 *     modified UTF-8 (DataOutput)    the pair "r1,r2"
 *     float32 big-endian             its prior
 * </pre>
 *
 * Loading checks the magic, the format and verbaliser versions and the weights' sha256.
 */
public final class TrainedPlanner {
    static final byte[] MAGIC = "ARIADNE-PLANNER\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PlannerManifest manifest;
    private final PlannerWeights weights;

    private TrainedPlanner(PlannerManifest manifest, PlannerWeights weights) {
        this.manifest = manifest;
        this.weights = weights;
    }

    /** Pairs a manifest with weights; the manifest's weights checksum is (re)computed here. */
    public static TrainedPlanner of(PlannerManifest manifest, PlannerWeights weights) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(weights, "weights");
        if (manifest.dimension() != weights.dim() || manifest.maxHops() != weights.maxHops()
                || manifest.hopRank() != weights.rank()) {
            throw new ModelException("manifest says dimension " + manifest.dimension() + " / maxHops " + manifest.maxHops()
                    + " / rank " + manifest.hopRank() + " but the weights are " + weights.dim() + " / " + weights.maxHops()
                    + " / " + weights.rank());
        }
        return new TrainedPlanner(manifest.withWeightsSha256(sha256(weightBytes(weights))), weights);
    }

    public PlannerManifest manifest() {
        return manifest;
    }

    public PlannerWeights weights() {
        return weights;
    }

    /** Writes the planner file atomically (a temporary file next to it, then a move). */
    public void save(Path file) {
        byte[] w = weightBytes(weights);
        byte[] m;
        try {
            m = JSON.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new ModelException("cannot serialise planner manifest: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            // not Files.createTempFile: its owner-only permissions would stick to the moved file
            Path tmp = (dir == null ? Path.of(".") : dir).resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DataOutputStream out = new DataOutputStream(os)) {
                out.write(MAGIC);
                out.writeInt(m.length);
                out.write(m);
                out.write(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelException("cannot write planner file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a planner file written by {@link #save}; every inconsistency is a {@link ModelException}. */
    public static TrainedPlanner load(Path file) {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(is)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new ModelException(file + " is not an Ariadne planner file (bad magic header)");
            }
            int len = in.readInt();
            if (len <= 0 || len > 64 << 20) {
                throw new ModelException(file + ": corrupt planner file (manifest length " + len + ")");
            }
            byte[] m = new byte[len];
            in.readFully(m);
            // the format first: an older manifest may not even parse as this one
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(m);
            int format = tree == null ? -1 : tree.path("formatVersion").asInt(-1);
            if (format != PlannerManifest.FORMAT_VERSION) {
                throw new ModelException(file + ": planner file format " + format
                        + ", this Ariadne reads format " + PlannerManifest.FORMAT_VERSION + "; retrain the planner");
            }
            PlannerManifest manifest = JSON.treeToValue(tree, PlannerManifest.class);
            if (manifest.verbaliserVersion() != PathVerbaliser.VERSION) {
                throw new ModelException(file + ": trained with path verbaliser version " + manifest.verbaliserVersion()
                        + " but this Ariadne verbalises with version " + PathVerbaliser.VERSION + "; retrain the planner");
            }
            int d = manifest.dimension();
            int h = manifest.maxHops();
            int k = manifest.hopRank();
            if (d <= 0 || h <= 0 || k <= 0 || d > 8192 || h > 16 || k > d) {
                throw new ModelException(file + ": implausible dimension " + d + " / maxHops " + h + " / rank " + k);
            }
            long floats = PlannerWeights.parameterCount(d, h, k);
            byte[] w = in.readAllBytes();
            if (w.length < floats * 4 + 4) {
                throw new ModelException(file + ": truncated planner file (" + w.length + " weight bytes, expected at least "
                        + (floats * 4 + 4) + ")");
            }
            String sha = sha256(w);
            if (!sha.equals(manifest.weightsSha256())) {
                throw new ModelException(file + ": weights sha256 " + sha + " does not match the manifest's "
                        + manifest.weightsSha256() + " (file corrupted)");
            }
            return new TrainedPlanner(manifest, readWeights(w, d, h, k));
        } catch (EOFException e) {
            throw new ModelException(file + ": truncated planner file", e);
        } catch (IOException e) {
            throw new ModelException("cannot read planner file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] weightBytes(PlannerWeights w) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(denseBytes(w));
            out.writeInt(w.pairPriors().size());
            for (java.util.Map.Entry<String, Float> e : w.pairPriors().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeFloat(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] denseBytes(PlannerWeights w) {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(w.parameterCount() * 4)).order(ByteOrder.LITTLE_ENDIAN);
        java.nio.FloatBuffer fb = buf.asFloatBuffer();
        fb.put(w.wholeMatrix());
        for (int s = 0; s < 2 * w.maxHops(); s++) {
            fb.put(w.slotA(s));
        }
        for (int s = 0; s < 2 * w.maxHops(); s++) {
            fb.put(w.slotB(s));
        }
        for (int i = 0; i < w.maxHops(); i++) {
            fb.put(w.lengthWeights(i));
        }
        fb.put(w.lengthBiases());
        for (int r = 0; r < PlannerWeights.ROLES; r++) {
            fb.put(w.roleC(r));
            fb.put(w.roleD(r));
            fb.put(w.roleAlpha(r));
        }
        return buf.array();
    }

    private static PlannerWeights readWeights(byte[] bytes, int d, int h, int k) throws IOException {
        int dense = Math.toIntExact(PlannerWeights.parameterCount(d, h, k) * 4);
        java.nio.FloatBuffer fb = ByteBuffer.wrap(bytes, 0, dense).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] whole = new float[d * d];
        fb.get(whole);
        float[][] a = new float[2 * h][d * k];
        float[][] b = new float[2 * h][d * k];
        float[][] l = new float[h][d];
        float[] bias = new float[h];
        for (float[] x : a) {
            fb.get(x);
        }
        for (float[] x : b) {
            fb.get(x);
        }
        for (float[] x : l) {
            fb.get(x);
        }
        fb.get(bias);
        int roles = PlannerWeights.ROLES;
        float[][] rc = new float[roles][d * k];
        float[][] rd = new float[roles][d * k];
        float[][] ra = new float[roles][QuestionWords.BUCKETS];
        for (int r = 0; r < roles; r++) {
            fb.get(rc[r]);
            fb.get(rd[r]);
            fb.get(ra[r]);
        }
        java.util.Map<String, Float> pairs = new java.util.TreeMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, dense, bytes.length - dense))) {
            int n = in.readInt();
            if (n < 0 || n > 50_000_000) {
                throw new ModelException("corrupt planner file: " + n + " relation-pair priors");
            }
            for (int i = 0; i < n; i++) {
                pairs.put(in.readUTF(), in.readFloat());
            }
            if (in.read() != -1) {
                throw new ModelException("corrupt planner file: trailing bytes after the weights");
            }
        }
        return PlannerWeights.of(d, h, k, whole, a, b, l, bias, pairs, rc, rd, ra);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
