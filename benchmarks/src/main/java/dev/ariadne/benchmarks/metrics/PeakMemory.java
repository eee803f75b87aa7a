package dev.ariadne.benchmarks.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak memory of this JVM so far.
 *
 * @param peakHeapBytes sum of every heap pool's peak usage: an upper bound on the peak heap in use, since
 *     the pools need not peak at the same moment
 * @param peakRssBytes the process's peak resident set size (Linux {@code VmHWM} in /proc/self/status),
 *     empty where that file does not exist
 */
public record PeakMemory(long peakHeapBytes, OptionalLong peakRssBytes) {

    public static PeakMemory now() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new PeakMemory(heap, readVmHwm(Path.of("/proc/self/status")));
    }

    /** The {@code VmHWM:   12345 kB} line of a /proc status file, in bytes. */
    static OptionalLong readVmHwm(Path status) {
        try {
            return parseVmHwm(Files.readAllLines(status));
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // not Linux, or a kernel that formats the line differently: RSS is then reported as unknown
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseVmHwm(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).strip().split("\\s+");
                long kb = Long.parseLong(parts[0]);
                return OptionalLong.of(kb * 1024);
            }
        }
        return OptionalLong.empty();
    }
}
