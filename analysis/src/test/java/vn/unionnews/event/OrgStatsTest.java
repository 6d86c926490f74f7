package vn.unionnews.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OrgStatsTest {
    private static final String ORG = "Liên đoàn Lao động tỉnh Bình Dương";
    private static final LocalDate FIRST = LocalDate.parse("2010-01-01");

    private static OrgContribution contribution(String id, String day, List<String> coMentioned) {
        return new OrgContribution(OrgContribution.SCHEMA_VERSION, ORG, "provincial_federation", id, "Tin " + id, day,
                "disputes", List.of("disputes", "wages"), List.of(), coMentioned);
    }

    private static OrgContribution contribution(String id, String day) {
        return contribution(id, day, List.of());
    }

    private static long all(Map<String, Map<String, Long>> buckets) {
        return buckets.values().stream().mapToLong(counts -> counts.get(OrgStats.ALL_TOPICS)).sum();
    }

    private static long counted(OrgStats stats) {
        return all(stats.daily()) + all(stats.months()) + all(stats.years());
    }

    @Test
    void fiveThousandDaysOfHistoryKeepABoundedValue() {
        OrgStats stats = OrgStats.empty();
        for (int day = 0; day < 5_000; day++) {
            stats = stats.plus(contribution("a" + day, FIRST.plusDays(day).toString(), List.of("Công đoàn " + day)));
        }

        LocalDate last = FIRST.plusDays(4_999);
        assertEquals(5_000, stats.articleCount());
        assertEquals(OrgStats.DAILY_DAYS, stats.daily().size());
        assertEquals(last.minusDays(OrgStats.DAILY_DAYS - 1L).toString(), stats.daily().keySet().iterator().next());
        assertTrue(stats.months().size() <= OrgStats.MONTHS + 1, stats.months().keySet().toString());
        assertEquals(List.of("2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020",
                "2021", "2022"), List.copyOf(stats.years().keySet()), "whole years before the months");
        assertEquals(5_000, counted(stats), "every article counts in one bucket");
        assertEquals(365L, stats.years().get("2011").get("wages"), "topics are rolled up too");
        assertEquals(OrgStats.CO_MENTIONS, stats.coMentions().size());
        assertEquals(OrgStats.RECENT, stats.recent().size());
        assertEquals(last.toString(), stats.horizon());
        assertEquals(last.toString(), stats.lastSeen());
        assertEquals("2010-01-01", stats.firstSeen());
    }

    @Test
    void anOldArticleIsTakenBackFromTheBucketItWasRolledUpInto() {
        OrgStats stats = OrgStats.empty().plus(contribution("old", "2012-03-05")).plus(contribution("march", "2012-03-20"));
        assertEquals(2L, stats.daily().values().stream().mapToLong(c -> c.get(OrgStats.ALL_TOPICS)).sum());
        for (int day = 0; day < 200; day++) {
            stats = stats.plus(contribution("n" + day, LocalDate.parse("2012-06-01").plusDays(day).toString()));
        }
        assertEquals(2L, stats.months().get("2012-03").get(OrgStats.ALL_TOPICS), "rolled up into March");

        OrgStats corrected = stats.minus(contribution("old", "2012-03-05"));
        assertEquals(1L, corrected.months().get("2012-03").get(OrgStats.ALL_TOPICS));
        assertEquals(201, corrected.articleCount());

        for (int day = 0; day < 800; day++) {
            stats = stats.plus(contribution("m" + day, LocalDate.parse("2013-01-01").plusDays(day).toString()));
        }
        assertEquals(202L, stats.years().get("2012").get(OrgStats.ALL_TOPICS), "2012 now counts by year");
        OrgStats retracted = stats.minus(contribution("old", "2012-03-05"));
        assertEquals(201L, retracted.years().get("2012").get(OrgStats.ALL_TOPICS));
        assertEquals(counted(stats) - 1, counted(retracted));
    }

    @Test
    void aNewerArticleMovesTheDaysOutOfTheDailyPeriodWhileASubtractionDoesNot() {
        OrgStats stats = OrgStats.empty().plus(contribution("a", "2020-01-01"));
        OrgStats later = stats.plus(contribution("b", "2020-06-01"));
        assertEquals(List.of("2020-06-01"), List.copyOf(later.daily().keySet()));
        assertEquals(1L, later.months().get("2020-01").get(OrgStats.ALL_TOPICS));

        OrgStats back = later.minus(contribution("b", "2020-06-01"));
        assertEquals("2020-06-01", back.horizon(), "the horizon never moves back");
        assertEquals(Map.of(), back.daily());
        assertEquals(1L, back.months().get("2020-01").get(OrgStats.ALL_TOPICS));
        assertEquals("2020-01-01", back.firstSeen());
        assertEquals("2020-01-31", back.lastSeen(), "the last day of the newest bucket");
    }

    @Test
    void aVersionTwoValueReadsRolledUpWithItsNewestDayAsHorizon() {
        Map<String, Map<String, Long>> daily = new TreeMap<>();
        for (int day = 0; day < 1_000; day++) {
            daily.put(FIRST.plusDays(day).toString(), Map.of(OrgStats.ALL_TOPICS, 2L, "disputes", 1L));
        }
        daily.put("not a day", Map.of(OrgStats.ALL_TOPICS, 5L));

        OrgStats stats = new OrgStats(2, ORG, "provincial_federation", 2_000, null, null, null, daily, null, null,
                null, "2010-01-01", FIRST.plusDays(999).toString(), null);

        assertEquals(FIRST.plusDays(999).toString(), stats.horizon());
        assertEquals(OrgStats.DAILY_DAYS, stats.daily().size());
        assertEquals(2_000, counted(stats), "what is not a day counts nowhere");
        assertEquals(730L, stats.years().get("2010").get(OrgStats.ALL_TOPICS));
    }

    @Test
    void coMentionsKeepTheMostNamedAndNeverGoBelowZero() {
        OrgStats stats = OrgStats.empty();
        List<String> everyone = new ArrayList<>();
        for (int i = 0; i < OrgStats.CO_MENTIONS + 10; i++) {
            everyone.add(String.format("Công đoàn %03d", i));
        }
        stats = stats.plus(contribution("a1", "2024-03-01", everyone));
        stats = stats.plus(contribution("a2", "2024-03-02", everyone.subList(10, everyone.size())));
        assertEquals(OrgStats.CO_MENTIONS, stats.coMentions().size());
        assertEquals(2L, stats.coMentions().get("Công đoàn 010"), "named twice");
        assertEquals(1L, stats.coMentions().get("Công đoàn 000"));
        assertTrue(!stats.coMentions().containsKey("Công đoàn 050"),
                "left out after a1 (fifty came first by name), it counted one again: fewer than those kept");

        OrgStats back = stats.minus(contribution("a1", "2024-03-01", everyone));
        assertEquals(1L, back.coMentions().get("Công đoàn 010"));
        assertTrue(back.coMentions().values().stream().allMatch(count -> count > 0));
        assertEquals(1, back.articleCount());
    }
}
