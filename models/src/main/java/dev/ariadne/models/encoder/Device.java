package dev.ariadne.models.encoder;

/** Where ONNX Runtime runs the encoder. */
public enum Device {
    /** The default: ONNX Runtime's CPU execution provider, available in every build. */
    CPU,
    /**
     * ONNX Runtime's CUDA execution provider. Needs the {@code onnxruntime_gpu} runtime on the classpath
     * (Maven profile {@code gpu}) and a CUDA-capable machine; an encoder that asks for it and cannot have
     * it runs on the CPU and says so in one log line.
     */
    CUDA
}
