package dev.ariadne.models.encoder;

import dev.ariadne.core.error.ModelException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs native model initialisation on a thread of its own with a large stack. ONNX Runtime 1.29's
 * native initialisation overflows small Java thread stacks on some machines and kills the JVM with a
 * segmentation fault (measured here: crashes with -Xss4m, fine with -Xss16m); CLI main threads and Neo4j
 * procedure threads have such stacks. Inference afterwards runs on any thread.
 */
final class LargeStackInit {
    static final long STACK_BYTES = 64L << 20;

    private LargeStackInit() {
    }

    static <T> T run(String what, Supplier<T> init) {
        AtomicReference<T> made = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                made.set(init.get());
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "ariadne-" + what + "-init", STACK_BYTES);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while loading the " + what, e);
        }
        Throwable e = failed.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new ModelException("cannot load the " + what + ": " + e.getMessage(), e);
        }
        return made.get();
    }
}
