package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.unionnews.analysis.Analysis;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.analysis.MetricExtractor;
import vn.unionnews.analysis.TopicClassifier;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.DeadLetter;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.Metric;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.RetractionEvent;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.event.Subscription;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.event.TopicScore;
import vn.unionnews.kafka.Topics;
import vn.unionnews.page.Provinces;
import vn.unionnews.text.LanguageData;

/**
 * docs/CONTRACT.md and docs/TAXONOMY.md kept in step with the code: every topic, every field of every event and
 * of analyze's output is documented in its section, and the taxonomy lists exactly the ids the code gives.
 */
class DocsTest {
    private static final Pattern TABLE_ID = Pattern.compile("^\\| `([^`]+)` \\|");
    /** The type argument closing a canonical organisation: {@code new Org(name, "party")}. */
    private static final Pattern ORG_TYPE_LITERAL = Pattern.compile(",\\s*\"([a-z_]+)\"\\)");

    /** Each event record and the CONTRACT.md section that must name all its fields. */
    private static final Map<Class<? extends Record>, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(ArticleEvent.class, "### `articles`");
        SECTIONS.put(EnrichedArticle.class, "### `articles.enriched`");
        SECTIONS.put(OrgStats.class, "### `org-stats` and `province-stats`");
        SECTIONS.put(OrgStats.ArticleRef.class, "### `org-stats` and `province-stats`");
        SECTIONS.put(SummaryEvent.class, "### `output`");
        SECTIONS.put(AlertEvent.class, "### `output`");
        SECTIONS.put(RetractionEvent.class, "### `output`");
        SECTIONS.put(Subscription.class, "### `subscriptions`");
        SECTIONS.put(DeadLetter.class, "### `dlq`");
        SECTIONS.put(OrgContribution.class, "### Internal: `OrgContribution`");
        SECTIONS.put(SourceOrg.class, "### Shared objects");
        SECTIONS.put(TopicScore.class, "### Shared objects");
        SECTIONS.put(OrgMention.class, "### Shared objects");
        SECTIONS.put(Metric.class, "### Shared objects");
        SECTIONS.put(Analysis.class, "## `analyze`");
        SECTIONS.put(Analysis.SummaryView.class, "## `analyze`");
        SECTIONS.put(Analysis.Error.class, "## `analyze`");
    }

    @Test
    void contractDocumentsEveryFieldOfEveryEventInItsSection() throws IOException {
        List<String> contract = lines("CONTRACT.md");
        List<String> missing = new ArrayList<>();
        SECTIONS.forEach((type, heading) -> {
            String section = String.join("\n", section(contract, heading));
            for (RecordComponent field : type.getRecordComponents()) {
                if (!Pattern.compile("[`\"]" + Pattern.quote(field.getName()) + "[`\"]").matcher(section).find()) {
                    missing.add(type.getSimpleName() + "." + field.getName() + " under " + heading);
                }
            }
        });
        assertEquals(List.of(), missing, "fields CONTRACT.md does not document");
    }

    @Test
    void readmeListsEveryFieldOfEveryEventWithItsSchemaVersion() throws IOException {
        List<String> readme = Files.readAllLines(RepoPaths.find("README.md"));
        String formats = String.join("\n", section(readme, "#### Event formats"));
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(ArticleEvent.class, EnrichedArticle.class, OrgStats.class, SummaryEvent.class,
                AlertEvent.class, RetractionEvent.class, Subscription.class, DeadLetter.class)) {
            for (RecordComponent field : type.getRecordComponents()) {
                // The enriched article repeats the article's fields; schemaVersion is given as a number.
                if (!field.getName().equals("schemaVersion") && !Pattern.compile("`" + Pattern.quote(field.getName()) + "[` ]").matcher(formats).find()
                        && !(type == EnrichedArticle.class && field.getName().equals("sentences"))) {
                    missing.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "fields the README's Event formats do not list");
        assertTrue(formats.contains("schemaVersion 2") && formats.contains("schemaVersion 1"), formats);
    }

    @Test
    void contractListsExactlyTheTopicsWithTheirCleanupAndPartitions() throws IOException {
        List<String> rows = tableRows(section(lines("CONTRACT.md"), "## Topics"));
        Map<String, String> documented = new LinkedHashMap<>();
        rows.forEach(row -> documented.put(id(row), row));
        List<Topics.Spec> specs = new Topics("").all();
        assertEquals(specs.stream().map(Topics.Spec::name).toList(), List.copyOf(documented.keySet()));
        for (Topics.Spec spec : specs) {
            String[] cells = documented.get(spec.name()).split("\\|");
            String cleanup = cells[cells.length - 1].strip();
            assertEquals(spec.compacted(), cleanup.startsWith("compact"), spec.name() + ": " + cleanup);
            assertEquals(spec.partitionsFactor() > 1, cleanup.contains(spec.partitionsFactor() + " × `topic.partitions`"),
                    spec.name() + ": " + cleanup);
        }
    }

    @Test
    void taxonomyListsExactlyTheTopicIdsOfTheClassifier() throws IOException {
        Set<String> lexicon = new TreeSet<>();
        for (String line : LanguageData.lines(TopicClassifier.class, "topics-vi.txt")) {
            lexicon.add(line.split("\\s*\\|\\s*|\\t", 2)[0].strip());
        }
        lexicon.add(Enricher.OTHER_TOPIC);
        Set<String> documented = taxonomyIds("## Topics");

        assertEquals(lexicon, documented, "topic ids of topics-vi.txt and TAXONOMY.md");
        assertEquals(new TreeSet<>(Subscription.TOPIC_IDS), documented, "topic ids subscriptions accept");
    }

    @Test
    void taxonomyListsExactlyTheMetricTypesOfTheCues() throws IOException {
        Set<String> cues = new TreeSet<>();
        for (String line : LanguageData.lines(MetricExtractor.class, "metric-cues-vi.txt")) {
            if (!line.startsWith("@")) {
                cues.add(line.strip().split("\\s+", 2)[0]);
            }
        }
        assertEquals(cues, taxonomyIds("## Metric types"));
    }

    /**
     * The organisation types have no list of their own in the code: they are the type literals of the extractor's
     * and the source finder's canonical organisations (the last argument of each, a literal) and the types of the
     * site owners' data file.
     */
    @Test
    void taxonomyListsExactlyTheOrganisationTypesTheCodeGives() throws IOException {
        Set<String> types = new TreeSet<>();
        Path main = RepoPaths.find("analysis").resolve("src/main/java/vn/unionnews");
        for (Path source : List.of(main.resolve("analysis/OrganizationExtractor.java"),
                main.resolve("page/SourceFinder.java"))) {
            for (String line : Files.readAllLines(source)) {
                // A list of a rule's trigger words is no organisation's type.
                Matcher literal = ORG_TYPE_LITERAL.matcher(line);
                while (!line.contains("List.of(") && literal.find()) {
                    types.add(literal.group(1));
                }
            }
        }
        for (String owner : LanguageData.lines(Provinces.class, "site-owners.txt")) {
            String[] fields = owner.split("\\|");
            types.add(fields[fields.length - 1].strip());
        }
        assertTrue(types.size() >= 10, types::toString);
        assertEquals(types, taxonomyIds("## Organisation types"));
    }

    @Test
    void readmePointsAtTheDocsInTheRepository() throws IOException {
        String readme = Files.readString(RepoPaths.find("README.md"));
        for (String doc : List.of("CONTRACT.md", "TAXONOMY.md")) {
            assertTrue(readme.contains("](docs/" + doc + ")"), "README links docs/" + doc);
            assertTrue(Files.isRegularFile(RepoPaths.find("docs").resolve(doc)), doc);
        }
        assertFalse(Pattern.compile("(?<![/\\w])(CONTRACT|TAXONOMY)\\.md").matcher(readme
                .replaceAll("\\[[^\\]]*\\]\\(docs/[A-Z]+\\.md\\)", "")).find(),
                "README names CONTRACT.md or TAXONOMY.md without their docs/ path");
    }

    private static Set<String> taxonomyIds(String heading) throws IOException {
        Set<String> ids = new TreeSet<>();
        tableRows(section(lines("TAXONOMY.md"), heading)).forEach(row -> ids.add(id(row)));
        return ids;
    }

    private static List<String> lines(String doc) throws IOException {
        return Files.readAllLines(RepoPaths.find("docs").resolve(doc));
    }

    /** The lines under {@code heading} up to the next heading of its level or above (its subsections included). */
    private static List<String> section(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, () -> "no heading '" + heading + "'");
        int level = heading.indexOf(' ');
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            int hashes = line.startsWith("#") ? line.indexOf(' ') : -1;
            if (hashes > 0 && hashes <= level) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    /** The rows of the section's first table whose first cell is an id in backquotes. */
    private static List<String> tableRows(List<String> section) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section) {
            if (line.startsWith("|")) {
                inTable = true;
                if (TABLE_ID.matcher(line).find()) {
                    rows.add(line);
                }
            } else if (inTable) {
                break;
            }
        }
        assertFalse(rows.isEmpty(), "no table of ids");
        return rows;
    }

    private static String id(String row) {
        Matcher id = TABLE_ID.matcher(row);
        assertTrue(id.find(), row);
        return id.group(1);
    }
}
