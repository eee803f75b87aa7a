package dev.ariadne.models.encoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache folder takes the native libraries of ONNX Runtime and of the DJL tokenizer. Native
 * libraries load once per JVM, so this runs the encoder in a fresh JVM (twice: the second reuses the
 * extracted files).
 */
class NativeCacheDirTest {

    @Test
    void nativeLibrariesAreExtractedIntoTheCacheFolder(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("native cache"); // a space, to be sure paths are not split
        runProbe(cache.toString(), dir, List.of());
        assertLibrariesIn(cache);

        String ortCore = System.mapLibraryName("onnxruntime");
        List<String> files = listFiles(cache);
        Path core = cache.resolve(files.stream().filter(f -> f.endsWith("/" + ortCore)).findFirst().orElseThrow());
        long modified = Files.getLastModifiedTime(core).toMillis();
        runProbe(cache.toString(), dir, List.of());
        assertEquals(modified, Files.getLastModifiedTime(core).toMillis(), "second JVM re-extracted the library");
    }

    @Test
    void withoutACacheFolderTheDefaultIsUnderTheUsersHome(@TempDir Path home) throws Exception {
        runProbe("-", home, List.of("-Duser.home=" + home));
        assertLibrariesIn(home.resolve(".cache/ariadne/native"));
    }

    private static void assertLibrariesIn(Path cache) throws IOException {
        List<String> files = listFiles(cache);
        String ortCore = System.mapLibraryName("onnxruntime");
        String ortJni = System.mapLibraryName("onnxruntime4j_jni");
        String tokenizers = System.mapLibraryName("tokenizers");
        assertTrue(files.stream().anyMatch(f -> f.startsWith("onnxruntime/") && f.endsWith("/" + ortCore)), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("onnxruntime/") && f.endsWith("/" + ortJni)), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("djl/tokenizers/") && f.endsWith("/" + tokenizers)),
                files.toString());
    }

    private static void runProbe(String cache, Path workDir, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Through an @argfile: ONNX Runtime 1.29's native init was seen to crash (SIGSEGV) in JVMs started
        // with a long -cp on the command line (docs/encoder.md, "Known issue").
        Path argFile = workDir.resolve("probe.args");
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        command.add("@" + argFile);
        command.addAll(jvmOptions);
        command.add(CacheDirProbe.class.getName());
        command.add(cache);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        for (String name : List.of(NativeLibraryCache.DJL_CACHE_DIR, NativeLibraryCache.DJL_ENGINE_CACHE_DIR,
                NativeLibraryCache.DJL_RUST_FLAVOR)) {
            builder.environment().remove(name);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("probe-ok 384"), output);
    }

    private static List<String> listFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
