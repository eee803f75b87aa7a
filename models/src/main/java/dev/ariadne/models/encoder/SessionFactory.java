package dev.ariadne.models.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the ONNX Runtime session on the requested device. A CUDA request that cannot be met (a CPU-only
 * runtime jar, no GPU, a driver or cuDNN that does not load) falls back to the CPU with one warning that
 * says why, so a laptop and a GPU server can share one configuration.
 */
final class SessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    /** An open session and the device it really runs on. */
    record Opened(OrtSession session, Device device) {
    }

    private SessionFactory() {
    }

    static Opened open(OrtEnvironment environment, VerifiedFile weights, TextEncoders.Builder settings)
            throws OrtException {
        if (settings.device() == Device.CUDA) {
            try {
                NativeLibraryCache.prepareCudaProvider();
                try (OrtSession.SessionOptions options = cpuOptions(settings)) {
                    options.addCUDA(settings.cudaDeviceId());
                    return new Opened(environment.createSession(weights.bytes(), options), Device.CUDA);
                }
            } catch (OrtException | RuntimeException | LinkageError e) {
                LOG.warn("CUDA execution provider unavailable for encoder {} ({}); falling back to CPU",
                        settings.model().id(), oneLine(e));
            }
        }
        try (OrtSession.SessionOptions options = cpuOptions(settings)) {
            return new Opened(environment.createSession(weights.bytes(), options), Device.CPU);
        }
    }

    private static OrtSession.SessionOptions cpuOptions(TextEncoders.Builder settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // One graph node at a time, each spread over the intra-op threads (0 = one per core).
            options.setInterOpNumThreads(1);
            options.setIntraOpNumThreads(settings.threads());
            String spin = settings.spinWait() ? "1" : "0";
            options.addConfigEntry("session.intra_op.allow_spinning", spin);
            options.addConfigEntry("session.inter_op.allow_spinning", spin);
            // Spin only while a run is active: idle threads stop as the last concurrent run returns, so
            // between questions the encoder takes no CPU from the database or other requests.
            options.addConfigEntry("session.force_spinning_stop", "1");
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
