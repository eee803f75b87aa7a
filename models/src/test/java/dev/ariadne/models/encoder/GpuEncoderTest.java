package dev.ariadne.models.encoder;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Needs a CUDA machine and the {@code onnxruntime_gpu} runtime: {@code mvn -Pgpu -pl models test
 * -Dgroups=gpu}. Checks the encoder really runs on CUDA and agrees with the CPU.
 */
@Tag("gpu")
class GpuEncoderTest {

    static boolean gpuVisible() {
        return Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/proc/driver/nvidia/version"));
    }

    @Test
    void runsOnCudaAndAgreesWithCpu() {
        assertTrue(gpuVisible(), "this test needs an NVIDIA GPU");
        List<String> texts = SampleTexts.random(2, 64);
        try (TextEncoder gpu = TextEncoders.builder().model(EncoderModel.BGE_SMALL_EN_V15_Q).device(Device.CUDA).build();
             TextEncoder cpu = TextEncoders.builder().model(EncoderModel.BGE_SMALL_EN_V15_Q).build()) {
            assertEquals(Device.CUDA, gpu.device(), "CUDA provider did not load; see the log line above");
            float[][] g = gpu.encodeAll(texts);
            float[][] c = cpu.encodeAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                double cos = VectorAssertions.dot(g[i], c[i]);
                assertTrue(cos > 0.99, "text " + i + ": GPU/CPU cosine " + cos);
            }
        }
    }
}
