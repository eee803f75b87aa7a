package dev.ariadne.models.encoder;

import ai.onnxruntime.OrtEnvironment;
import dev.ariadne.core.error.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Points the native libraries of ONNX Runtime and of the DJL tokenizer at a writable folder of the
 * caller's choosing, instead of {@code java.io.tmpdir} (ONNX Runtime, extracted again in every JVM) and
 * {@code ~/.djl.ai} (DJL). Both libraries read their settings once, when they first load, so this must
 * run before the first encoder is created; it is JVM-wide, and the first folder given wins.
 *
 * <ul>
 *   <li>ONNX Runtime 1.29 loads its libraries from the folder named by the system property
 *       {@code onnxruntime.native.path}, provider libraries (CUDA) included, and then extracts nothing.
 *       We copy the libraries out of the runtime jar into {@code <cache>/onnxruntime/<version>-<flavour>/}
 *       once and set that property.</li>
 *   <li>DJL extracts {@code libtokenizers} under {@code ENGINE_CACHE_DIR} (environment variable first,
 *       then system property), else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}. We set the system
 *       property {@code ENGINE_CACHE_DIR=<cache>/djl}. We also pin {@code RUST_FLAVOR=cpu}: on a machine
 *       with CUDA, DJL would otherwise try to download a CUDA build of the tokenizer, which fails offline
 *       and buys nothing (tokenising runs on the CPU either way).</li>
 * </ul>
 * A property or environment variable the user set explicitly is always left alone.
 */
final class NativeLibraryCache {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);

    static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    static final String DJL_ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    static final String DJL_RUST_FLAVOR = "RUST_FLAVOR";

    private static final String ORT_CORE = "onnxruntime";
    private static final String ORT_JNI = "onnxruntime4j_jni";
    private static final String ORT_SHARED_PROVIDERS = "onnxruntime_providers_shared";
    private static final String ORT_CUDA_PROVIDER = "onnxruntime_providers_cuda";

    /** The folder we set {@code onnxruntime.native.path} to, if we did; guarded by the class lock. */
    private static Path ortFolder;
    /** Whether a folder was configured (or the default tried) in this JVM; guarded by the class lock. */
    private static boolean configured;

    private NativeLibraryCache() {
    }

    /**
     * The folder used when the caller names none: {@code ~/.cache/ariadne/native}. Without one, ONNX
     * Runtime extracts 28 MB into a fresh {@code java.io.tmpdir/onnxruntime-java*} folder in every JVM
     * and, as seen on the development machine (177 such folders, 1.7 GB, after an hour of test runs),
     * does not always manage to delete it. A folder in the user's home is not shared with other users,
     * so no one else can plant a library there.
     */
    static Path defaultFolder() {
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "ariadne", "native");
    }

    /** Like {@link #configure(Path)} on {@link #defaultFolder()}, but a folder that cannot be used is skipped. */
    static synchronized void configureDefault() {
        if (configured) {
            return;
        }
        Path folder = defaultFolder();
        if (folder == null) {
            return;
        }
        try {
            configure(folder);
        } catch (ModelException e) {
            configured = true; // do not retry on every encoder
            LOG.debug("default native-library folder unusable ({}); ONNX Runtime and DJL use their own defaults",
                    e.getMessage());
        }
    }

    /** Sets the JVM-wide native-library folders below {@code cacheDir}, unless the user or an earlier call did. */
    static synchronized void configure(Path cacheDir) {
        configured = true;
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new ModelException("encoder cache folder " + cacheDir.toAbsolutePath() + " cannot be created: "
                    + e.getMessage(), e);
        }
        if (!Files.isWritable(cacheDir)) {
            throw new ModelException("encoder cache folder " + cacheDir.toAbsolutePath() + " is not writable");
        }
        configureDjl(cacheDir);
        configureOnnxRuntime(cacheDir);
    }

    /**
     * Makes sure the CUDA provider library sits next to the ONNX Runtime core library when we chose
     * that folder (ONNX Runtime looks for providers beside its own library). Returns quietly when the
     * runtime jar holds no CUDA provider: adding the provider then fails and the encoder falls back.
     */
    static synchronized void prepareCudaProvider() {
        if (ortFolder != null) {
            extract(ORT_CUDA_PROVIDER, ortFolder);
        }
    }

    private static void configureDjl(Path cacheDir) {
        if (isSet(DJL_ENGINE_CACHE_DIR) || isSet(DJL_CACHE_DIR)) {
            LOG.debug("DJL cache folder already set by the user; leaving it");
        } else {
            System.setProperty(DJL_ENGINE_CACHE_DIR, cacheDir.resolve("djl").toAbsolutePath().toString());
        }
        if (!isSet(DJL_RUST_FLAVOR)) {
            System.setProperty(DJL_RUST_FLAVOR, "cpu");
        }
    }

    private static void configureOnnxRuntime(Path cacheDir) {
        if (ortFolder != null) {
            return;
        }
        if (System.getProperty(ORT_NATIVE_PATH) != null) {
            LOG.debug("{} already set to {}; leaving it", ORT_NATIVE_PATH, System.getProperty(ORT_NATIVE_PATH));
            return;
        }
        if (resource(ORT_CORE) == null) {
            LOG.debug("no ONNX Runtime library inside the runtime jar; ONNX Runtime finds its own");
            return;
        }
        String version = OrtEnvironment.class.getPackage().getImplementationVersion(); // no class init
        String flavour = resource(ORT_CUDA_PROVIDER) != null ? "gpu" : "cpu";
        Path folder = cacheDir.resolve("onnxruntime").resolve((version == null ? "unknown" : version) + "-" + flavour
                + "-" + osArch());
        for (String library : List.of(ORT_CORE, ORT_JNI, ORT_SHARED_PROVIDERS)) {
            extract(library, folder);
        }
        System.setProperty(ORT_NATIVE_PATH, folder.toAbsolutePath().toString());
        ortFolder = folder;
        LOG.debug("ONNX Runtime loads its native libraries from {}", folder);
    }

    /** Copies one library out of the runtime jar unless an identical-sized copy is already there. */
    private static void extract(String library, Path folder) {
        URL url = resource(library);
        if (url == null) {
            return;
        }
        Path target = folder.resolve(fileName(library));
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
                return;
            }
            Files.createDirectories(folder);
            // Several JVMs may share the folder: write privately, then move into place in one step.
            Path partial = Files.createTempFile(folder, fileName(library), ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Another JVM may have won the race and loaded its copy (Windows refuses to replace it).
                Files.deleteIfExists(partial);
                if (!(Files.isRegularFile(target) && size >= 0 && Files.size(target) == size)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new ModelException("could not extract native library " + fileName(library) + " of ONNX Runtime into "
                    + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static URL resource(String library) {
        return OrtEnvironment.class.getResource("/ai/onnxruntime/native/" + osArch() + "/" + fileName(library));
    }

    static String fileName(String library) {
        return System.mapLibraryName(library).replace("jnilib", "dylib");
    }

    /** The platform folder name ONNX Runtime uses inside its jar, e.g. {@code linux-x64}. */
    private static String osArch() {
        String os = System.getProperty("os.name", "generic").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "generic").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String archPart = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") || arch.startsWith("arm64") ? "aarch64" : arch;
        return osPart + "-" + archPart;
    }

    private static boolean isSet(String name) {
        String env = System.getenv(name);
        return (env != null && !env.isBlank()) || System.getProperty(name) != null;
    }
}
