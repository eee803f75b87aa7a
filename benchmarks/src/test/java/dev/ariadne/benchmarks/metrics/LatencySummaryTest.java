package dev.ariadne.benchmarks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void nearestRankPercentilesOfOneToHundredMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[99 - i] = (i + 1) * 1_000_000L; // reversed: the summary must sort
        }
        LatencySummary s = LatencySummary.ofNanos(nanos);
        assertEquals(100, s.count());
        assertEquals(50.0, s.p50Ms(), 1e-9);
        assertEquals(95.0, s.p95Ms(), 1e-9);
        assertEquals(99.0, s.p99Ms(), 1e-9);
        assertEquals(100.0, s.maxMs(), 1e-9);
        assertEquals(50.5, s.meanMs(), 1e-9);
    }

    @Test
    void smallSamples() {
        LatencySummary one = LatencySummary.ofNanos(new long[] {7_000_000});
        assertEquals(7.0, one.p50Ms(), 1e-9);
        assertEquals(7.0, one.p99Ms(), 1e-9);
        // {1,2,3}: p50 = ceil(1.5) = 2nd smallest; p95 = ceil(2.85) = 3rd.
        LatencySummary three = LatencySummary.ofNanos(new long[] {3_000_000, 1_000_000, 2_000_000});
        assertEquals(2.0, three.p50Ms(), 1e-9);
        assertEquals(3.0, three.p95Ms(), 1e-9);
        assertEquals(LatencySummary.EMPTY, LatencySummary.ofNanos(new long[0]));
    }

    @Test
    void vmHwmIsParsedFromProcStatus() {
        assertEquals(OptionalLong.of(123_456L * 1024), PeakMemory.parseVmHwm(
                List.of("Name:\tjava", "VmPeak:\t 999999 kB", "VmHWM:\t  123456 kB", "VmRSS:\t 100 kB")));
        assertEquals(OptionalLong.empty(), PeakMemory.parseVmHwm(List.of("Name:\tjava")));
        PeakMemory now = PeakMemory.now();
        assertTrue(now.peakHeapBytes() > 0);
    }
}
