package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.unionnews.analysis.StageFailure;

/** The last-resort handler: what a user sees when a command fails in a way it did not answer itself. */
class UnionNewsTest {
    @Command(name = "failing")
    private record Failing(RuntimeException failure) implements Callable<Integer> {
        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static String reported(RuntimeException failure) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Failing(failure)).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(UnionNews::reportFailure).execute();
        assertEquals(2, exit);
        return err.toString().strip();
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClassAndWhereItWasThrown() {
        String line = reported(new NullPointerException());

        assertTrue(line.startsWith("union-news: java.lang.NullPointerException at " + UnionNewsTest.class.getName()
                + ".anExceptionWithoutAMessageIsNamedByItsClassAndWhereItWasThrown(UnionNewsTest.java:"), line);
        assertFalse(line.contains("null"), line);
    }

    @Test
    void anExceptionTheCommandWrappedNamesTheStepAndTheInput() {
        String line = reported(new StageFailure("analyze", "stdin:3", new IllegalStateException("no summary")));

        assertTrue(line.startsWith("union-news: analyze failed on stdin:3: java.lang.IllegalStateException: no summary"
                + " at " + UnionNewsTest.class.getName() + ".anExceptionTheCommandWrappedNamesTheStepAndTheInput("), line);
    }

    @Test
    void aUsersMistakeIsToldByItsMessageAlone() {
        assertEquals("union-news: no such file pages/gold.jsonl",
                reported(new IllegalArgumentException("no such file pages/gold.jsonl")));
    }
}
