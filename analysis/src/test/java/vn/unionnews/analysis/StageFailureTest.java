package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StageFailureTest {
    @Test
    void namesTheStageTheInputTheExceptionAndWhereOurCodeThrewIt() {
        // Set.of(…).contains(null) throws from inside the JDK, without a message: the bug of issue 11.
        Set<String> types = Set.of("provincial_federation", "district_federation", "grassroots_union");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> types.contains(null));

        String message = new StageFailure("enrich", "article 4a0bff4b41481ed2", npe).getMessage();

        assertTrue(message.startsWith("enrich failed on article 4a0bff4b41481ed2: java.lang.NullPointerException at "
                + StageFailureTest.class.getName() + "."), message);
    }

    @Test
    void tellsTheMessagesOfEveryCause() {
        Exception error = new IllegalStateException("Cannot enrich article a1",
                new IllegalArgumentException("no sentence in the body", new ArithmeticException("/ by zero")));

        assertTrue(StageFailure.describe(error).startsWith("java.lang.IllegalStateException: Cannot enrich article a1"
                + " <- no sentence in the body <- / by zero at " + StageFailureTest.class.getName()),
                StageFailure.describe(error));
        assertEquals("NullPointerException", StageFailure.messages(new NullPointerException()));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner", outer);
        outer.initCause(inner);

        assertEquals("outer <- inner", StageFailure.messages(outer));
    }
}
