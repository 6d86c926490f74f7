package vn.unionnews.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.unionnews.event.Digests;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.text.LanguageCheck;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.SentenceSplitter;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * Page understanding: a scraped page (plain text or HTML) becomes a clean article. The page is read as lines;
 * the body is the run of prose paragraphs from the first long paragraph with sentence punctuation and a fair
 * share of Vietnamese function words, up to whatever ends an article: a section marker ("Các tin khác",
 * "Tin cùng chuyên mục", …), a teaser list (a title, the title again, a lead) or a list of dated titles.
 * Inside it, short lines are captions, except list items and short paragraphs of several sentences; lines of the
 * site's template (see {@link SiteTemplates}) are never article text. Metadata is read from the lines before
 * the body (title, date, breadcrumb, site header) and the short lines after it (byline).
 *
 * <p>Thread-safe; build one per process and reuse it, so that it learns the templates of the sites it sees.
 */
public final class PageParser {
    /** Paragraphs of prose are at least this long; captions, titles and bylines are shorter. */
    private static final int MIN_PARAGRAPH_SYLLABLES = 30;
    /** A short paragraph of several sentences is at least this long. */
    private static final int MIN_SHORT_PARAGRAPH_SYLLABLES = 12;
    /**
     * Prose has function words ("của", "và", "được", "các"); a run of names or menu entries has almost none. In
     * VietNews paragraphs, 99 % have a share above 0.11 and the densest officialese 0.04; menus and lists of names
     * have less.
     */
    private static final double MIN_FUNCTION_WORD_SHARE = 0.05;
    private static final int FUNCTION_WORD_SAMPLE = 240;
    private static final int MAX_TITLE_SYLLABLES = 60;
    /** How far above the body a title is looked for, in lines, and how much of it the opening must repeat. */
    private static final int TITLE_SEARCH_LINES = 12;
    private static final double TITLE_MIN_SHARED = 0.5;
    private static final int MAX_TEASER_TITLE_SYLLABLES = 45;
    private static final int MAX_BYLINE_SYLLABLES = 15;
    private static final int MAX_HEADING_SYLLABLES = 20;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("(?:[.!?…]|\\./\\.)[\"'”’»)\\]]*$");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{1,2}/\\d{1,2}/\\d{2,4}|^Thứ (?:\\d|hai|ba|tư|năm|sáu|bảy)|Chủ nhật|ngày \\d{1,2} tháng \\d{1,2}",
            Pattern.CASE_INSENSITIVE);
    /** A title in a list of other articles: it carries its own date, "(15/09/2017)" or "- 15/09/2017". */
    private static final Pattern DATED_TITLE = Pattern.compile(
            "[(\\[-–]\\s*\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?(?:\\s+\\d{1,2}:\\d{2})?\\s*[)\\]]?$");
    private static final Pattern COUNTER = Pattern.compile(
            "^(?:[•·\\-*]\\s*)?(?:lượt xem|lượt truy cập|đang online|hôm nay)?[\\s:]*[\\d.,\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "^(?:Bài(?: và ảnh)?|Tin(?: và ảnh)?|Tác giả|Nhóm PV)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /** A photo's alt text or credit: "… ảnh 3", "(Ảnh: Minh Hà)", "Ảnh: …". */
    private static final Pattern PHOTO = Pattern.compile(
            "(?:\\bảnh \\d+$|^\\(?ảnh(?: minh họa| minh hoạ)?\\s*:|\\(ảnh:?[^)]*\\)$|^ảnh minh h[oọ]a)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("^[-–+•*]\\s*\\S.*[.;,:]$");
    private static final Pattern HEADING_NUMBER = Pattern.compile("^(?:[IVX]+|\\d{1,2}|[a-zđ])[.)]\\s", Pattern.CASE_INSENSITIVE);

    private final List<String> endMarkers;
    private final SourceFinder sources = new SourceFinder();
    private final SiteTemplates templates;
    private final WordTokenizer words = WordTokenizer.vietnamese();

    /** A parser with its own, empty memory of site templates. */
    public PageParser() {
        this(new SiteTemplates());
    }

    public PageParser(SiteTemplates templates) {
        this.templates = templates;
        endMarkers = LanguageData.lines(PageParser.class, "section-end-markers.txt").stream()
                .map(marker -> marker.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Parses one page; throws {@link PageException} with a stable code for a page that is not an article. */
    public ParsedPage parse(RawPage page) {
        String content = page.html() != null ? page.html() : page.text();
        if (content == null || content.isBlank()) {
            throw new PageException("empty", "The page has no text");
        }
        if (looksBinary(content)) {
            throw new PageException("binary", "The page is not text (control characters or invalid UTF-8)");
        }
        Markup markup = Markup.NONE;
        if (page.html() != null) {
            HtmlPages.HtmlContent html = HtmlPages.read(page.html());
            content = html.lines();
            markup = new Markup(html.title(), html.publishedAt(), html.siteName(), html.captions());
        }
        List<String> lines = nonBlankLines(VietnameseText.normalize(content));
        if (lines.isEmpty()) {
            throw new PageException("empty", "The page has no text");
        }
        String hint = page.source() != null ? page.source() : markup.siteName().orElse(null);
        String site = SiteTemplates.siteOf(page.url(), hint, lines.get(0));
        List<String> keys = lines.stream().map(SiteTemplates::lineKey).toList();
        try {
            return parseLines(page, lines, keys, templates.templateOf(site), markup, hint);
        } finally {
            templates.learn(site, pageKey(page, lines), keys);
        }
    }

    /** What the markup of an HTML page says outright. */
    private record Markup(Optional<String> title, Optional<String> publishedAt, Optional<String> siteName,
                          List<String> captions) {
        static final Markup NONE = new Markup(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** Where the article is among the page's lines. */
    private record Layout(int start, int stop, int last, List<String> paragraphs, List<String> captions) {
    }

    private ParsedPage parseLines(RawPage page, List<String> lines, List<String> keys, Set<String> templateLines,
                                  Markup markup, String sourceHint) {
        boolean[] template = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            template[i] = templateLines.contains(keys.get(i));
        }
        boolean[] prose = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            prose[i] = isParagraph(lines.get(i));
        }
        Layout found = layout(lines, keys, template, prose);
        if (found == null && !templateLines.isEmpty()) {
            // The template swallowed every paragraph: read the page as if nothing were known of its site.
            template = new boolean[lines.size()];
            found = layout(lines, keys, template, prose);
        }
        if (found == null) {
            if (!LanguageCheck.isVietnamese(String.join("\n", lines))) {
                throw notVietnamese();
            }
            throw new PageException("no_article", "No paragraph of prose found: not a news article");
        }
        Layout layout = found;
        String body = String.join("\n", layout.paragraphs());
        if (!LanguageCheck.isVietnamese(body)) {
            throw notVietnamese();
        }
        List<String> header = new ArrayList<>();
        for (int i = 0; i < layout.start(); i++) {
            if (!template[i]) {
                header.add(lines.get(i));
            }
        }
        List<String> allHeader = lines.subList(0, layout.start());
        String title = Optional.ofNullable(page.title()).map(VietnameseText::normalize)
                .or(() -> markup.title().map(VietnameseText::normalize))
                .orElseGet(() -> title(header, layout.paragraphs()));
        LocalDate fetchDay = page.fetchedAt() == null ? null
                : page.fetchedAt().atOffset(PublishedDates.VIETNAM).toLocalDate();
        String published = markup.publishedAt().flatMap(PublishedDates::fromMarkup)
                .or(() -> PublishedDates.fullDate(allHeader))
                .or(() -> PublishedDates.yearlessDate(layout.paragraphs().get(0), body, fetchDay))
                .orElse(null);
        SourceOrg source = sources.find(sourceHint, SiteTemplates.hostOf(page.url()), allHeader, layout.paragraphs())
                .orElse(SourceOrg.UNKNOWN);
        List<String> captions = new ArrayList<>(markup.captions().stream().map(VietnameseText::normalize).toList());
        captions.addAll(layout.captions());
        List<String> trailer = new ArrayList<>();
        for (int i = layout.last() + 1; i < layout.stop(); i++) {
            if (!template[i]) {
                trailer.add(lines.get(i));
            }
        }
        return new ParsedPage(title, Titles.displayForm(title, body), published, source, byline(trailer),
                category(allHeader), layout.paragraphs(), captions);
    }

    private static PageException notVietnamese() {
        return new PageException("not_vietnamese", "The page is not in Vietnamese");
    }

    /** The body's place on the page, or null when no line is a paragraph of prose. */
    private Layout layout(List<String> lines, List<String> keys, boolean[] template, boolean[] prose) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (!template[i] && prose[i]) {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        int stop = articleEnd(lines, keys, prose, start);
        int last = start;
        boolean[] kept = new boolean[lines.size()];
        for (int i = start; i < stop; i++) {
            if (!template[i] && (prose[i] || isListItem(lines.get(i)))) {
                kept[i] = true;
                last = i;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = start; i <= last; i++) {
            String line = lines.get(i);
            if (template[i]) {
                continue;
            }
            if (kept[i] || isShortParagraph(line)) {
                paragraphs.add(line);
            } else if (!isHeading(line)) {
                captions.add(line);
            }
        }
        return new Layout(start, stop, last, paragraphs, captions);
    }

    private boolean isParagraph(String line) {
        if (VietnameseText.syllableCount(line) < MIN_PARAGRAPH_SYLLABLES || !SENTENCE_END.matcher(line).find()) {
            return false;
        }
        return functionWordShare(line) >= MIN_FUNCTION_WORD_SHARE;
    }

    /** Measured on a paragraph's opening, which shows its kind as well as the whole and keeps parsing linear. */
    private double functionWordShare(String line) {
        int end = line.length() <= FUNCTION_WORD_SAMPLE ? line.length() : line.lastIndexOf(' ', FUNCTION_WORD_SAMPLE);
        List<String> tokens = words.words(line.substring(0, Math.max(end, 0)));
        if (tokens.isEmpty()) {
            return 0;
        }
        long function = tokens.stream().filter(words::isStopword).count();
        return (double) function / tokens.size();
    }

    /**
     * A short paragraph of several sentences between paragraphs, as opposed to a photo caption, which is one
     * descriptive line ("Quang cảnh hội nghị.", "Lãnh đạo tỉnh trao Bằng khen cho các tập thể.").
     */
    private static boolean isShortParagraph(String line) {
        return VietnameseText.syllableCount(line) >= MIN_SHORT_PARAGRAPH_SYLLABLES && ENDS_SENTENCE.matcher(line).find()
                && !PHOTO.matcher(line).find() && SentenceSplitter.split(line).size() >= 2;
    }

    private static boolean isListItem(String line) {
        return LIST_ITEM.matcher(line).matches() && VietnameseText.syllableCount(line) >= 8;
    }

    /** A numbered or capitalised section heading inside the article ("1. Kết quả nổi bật", "II. NHIỆM VỤ"). */
    private static boolean isHeading(String line) {
        return VietnameseText.syllableCount(line) <= MAX_HEADING_SYLLABLES && !ENDS_SENTENCE.matcher(line).find()
                && (HEADING_NUMBER.matcher(line).find() || Titles.isAllCaps(line));
    }

    /**
     * The first line after {@code start} that ends the article: a section marker, the start of a teaser list (a
     * title followed by the title again) or of a list of dated titles; else the end of the page.
     */
    private int articleEnd(List<String> lines, List<String> keys, boolean[] prose, int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (isEndMarker(lines.get(i)) || startsTeaser(lines, keys, prose, i) || startsDatedList(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private boolean isEndMarker(String line) {
        String lower = line.toLowerCase(Locale.ROOT).strip();
        for (String marker : endMarkers) {
            boolean matches = marker.endsWith("*")
                    ? lower.startsWith(marker.substring(0, marker.length() - 1))
                    : lower.equals(marker) || lower.equals(marker + ":");
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** "Title" then "Title" again, or "Section: Title": how teaser lists repeat the link of another article. */
    private static boolean startsTeaser(List<String> lines, List<String> keys, boolean[] prose, int i) {
        if (i + 1 >= lines.size() || prose[i] || prose[i + 1] || !keys.get(i + 1).endsWith(keys.get(i))) {
            return false;
        }
        int syllables = VietnameseText.syllableCount(lines.get(i));
        return syllables >= 4 && syllables <= MAX_TEASER_TITLE_SYLLABLES;
    }

    /** Two titles with their own dates within three lines: a list of other articles or documents. */
    private static boolean startsDatedList(List<String> lines, int i) {
        if (!isDatedTitle(lines.get(i))) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (isDatedTitle(lines.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDatedTitle(String line) {
        return VietnameseText.syllableCount(line) <= MAX_TITLE_SYLLABLES && DATED_TITLE.matcher(line).find();
    }

    /**
     * The title among the last lines above the body: the nearest line of title shape (not a date, counter,
     * breadcrumb, caption, question or byline) most of whose words the article's opening repeats. Share buttons,
     * slogans and menu entries sit just as near, but the opening does not talk about them. When no line is
     * repeated enough, the one repeated most; when none at all, the nearest.
     */
    private String title(List<String> header, List<String> paragraphs) {
        Set<String> opening = new HashSet<>(Syllables.of(
                String.join(" ", paragraphs.subList(0, Math.min(2, paragraphs.size())))));
        String best = null;
        double bestShare = -1;
        for (int i = header.size() - 1, distance = 0; i >= 0 && distance < TITLE_SEARCH_LINES; i--, distance++) {
            String line = header.get(i);
            if (!hasTitleShape(line)) {
                continue;
            }
            double share = sharedContentShare(line, opening);
            if (share >= TITLE_MIN_SHARED) {
                return line;
            }
            if (share > bestShare) {
                best = line;
                bestShare = share;
            }
        }
        return best;
    }

    private static boolean hasTitleShape(String line) {
        int syllables = VietnameseText.syllableCount(line);
        return syllables >= 4 && syllables <= MAX_TITLE_SYLLABLES && !line.contains("»")
                && !DATE_LIKE.matcher(line).find() && !COUNTER.matcher(line).matches()
                && !line.endsWith("?") && !PHOTO.matcher(line).find() && !BYLINE_LABEL.matcher(line).find();
    }

    /** The share of a line's content syllables (not function words) that {@code opening} also has. */
    private double sharedContentShare(String line, Set<String> opening) {
        int content = 0;
        int shared = 0;
        for (String syllable : Syllables.of(line)) {
            if (!words.isStopword(syllable)) {
                content++;
                if (opening.contains(syllable)) {
                    shared++;
                }
            }
        }
        return content == 0 ? 0 : (double) shared / content;
    }

    /** A breadcrumb line ("Tin tức sự kiện » LĐLĐ huyện, thành phố") above the body. */
    private static String category(List<String> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i).contains("»")) {
                return header.get(i);
            }
        }
        return null;
    }

    /** The author line right after the body: "Bài: …; Ảnh: …", "Name (Org)", "Name - position". */
    private static String byline(List<String> trailer) {
        for (String line : trailer.subList(0, Math.min(3, trailer.size()))) {
            int syllables = VietnameseText.syllableCount(line);
            if (syllables >= 2 && syllables <= MAX_BYLINE_SYLLABLES && !line.endsWith(".")
                    && !COUNTER.matcher(line).matches() && !DATE_LIKE.matcher(line).find()
                    && (BYLINE_LABEL.matcher(line).find() || Character.isUpperCase(line.codePointAt(0)))) {
                return line;
            }
        }
        return null;
    }

    /**
     * Identifies a page for template learning, so that re-scrapes count once: its id, its URL, else its first
     * paragraphs of prose (which a re-scrape does not change, unlike counters and lists of latest news).
     */
    private String pageKey(RawPage page, List<String> lines) {
        if (page.id() != null && !page.id().isBlank()) {
            return "id:" + page.id();
        }
        if (page.url() != null && !page.url().isBlank()) {
            return "url:" + ArticleIds.canonicalUrl(page.url());
        }
        StringBuilder opening = new StringBuilder();
        int paragraphs = 0;
        for (int i = 0; i < lines.size() && paragraphs < 3; i++) {
            if (VietnameseText.syllableCount(lines.get(i)) >= MIN_PARAGRAPH_SYLLABLES) {
                opening.append(lines.get(i)).append('\n');
                paragraphs++;
            }
        }
        return "text:" + Digests.sha256Hex(opening.length() > 0 ? opening.toString() : String.join("\n", lines));
    }

    private static boolean looksBinary(String content) {
        long odd = content.chars()
                .filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                .limit(content.length() / 100 + 1)
                .count();
        return odd > content.length() / 100;
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
