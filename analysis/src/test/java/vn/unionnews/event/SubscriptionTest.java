package vn.unionnews.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private static Subscription subscription(String id, List<String> topics, List<String> keywords, double minScore,
                                             String severity) {
        return new Subscription(Subscription.SCHEMA_VERSION, id, topics, List.of(), List.of("Bình Dương"), keywords,
                minScore, severity);
    }

    @Test
    void aSubscriptionAUserMayAddPassesAsItIs() {
        Subscription ok = subscription(Subscription.newId(), List.of("disputes"), List.of("nợ lương"), 0.35, "critical");

        assertEquals(ok, ok.checked());
        assertTrue(ok.id().matches("sub-[0-9a-f]{8}"), ok.id());
    }

    @Test
    void refusesWhatWouldMatchEveryArticleOrNothingSensible() {
        List<Subscription> refused = List.of(
                subscription("sub-1", List.of("strikes"), List.of(), 0.35, "warning"),
                subscription("sub-1", List.of("disputes"), List.of(" "), 0.35, "warning"),
                subscription("sub-1", List.of("disputes"), List.of(), Double.NaN, "warning"),
                subscription("sub-1", List.of("disputes"), List.of(), 1.5, "warning"),
                subscription("sub-1", List.of("disputes"), List.of(), 0.35, "urgent"),
                subscription("a/b", List.of("disputes"), List.of(), 0.35, "warning"),
                subscription("x".repeat(65), List.of("disputes"), List.of(), 0.35, "warning"),
                new Subscription(Subscription.SCHEMA_VERSION, "sub-1", List.of(), List.of(), List.of(), List.of(), 0.35,
                        "warning"));
        for (Subscription subscription : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, subscription::checked,
                    subscription.toString());
            assertTrue(e.getMessage().length() > 20, e.getMessage());
        }
    }
}
