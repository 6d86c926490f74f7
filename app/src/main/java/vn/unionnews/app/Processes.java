package vn.unionnews.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** This process's own cost, as {@code load} prints it: CPU time and peak resident memory. */
final class Processes {
    private static final Path STATUS = Path.of("/proc/self/status");

    private Processes() {
    }

    /** CPU time of every thread of this process so far, in nanoseconds; -1 where the JVM cannot tell. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The peak resident set size ({@code VmHWM} of Linux's {@code /proc/self/status}), or "unknown" elsewhere. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%d MB", kilobytes / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an unexpected format: say so below
        }
        return "unknown";
    }
}
