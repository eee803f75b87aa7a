package dev.ariadne.models.encoder;

import java.nio.file.Path;

/** Run in a fresh JVM by {@link NativeCacheDirTest}: loads an encoder with a cache folder, prints one value. */
public final class CacheDirProbe {
    private CacheDirProbe() {
    }

    public static void main(String[] args) {
        try (TextEncoder encoder = TextEncoders.builder().model(EncoderModel.ALL_MINILM_L6_V2_Q).threads(1)
                .cacheDir(Path.of(args[0])).build()) {
            System.out.println("probe-ok " + encoder.encode("who directed X").length);
        }
    }
}
