import io.github.paynetsavecard.mock.PaynetMockServer;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the mock takes to start inside a test JVM, as the JUnit extension starts it (the bundled spec, Paynet
 * mode, requests recorded): the first start in a fresh JVM, then later ones. Run by bench/junit-start.sh, which
 * compiles this file and runs it in a new JVM with the standalone jar on the class path; prints one line:
 *   JUNIT first_ms=... later_ms=a,b,c... later_max_ms=...
 * Process start to main() is the JVM's own start, the same for any library, and is not counted.
 */
public final class StartInJvm {
    public static void main(String[] args) {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long first = startAndStop();
        List<Long> laterMs = new ArrayList<>();
        for (int i = 0; i < later; i++) {
            laterMs.add(startAndStop());
        }
        long max = laterMs.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.println("JUNIT first_ms=" + first + " later_ms="
                + String.join(",", laterMs.stream().map(String::valueOf).toList()) + " later_max_ms=" + max);
    }

    private static long startAndStop() {
        long started = System.nanoTime();
        PaynetMockServer server = PaynetMockServer.builder().build().start();
        long ms = (System.nanoTime() - started) / 1_000_000;
        server.close();
        return ms;
    }
}
