package dev.ariadne.engine;

import dev.ariadne.core.error.ModelException;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates the default text encoder on a thread of its own with a large stack. ONNX Runtime 1.29's
 * native initialisation overflows a default 1 MiB Java thread stack on some machines and kills the JVM
 * with a segmentation fault (measured here: crashes with -Xss4m, fine with -Xss16m); Neo4j's procedure
 * threads and the CLI's main thread have such stacks. Inference afterwards runs on any thread.
 */
public final class Encoders {
    static final long INIT_STACK_BYTES = 64L << 20;

    private Encoders() {
    }

    /** {@link TextEncoders#defaultEncoder()}, created on a 64 MiB-stack thread. */
    public static TextEncoder createDefault() {
        AtomicReference<TextEncoder> made = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                made.set(TextEncoders.defaultEncoder());
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "ariadne-encoder-init", INIT_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while loading the text encoder", e);
        }
        Throwable e = failed.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new ModelException("cannot load the text encoder: " + e.getMessage(), e);
        }
        return made.get();
    }
}
