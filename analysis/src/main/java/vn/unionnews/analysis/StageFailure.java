package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception a stage raised on one input, told so that a user can report it: the stage, the input, the
 * exception's class and message, and where it was thrown ({@link #describe}). Never a bare "null".
 */
public final class StageFailure extends RuntimeException {
    private static final int MAX_CAUSES = 10;
    private static final int MAX_REASON = 2000;

    /**
     * @param stage what failed: "parse", "enrich", "summarise", "alerts", a command
     * @param input the article id, page, file or line it failed on, or null when unknown
     */
    public StageFailure(String stage, String input, Throwable cause) {
        super(stage + " failed" + (input == null ? "" : " on " + input) + ": " + describe(cause), cause);
    }

    /**
     * The exception's class, its message and its causes' ({@link #messages}), and where it was thrown
     * ({@link #thrownAt}): "java.lang.NullPointerException at
     * vn.unionnews.analysis.Enricher.reporter(Enricher.java:104)". A {@code NullPointerException} from
     * {@code Objects.requireNonNull} or {@code Set.of(…).contains(null)} has no message; its class and place still
     * say what happened.
     */
    public static String describe(Throwable error) {
        String at = thrownAt(error);
        boolean told = error.getMessage() != null || error.getCause() != null;
        return error.getClass().getName() + (told ? ": " + messages(error) : "") + (at == null ? "" : " at " + at);
    }

    /**
     * The message of the exception and of each cause that adds to it, "outer <- inner"; one without a message is
     * named by its class.
     */
    public static String messages(Throwable error) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t : chain(error)) {
            if (reason.length() >= MAX_REASON) {
                break;
            }
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.length() == 0 ? "" : " <- ").append(message);
            }
        }
        return reason.toString();
    }

    /**
     * Where the innermost cause was thrown: its first frame outside the JDK ({@code Objects.requireNonNull} is not
     * where the bug is), or null when the exception carries no stack trace.
     */
    public static String thrownAt(Throwable error) {
        List<Throwable> chain = chain(error);
        StackTraceElement[] trace = chain.get(chain.size() - 1).getStackTrace();
        for (StackTraceElement frame : trace) {
            String name = frame.getClassName();
            if (!name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jdk.")
                    && !name.startsWith("sun.")) {
                return frame.toString();
            }
        }
        return trace.length == 0 ? null : trace[0].toString();
    }

    /** The exception and its causes, outermost first; a few deep at most, since a chain may loop. */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < MAX_CAUSES && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
