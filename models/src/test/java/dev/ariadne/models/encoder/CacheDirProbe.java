package dev.ariadne.models.encoder;

import java.nio.file.Path;

/** Run in a fresh JVM by {@link NativeCacheDirTest}: loads an encoder with a cache folder ({@code -}: the default). */
public final class CacheDirProbe {
    private CacheDirProbe() {
    }

    public static void main(String[] args) {
        TextEncoders.Builder builder = TextEncoders.builder().model(EncoderModel.ALL_MINILM_L6_V2_Q).threads(1);
        if (!args[0].equals("-")) {
            builder.cacheDir(Path.of(args[0]));
        }
        try (TextEncoder encoder = builder.build()) {
            System.out.println("probe-ok " + encoder.encode("who directed X").length);
        }
    }
}
