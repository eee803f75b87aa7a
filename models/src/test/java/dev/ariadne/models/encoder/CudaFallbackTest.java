package dev.ariadne.models.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** A CUDA request where CUDA cannot be had (CPU runtime jar, or no GPU) runs on the CPU, same results. */
class CudaFallbackTest {

    @Test
    void cudaRequestWithoutCudaFallsBackToCpu() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
                        && GpuEncoderTest.gpuVisible(),
                "skipped: this machine has a working CUDA provider (GpuEncoderTest covers it)");
        try (TextEncoder cuda = TextEncoders.builder().model(EncoderModel.ALL_MINILM_L6_V2_Q)
                .device(Device.CUDA).threads(1).build();
             TextEncoder cpu = TextEncoders.builder().model(EncoderModel.ALL_MINILM_L6_V2_Q).threads(1).build()) {
            assertEquals(Device.CPU, cuda.device());
            VectorAssertions.assertClose(cpu.encode("who acted in X"), cuda.encode("who acted in X"), 0, "cpu vs fallback");
        }
    }
}
